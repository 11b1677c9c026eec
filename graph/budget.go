package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Error codes of refused queries. They are protocol errors: the request is
// answered with 400 (graphql-response+json) or 422 (json), nothing runs.
const (
	CodeQueryTooCostly = "QUERY_TOO_COSTLY"
	CodeQueryTooDeep   = "QUERY_TOO_DEEP"
	CodeQueryTooLarge  = "QUERY_TOO_LARGE"
)

func init() {
	for _, code := range []string{CodeQueryTooCostly, CodeQueryTooDeep, CodeQueryTooLarge, CodeBadUserInput} {
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
	// times its page size (first/last; 20 for a connection without them).
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
		err := limitError(CodeQueryTooCostly, "the query costs %d; the limit is %d. A field costs 1 plus its children's cost times its page size (first/last, 20 by default): ask for smaller pages or fewer nested connections", t.cost, l.MaxCost)
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
type tally struct{ cost, depth, fields, aliases int }

func (t *tally) add(o tally) {
	t.cost = saturatingAdd(t.cost, o.cost)
	t.fields = saturatingAdd(t.fields, o.fields)
	t.aliases = saturatingAdd(t.aliases, o.aliases)
	t.depth = max(t.depth, o.depth)
}

// measurer walks an operation once; each fragment is measured once and its
// tally reused, so a fragment bomb costs linear time to measure (and is then
// refused by its expanded size).
type measurer struct {
	vars      map[string]any
	doc       *ast.QueryDocument
	fragments map[string]tally
	visiting  map[string]bool
	pageErr   *gqlerror.Error // the first first/last out of range
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
	if t, ok := m.fragments[name]; ok {
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
	m.fragments[name] = t
	return t
}

func (m *measurer) field(f *ast.Field) tally {
	children := m.selection(f.SelectionSet)
	mult := m.multiplier(f)
	t := tally{
		cost:    saturatingAdd(1, saturatingMul(mult, children.cost)),
		depth:   children.depth + 1,
		fields:  saturatingAdd(1, children.fields),
		aliases: children.aliases,
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
