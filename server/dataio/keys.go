package dataio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// unknownKeys lists every key of the JSON document data that the type t
// does not have, each with its path (brands[3].regon), in file order. It
// matches keys as encoding/json does (exact, else ignoring case), and does
// not look inside values whose type reads itself (json.Unmarshaler). data
// must be valid JSON.
func unknownKeys(data []byte, t reflect.Type) Problems {
	w := keyWalker{dec: json.NewDecoder(bytes.NewReader(data))}
	_ = w.value("", t) // data was decoded already: it is valid JSON
	return w.problems
}

type keyWalker struct {
	dec      *json.Decoder
	problems Problems
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// value walks one JSON value at path; t is the Go type it decodes into, or
// nil where nothing is checked.
func (w *keyWalker) value(path string, t reflect.Type) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && reflect.PointerTo(t).Implements(unmarshalerType) {
		t = nil
	}
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		var fields map[string]reflect.Type
		var elem reflect.Type
		switch {
		case t == nil:
		case t.Kind() == reflect.Struct:
			fields = jsonFields(t)
		case t.Kind() == reflect.Map:
			elem = t.Elem()
		}
		for w.dec.More() {
			k, err := w.dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			sub := key
			if path != "" {
				sub = path + "." + key
			}
			ft := elem
			if fields != nil {
				var known bool
				if ft, known = lookupField(fields, key); !known {
					w.problems = append(w.problems, Problem{Where: sub, Message: unknownKeyMessage(key, fields)})
				}
			}
			if err := w.value(sub, ft); err != nil {
				return err
			}
		}
		_, err = w.dec.Token() // }
		return err
	case json.Delim('['):
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.value(fmt.Sprintf("%s[%d]", path, i), elem); err != nil {
				return err
			}
		}
		_, err = w.dec.Token() // ]
		return err
	}
	return nil
}

// jsonFields maps the JSON names of a struct's fields (embedded structs'
// fields included, as encoding/json promotes them) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for k, v := range jsonFields(f.Type) {
				if _, shadowed := out[k]; !shadowed {
					out[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

// lookupField finds a key as encoding/json does: the exact name, else one
// that differs only in case.
func lookupField(fields map[string]reflect.Type, key string) (reflect.Type, bool) {
	if t, ok := fields[key]; ok {
		return t, true
	}
	for name, t := range fields {
		if strings.EqualFold(name, key) {
			return t, true
		}
	}
	return nil, false
}

// unknownKeyMessage suggests the nearest known key when one is close (a
// typo, or "region" for regionCode), else lists them all.
func unknownKeyMessage(key string, fields map[string]reflect.Type) string {
	best, bestDist := "", 3
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
		if d := keyDistance(key, name); d < bestDist || (d == bestDist && name < best) {
			best, bestDist = name, d
		}
	}
	if best != "" {
		return fmt.Sprintf("unknown key; did you mean %s?", best)
	}
	slices.Sort(names)
	return "unknown key; the keys here are " + strings.Join(names, ", ")
}

// keyDistance is how far a typed key is from a known name, ignoring case,
// and from the name without its suffix (regionCode → region, nameZh →
// name), so that a key that drops the suffix still finds its field.
func keyDistance(key, name string) int {
	key, name = strings.ToLower(key), strings.ToLower(name)
	d := editDistance(key, name)
	for _, suffix := range []string{"code", "zh", "en", "url"} {
		if stem, ok := strings.CutSuffix(name, suffix); ok && stem != "" {
			d = min(d, editDistance(key, stem))
		}
	}
	return d
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
