package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"brandshow/ent"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Error codes of refused queries. They are protocol errors: the request is
// answered with 400 (graphql-response+json) or 200 (json, as GraphQL over
// HTTP asks of application/json), nothing runs.
const (
	CodeQueryTooCostly = "QUERY_TOO_COSTLY"
	CodeQueryTooDeep   = "QUERY_TOO_DEEP"
	CodeQueryTooLarge  = "QUERY_TOO_LARGE"
	// CodeIntrospectionDisabled refuses __schema and __type when
	// introspection is turned off.
	CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"
	// CodeResponseTooLarge replaces an answer that grew past MaxResponseBytes.
	CodeResponseTooLarge = "RESPONSE_TOO_LARGE"
	// CodeBadRequest is a request that is not GraphQL over HTTP at all (a
	// body that is not one JSON object, a mutation by GET).
	CodeBadRequest = "BAD_REQUEST"
)

func init() {
	for _, code := range []string{CodeQueryTooCostly, CodeQueryTooDeep, CodeQueryTooLarge, CodeBadUserInput, CodeIntrospectionDisabled} {
		errcode.RegisterErrorType(code, errcode.KindProtocol)
	}
}

// Limits bound what one query may ask for. Every limit is checked before the
// query runs. The defaults fit every query of our own clients with room to
// spare (the promotion site's featured page costs about 600, a brand page
// about 2,000) and refuse what no page needs.
type Limits struct {
	// MaxQueryBytes bounds the query document, before it is parsed.
	MaxQueryBytes int
	// MaxDepth bounds field nesting (GraphiQL's introspection query is 13 deep).
	MaxDepth int
	// MaxCost bounds the cost: a field costs 1 plus its children's cost
	// times its page size (first/last; 20 for a connection without them;
	// the number of IDs for nodes; the number of schema elements for
	// introspection lists), and a long text 1 more per KiB it may hold.
	MaxCost int
	// MaxFields bounds the number of fields, fragments expanded.
	MaxFields int
	// MaxAliases bounds aliases, which otherwise multiply work cheaply.
	MaxAliases int
}

// DefaultLimits are the limits of the public endpoint.
var DefaultLimits = Limits{MaxQueryBytes: 16 << 10, MaxDepth: 15, MaxCost: 25000, MaxFields: 1000, MaxAliases: 50}

// QueryBudget enforces Limits and the range of every first/last (one walk
// of the operation, fragments included), and reports every query's cost in the
// response's extensions.cost, as Shopify does, so client authors see where
// they stand.
type QueryBudget struct{ Limits Limits }

var (
	_ graphql.HandlerExtension          = QueryBudget{}
	_ graphql.OperationParameterMutator = QueryBudget{}
	_ graphql.OperationContextMutator   = QueryBudget{}
	_ graphql.ResponseInterceptor       = QueryBudget{}
)

// Cost is what extensions.cost reports.
type Cost struct {
	Requested int `json:"requested"`
	Limit     int `json:"limit"`
}

// ExtensionName implements graphql.HandlerExtension.
func (QueryBudget) ExtensionName() string { return "QueryBudget" }

// Validate implements graphql.HandlerExtension.
func (QueryBudget) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses an oversized document before parsing.
func (b QueryBudget) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if n := len(p.Query); b.Limits.MaxQueryBytes > 0 && n > b.Limits.MaxQueryBytes {
		return limitError(CodeQueryTooLarge, "the query document is %d bytes; the limit is %d", n, b.Limits.MaxQueryBytes)
	}
	return intVariableProblem(p)
}

// intVariableProblem refuses an Int variable that is not a 64-bit whole
// number with a message that names the value: gqlparser's own says
// "cannot use value 0 as Int" for 5.5. Only a variable whose JSON number
// does not fit an int64 costs a parse of the document here (cached parses
// come later), and only to read its declared type.
func intVariableProblem(p *graphql.RawParams) *gqlerror.Error {
	var suspect []string
	for name, v := range p.Variables {
		if n, ok := v.(json.Number); ok {
			if _, err := n.Int64(); err != nil {
				suspect = append(suspect, name)
			}
		}
	}
	if len(suspect) == 0 {
		return nil
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil // the executor reports the syntax error
	}
	for _, op := range doc.Operations {
		for _, name := range suspect {
			def := op.VariableDefinitions.ForName(name)
			if def == nil || def.Type.Elem != nil || def.Type.NamedType != "Int" {
				continue
			}
			n := p.Variables[name].(json.Number)
			what := "is not a whole number"
			if f, ok := new(big.Float).SetString(n.String()); ok && f.IsInt() {
				what = "is out of range for Int (a 64-bit whole number)"
			}
			err := gqlerror.Errorf("variable $%s: %s %s", name, n, what)
			err.Extensions = map[string]any{"code": CodeBadUserInput, "variable": name}
			return err
		}
	}
	return nil
}

// MutateOperationContext measures the operation and refuses it when it is
// over any limit.
func (b QueryBudget) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	m := &measurer{vars: oc.Variables, fragments: map[string]tally{}, doc: oc.Doc}
	t := m.selection(oc.Operation.SelectionSet)
	if t.introspects && oc.DisableIntrospection {
		// One coded error, before anything runs (gqlgen would answer one
		// internal error per aliased __schema).
		return limitError(CodeIntrospectionDisabled, "introspection (__schema, __type) is turned off on this server")
	}
	if m.pageErr != nil {
		return m.pageErr // the most specific mistake: it names the field and the limit
	}
	l := b.Limits
	switch {
	case l.MaxDepth > 0 && t.depth > l.MaxDepth:
		return limitError(CodeQueryTooDeep, "the query is %d levels deep; the limit is %d", t.depth, l.MaxDepth)
	case l.MaxFields > 0 && t.fields > l.MaxFields:
		return limitError(CodeQueryTooLarge, "the query selects %d fields (fragments expanded); the limit is %d", t.fields, l.MaxFields)
	case l.MaxAliases > 0 && t.aliases > l.MaxAliases:
		return limitError(CodeQueryTooLarge, "the query uses %d aliases; the limit is %d", t.aliases, l.MaxAliases)
	case l.MaxCost > 0 && t.cost > l.MaxCost:
		err := limitError(CodeQueryTooCostly, "the query costs %d; the limit is %d. A field costs 1 plus its children's cost times its page size (first/last, 20 by default; the IDs of nodes; the schema's elements for introspection), and a long text 1 more per KiB it may hold: ask for smaller pages, fewer nested connections or fewer long texts", t.cost, l.MaxCost)
		err.Extensions["cost"] = Cost{Requested: t.cost, Limit: l.MaxCost}
		return err
	}
	oc.Stats.SetExtension("cost", Cost{Requested: t.cost, Limit: l.MaxCost})
	return nil
}

// InterceptResponse adds extensions.cost to the response.
func (QueryBudget) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil || !graphql.HasOperationContext(ctx) {
		return resp
	}
	if c := graphql.GetOperationContext(ctx).Stats.GetExtension("cost"); c != nil {
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		resp.Extensions["cost"] = c
	}
	return resp
}

func limitError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": code}
	return err
}

// tally is the measure of a selection set.
type tally struct {
	cost, depth, fields, aliases int
	introspects                  bool // selects __schema or __type
}

func (t *tally) add(o tally) {
	t.cost = saturatingAdd(t.cost, o.cost)
	t.fields = saturatingAdd(t.fields, o.fields)
	t.aliases = saturatingAdd(t.aliases, o.aliases)
	t.depth = max(t.depth, o.depth)
	t.introspects = t.introspects || o.introspects
}

// measurer walks an operation once; each fragment is measured once and its
// tally reused, so a fragment bomb costs linear time to measure (and is then
// refused by its expanded size).
type measurer struct {
	vars      map[string]any
	doc       *ast.QueryDocument
	fragments map[string]tally // by name and typeCtx
	visiting  map[string]bool
	pageErr   *gqlerror.Error // the first first/last or ids out of range
	// typeCtx is the type a __type(name:) field being measured describes,
	// so that its lists count that type's fields, not the average's.
	typeCtx *ast.Definition
	// ofTypeDepth is how many __Type.ofType fields enclose the field measured.
	ofTypeDepth int
}

func (m *measurer) selection(set ast.SelectionSet) tally {
	var t tally
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			t.add(m.field(s))
		case *ast.InlineFragment:
			t.add(m.selection(s.SelectionSet))
		case *ast.FragmentSpread:
			t.add(m.fragment(s.Name))
		}
	}
	return t
}

func (m *measurer) fragment(name string) tally {
	key := name
	if m.typeCtx != nil {
		key += "\x00" + m.typeCtx.Name
	}
	if t, ok := m.fragments[key]; ok {
		return t
	}
	if m.visiting[name] { // cycles are refused by validation; never loop here
		return tally{}
	}
	def := m.doc.Fragments.ForName(name)
	if def == nil {
		return tally{}
	}
	if m.visiting == nil {
		m.visiting = map[string]bool{}
	}
	m.visiting[name] = true
	t := m.selection(def.SelectionSet)
	delete(m.visiting, name)
	m.fragments[key] = t
	return t
}

func (m *measurer) field(f *ast.Field) tally {
	if f.ObjectDefinition != nil && strings.HasPrefix(f.ObjectDefinition.Name, "__") {
		return m.introspectionField(f)
	}
	mult := m.multiplier(f)
	saved := m.typeCtx
	m.typeCtx = nil
	if f.Name == "__type" {
		if name, ok := f.ArgumentMap(m.vars)["name"].(string); ok {
			m.typeCtx = parsedSchema.Types[name]
		}
	}
	children := m.selection(f.SelectionSet)
	m.typeCtx = saved
	t := tally{
		cost:        saturatingAdd(1+longTextCost(f), saturatingMul(mult, children.cost)),
		depth:       children.depth + 1,
		fields:      saturatingAdd(1, children.fields),
		aliases:     children.aliases,
		introspects: children.introspects || f.Name == "__schema" || f.Name == "__type",
	}
	if f.Alias != "" && f.Alias != f.Name {
		t.aliases++
	}
	return t
}

// introspectionField measures a field of an introspection type (__Schema,
// __Type, ...): its children count as often as the schema answers them
// (see introspectionShare).
func (m *measurer) introspectionField(f *ast.Field) tally {
	num, den := introspectionShare(f.ObjectDefinition.Name, f.Name, m.typeCtx, m.ofTypeDepth+1)
	savedCtx, savedDepth := m.typeCtx, m.ofTypeDepth
	m.typeCtx = nil
	if f.Name == "ofType" {
		m.ofTypeDepth++
	} else {
		m.ofTypeDepth = 0
	}
	children := m.selection(f.SelectionSet)
	m.typeCtx, m.ofTypeDepth = savedCtx, savedDepth
	// Each element of the schema answered (a type, a field, a type
	// reference) costs 1; its scalar properties (name, description) come
	// with it.
	cost := 0
	if len(f.SelectionSet) > 0 {
		share := saturatingMul(saturatingAdd(1, children.cost), num)
		cost = (share + den - 1) / den
	}
	t := tally{
		cost:        cost,
		depth:       children.depth + 1,
		fields:      saturatingAdd(1, children.fields),
		aliases:     children.aliases,
		introspects: children.introspects,
	}
	if f.Alias != "" && f.Alias != f.Name {
		t.aliases++
	}
	return t
}

// multiplier is how many times a field's children are resolved: the page
// size of a connection or a list with first/last, the number of IDs of
// nodes(ids:), 1 otherwise.
func (m *measurer) multiplier(f *ast.Field) int {
	if f.Definition == nil || len(f.Definition.Arguments) == 0 {
		return 1
	}
	args := f.ArgumentMap(m.vars)
	for _, name := range []string{"first", "last"} {
		if err := checkPageArg(f, name, args[name]); err != nil && m.pageErr == nil {
			m.pageErr = err
		}
	}
	if ids, ok := args["ids"].([]any); ok && f.Name == "nodes" {
		if len(ids) > MaxNodeIDs && m.pageErr == nil {
			m.pageErr = gqlerror.ErrorPosf(f.Position, "nodes takes at most %d IDs, got %d", MaxNodeIDs, len(ids))
			m.pageErr.Extensions = map[string]any{"code": CodeBadUserInput, "argument": "ids", "limit": MaxNodeIDs}
		}
		// Repeated IDs count: each is answered again.
		return max(1, len(ids))
	}
	n := -1
	for _, name := range []string{"first", "last"} {
		if v, ok := toInt(args[name]); ok && v > n {
			n = v
		}
	}
	if n < 0 && isConnection(f.Definition.Type) {
		n = DefaultPageSize
	}
	return max(1, n)
}

// MaxNodeIDs is the most IDs nodes(ids:) takes, as GitHub's API. Repeats
// are answered in place, as Relay wants, and each counts in the cost.
const MaxNodeIDs = 100

// longTextBytesPerCost is how many bytes of a long text cost 1: a field
// reading a long text costs 1 plus its largest size in KiB, so 100 report
// bodies (up to 150 KB each in English) cost 14,700.
const longTextBytesPerCost = 1 << 10

// longTexts is the extra cost of each long-text field, by type and field:
// storyZh by its column, story (either language) by the larger one.
var longTexts = sync.OnceValue(func() map[[2]string]int {
	m := map[[2]string]int{}
	for _, c := range ent.LazyTextColumns {
		cost := c.MaxBytes / longTextBytesPerCost
		m[[2]string{c.Type, c.Column}] = cost
		m[[2]string{c.Type, c.Field}] = max(m[[2]string{c.Type, c.Field}], cost)
	}
	return m
})

func longTextCost(f *ast.Field) int {
	if f.ObjectDefinition == nil {
		return 0
	}
	return longTexts()[[2]string{f.ObjectDefinition.Name, f.Name}]
}

// schemaSizes counts the elements an introspection answer lists, once.
type schemaSizes struct {
	types, fields, inputFields, enumValues, interfaces, possibleTypes, args, directives, directiveArgs int
	wrapping                                                                                           int // the most wrappers of any type reference
}

var schemaSize = sync.OnceValue(func() schemaSizes {
	var z schemaSizes
	for _, def := range parsedSchema.Types {
		z.types++
		switch def.Kind {
		case ast.Object, ast.Interface:
			z.fields += len(def.Fields)
			for _, f := range def.Fields {
				z.args += len(f.Arguments)
				z.wrapping = max(z.wrapping, wrapping(f.Type))
				for _, a := range f.Arguments {
					z.wrapping = max(z.wrapping, wrapping(a.Type))
				}
			}
		case ast.InputObject:
			z.inputFields += len(def.Fields)
			for _, f := range def.Fields {
				z.wrapping = max(z.wrapping, wrapping(f.Type))
			}
		}
		z.enumValues += len(def.EnumValues)
		z.interfaces += len(def.Interfaces)
		z.possibleTypes += len(parsedSchema.PossibleTypes[def.Name])
	}
	for _, d := range parsedSchema.Directives {
		z.directives++
		z.directiveArgs += len(d.Arguments)
	}
	return z
})

// introspectionShare is how many times an introspection field's children
// are answered, as the fraction num/den: the schema's types and
// directives; per type, its own fields, input fields, enum values,
// interfaces and possible types under __type(name:), the average per type
// elsewhere (so that __schema { types { fields } } counts every field of
// the schema once); per field or directive, its average arguments; an
// ofType beyond the deepest type wrapping of the schema (it answers null),
// none. An aliased introspection thus costs what it returns.
func introspectionShare(typ, field string, def *ast.Definition, ofTypeDepth int) (num, den int) {
	z := schemaSize()
	switch typ + "." + field {
	case "__Schema.types":
		return z.types, 1
	case "__Schema.directives":
		return z.directives, 1
	case "__Directive.args":
		return z.directiveArgs, max(z.directives, 1)
	case "__Field.args":
		return z.args, max(z.fields, 1)
	case "__Type.ofType":
		if ofTypeDepth > z.wrapping {
			return 0, 1
		}
	case "__Type.fields":
		if def != nil {
			return len(def.Fields), 1
		}
		return z.fields, z.types
	case "__Type.inputFields":
		if def != nil {
			return len(def.Fields), 1
		}
		return z.inputFields, z.types
	case "__Type.enumValues":
		if def != nil {
			return len(def.EnumValues), 1
		}
		return z.enumValues, z.types
	case "__Type.interfaces":
		if def != nil {
			return len(def.Interfaces), 1
		}
		return z.interfaces, z.types
	case "__Type.possibleTypes":
		if def != nil {
			return len(parsedSchema.PossibleTypes[def.Name]), 1
		}
		return z.possibleTypes, z.types
	}
	return 1, 1
}

// wrapping is how many List and NonNull wrappers a type reference has.
func wrapping(t *ast.Type) int {
	n := 0
	for ; t != nil; t = t.Elem {
		if t.NonNull {
			n++
		}
		if t.Elem != nil {
			n++
		}
	}
	return n
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(min(x, 1<<31)), true
	case float64:
		return int(min(x, 1<<31)), true
	case interface{ Int64() (int64, error) }:
		n, err := x.Int64()
		return int(min(n, 1<<31)), err == nil
	}
	return 0, false
}

const costCeiling = 1 << 40

func saturatingMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > costCeiling/b {
		return costCeiling
	}
	return a * b
}

func saturatingAdd(a, b int) int { return min(a+b, costCeiling) }

// String describes the limits for logs.
func (l Limits) String() string {
	return fmt.Sprintf("depth %d, cost %d, fields %d, aliases %d, document %d bytes", l.MaxDepth, l.MaxCost, l.MaxFields, l.MaxAliases, l.MaxQueryBytes)
}
