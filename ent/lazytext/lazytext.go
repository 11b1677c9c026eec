// Package lazytext lets entity loads leave out long texts nobody asked for.
//
// Stories, biographies, purposes and report bodies are kilobytes each; a
// list of twenty brand cards with three role models each would otherwise
// read and decode about 200 KB of them per request. The long-text columns
// are marked in ent/schema (the LazyText annotation), and an interceptor
// declared there (LazyTextMixin) drops them from a query that would select
// every column, unless the context's Need says a GraphQL field reading them
// is selected. The GraphQL layer sets Need for each query operation (see
// graph/lazytext.go); without it (mutations, the search index, feeds,
// import and export) every column loads, as before.
package lazytext

import "context"

// Need reports whether the GraphQL field of the type is selected, so the
// long-text columns behind it must load ("Brand", "story").
type Need func(typ, field string) bool

type needKey struct{}

// WithNeed returns a context in which entity loads leave out the long
// texts of the fields for which need is false.
func WithNeed(ctx context.Context, need Need) context.Context {
	return context.WithValue(ctx, needKey{}, need)
}

// All returns a context in which entity loads select every column again:
// for code that reads the long texts itself (search highlights).
func All(ctx context.Context) context.Context {
	if ctx.Value(needKey{}) == nil {
		return ctx
	}
	return context.WithValue(ctx, needKey{}, Need(nil))
}

// From returns the context's Need, or nil when every column must load.
func From(ctx context.Context) Need {
	need, _ := ctx.Value(needKey{}).(Need)
	return need
}

// Column is one long-text column: the GraphQL type, the field that reads
// it in the viewer's language (story), the field that reads the column
// itself (storyZh) and the most bytes it may hold. The cost model counts
// a long text by its size, so that a request cannot ask for megabytes of
// text for the price of a few fields.
type Column struct {
	Type, Field, Column string
	MaxBytes            int
}
