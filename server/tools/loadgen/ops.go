package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// An operation directory holds one server's version of the client
// operations, so the same mix can be pointed at our server or at a peer:
//
//	NAME.graphql       one GraphQL operation (the file name is its name in mixes)
//	NAME.vars.json     optional variables; a string "$pool:P" or "$pool:P.field"
//	                   is replaced per request by a value drawn from pool P
//	setup.graphql      optional query run once before the load; pools read it
//	pools.json         pools: {"P": "data.path.to.values"} (a path into the
//	                   setup answer; arrays on the way are flattened) or
//	                   {"P": [literal values]}
//	mixes.txt          named mixes, one a line: "name: Op=weight Op=weight"

// Operation is one client operation and its variables template.
type Operation struct {
	Name  string
	Query string
	Vars  map[string]any // nil when the operation takes none
}

// Mix is a weighted list of operation names.
type Mix struct {
	Name    string
	Entries []MixEntry
	total   int
}

// MixEntry is one operation's share of a mix.
type MixEntry struct {
	Op     string
	Weight int
}

// parseMixes reads a mixes file: "name: Op=weight ..." per line, '#'
// comments and blank lines ignored.
func parseMixes(r io.Reader) (map[string]Mix, error) {
	mixes := map[string]Mix{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = strings.TrimSpace(text[:i])
		}
		if text == "" {
			continue
		}
		name, spec, ok := strings.Cut(text, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t=") {
			return nil, fmt.Errorf("line %d: want \"name: Op=weight ...\", got %q", line, text)
		}
		if _, dup := mixes[name]; dup {
			return nil, fmt.Errorf("line %d: mix %q is defined twice", line, name)
		}
		m, err := parseMixSpec(name, spec)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		mixes[name] = m
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return mixes, nil
}

// parseMixSpec reads "Op=weight Op=weight" (spaces or commas between
// entries); a bare "Op" has weight 1.
func parseMixSpec(name, spec string) (Mix, error) {
	m := Mix{Name: name}
	seen := map[string]bool{}
	for _, field := range strings.FieldsFunc(spec, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		op, w, hasWeight := strings.Cut(field, "=")
		weight := 1
		if hasWeight {
			n, err := strconv.Atoi(w)
			if err != nil || n <= 0 {
				return Mix{}, fmt.Errorf("mix %q: weight of %s must be a positive whole number, got %q", name, op, w)
			}
			weight = n
		}
		if op == "" {
			return Mix{}, fmt.Errorf("mix %q: entry %q has no operation", name, field)
		}
		if seen[op] {
			return Mix{}, fmt.Errorf("mix %q: %s is listed twice", name, op)
		}
		seen[op] = true
		m.Entries = append(m.Entries, MixEntry{Op: op, Weight: weight})
		m.total += weight
	}
	if len(m.Entries) == 0 {
		return Mix{}, fmt.Errorf("mix %q has no operations", name)
	}
	return m, nil
}

// pick draws an operation name with probability weight/total.
func (m Mix) pick(rng *rand.Rand) string {
	n := rng.IntN(m.total)
	for _, e := range m.Entries {
		if n < e.Weight {
			return e.Op
		}
		n -= e.Weight
	}
	return m.Entries[len(m.Entries)-1].Op
}

// OpsDir is a loaded operation directory.
type OpsDir struct {
	Dir        string
	Operations map[string]*Operation
	Mixes      map[string]Mix
	Setup      string                     // the setup query, "" when none
	PoolSpecs  map[string]json.RawMessage // pool name → path string or literal array
}

// loadOpsDir reads an operation directory.
func loadOpsDir(dir string) (*OpsDir, error) {
	d := &OpsDir{Dir: dir, Operations: map[string]*Operation{}, Mixes: map[string]Mix{}, PoolSpecs: map[string]json.RawMessage{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.graphql"))
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		if name == "setup" {
			d.Setup = string(text)
			continue
		}
		op := &Operation{Name: name, Query: string(text)}
		vars, err := os.ReadFile(filepath.Join(dir, name+".vars.json"))
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			if err := json.Unmarshal(vars, &op.Vars); err != nil {
				return nil, fmt.Errorf("%s.vars.json: %w", name, err)
			}
		}
		d.Operations[name] = op
	}
	if len(d.Operations) == 0 {
		return nil, fmt.Errorf("%s: no .graphql operations", dir)
	}
	if f, err := os.Open(filepath.Join(dir, "mixes.txt")); err == nil {
		d.Mixes, err = parseMixes(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s/mixes.txt: %w", dir, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if b, err := os.ReadFile(filepath.Join(dir, "pools.json")); err == nil {
		if err := json.Unmarshal(b, &d.PoolSpecs); err != nil {
			return nil, fmt.Errorf("%s/pools.json: %w", dir, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	for _, m := range d.Mixes {
		if err := d.check(m); err != nil {
			return nil, fmt.Errorf("%s/mixes.txt: %w", dir, err)
		}
	}
	return d, nil
}

// mix returns the named mix, or parses an inline one ("Op=3,Op=1").
func (d *OpsDir) mix(spec string) (Mix, error) {
	if m, ok := d.Mixes[spec]; ok {
		return m, nil
	}
	if !strings.ContainsAny(spec, "=, ") {
		if _, isOp := d.Operations[spec]; !isOp {
			return Mix{}, fmt.Errorf("no mix or operation %q in %s (mixes: %s)", spec, d.Dir, strings.Join(sortedKeys(d.Mixes), ", "))
		}
	}
	m, err := parseMixSpec("inline", spec)
	if err != nil {
		return Mix{}, err
	}
	return m, d.check(m)
}

// check reports a mix entry without an operation file, or a pool reference
// without a pool.
func (d *OpsDir) check(m Mix) error {
	for _, e := range m.Entries {
		op, ok := d.Operations[e.Op]
		if !ok {
			return fmt.Errorf("mix %q: no operation %s.graphql", m.Name, e.Op)
		}
		for _, ref := range poolRefs(op.Vars) {
			if _, ok := d.PoolSpecs[ref]; !ok {
				return fmt.Errorf("mix %q: %s uses pool %q, which pools.json does not define", m.Name, e.Op, ref)
			}
		}
	}
	return nil
}

const poolPrefix = "$pool:"

// poolRefs lists the pool names a variables template refers to.
func poolRefs(v any) []string {
	var refs []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if name, ok := strings.CutPrefix(v, poolPrefix); ok {
				name, _, _ = strings.Cut(name, ".")
				refs = append(refs, name)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return refs
}

// Pools are the values variables are drawn from.
type Pools map[string][]any

// buildPools fills the pools from their specs: literal arrays as they are,
// paths from the setup answer.
func buildPools(specs map[string]json.RawMessage, setupAnswer any) (Pools, error) {
	pools := Pools{}
	for name, raw := range specs {
		var path string
		if json.Unmarshal(raw, &path) == nil {
			if setupAnswer == nil {
				return nil, fmt.Errorf("pool %q reads the setup answer, but there is no setup.graphql", name)
			}
			pools[name] = extract(setupAnswer, strings.Split(path, "."))
		} else if err := json.Unmarshal(raw, new([]any)); err == nil {
			var values []any
			_ = json.Unmarshal(raw, &values)
			pools[name] = values
		} else {
			return nil, fmt.Errorf("pool %q: want a path string or an array of values", name)
		}
		if len(pools[name]) == 0 {
			return nil, fmt.Errorf("pool %q is empty (is the data loaded?)", name)
		}
	}
	return pools, nil
}

// extract walks path through v; arrays met on the way are flattened, so
// "data.brands.edges.node.slug" gives every slug.
func extract(v any, path []string) []any {
	if arr, ok := v.([]any); ok {
		var out []any
		for _, x := range arr {
			out = append(out, extract(x, path)...)
		}
		return out
	}
	if len(path) == 0 {
		if v == nil {
			return nil
		}
		return []any{v}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	return extract(obj[path[0]], path[1:])
}

// instantiate copies a variables template, replacing pool references by
// values drawn from the pools; references to the same pool within one
// request use the same drawn value, so "$pool:point.lat" and
// "$pool:point.lng" stay a pair.
func (p Pools) instantiate(tmpl map[string]any, rng *rand.Rand) map[string]any {
	if tmpl == nil {
		return nil
	}
	drawn := map[string]any{}
	var walk func(any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case string:
			ref, ok := strings.CutPrefix(v, poolPrefix)
			if !ok {
				return v
			}
			name, field, hasField := strings.Cut(ref, ".")
			val, ok := drawn[name]
			if !ok {
				values := p[name]
				val = values[rng.IntN(len(values))]
				drawn[name] = val
			}
			if hasField {
				if obj, ok := val.(map[string]any); ok {
					return obj[field]
				}
				return nil
			}
			return val
		case map[string]any:
			out := make(map[string]any, len(v))
			for k, x := range v {
				out[k] = walk(x)
			}
			return out
		case []any:
			out := make([]any, len(v))
			for i, x := range v {
				out[i] = walk(x)
			}
			return out
		}
		return v
	}
	return walk(tmpl).(map[string]any)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
