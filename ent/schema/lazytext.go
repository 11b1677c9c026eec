package schema

import (
	"context"

	"brandshow/ent/lazytext"

	"entgo.io/ent"
	"entgo.io/ent/schema/mixin"
)

// LazyText marks a long-text column (see package lazytext): it loads only
// when the GraphQL field Field of its type is selected. ent/template/lazytext.tmpl
// generates SkipLazyColumns from it.
type LazyText struct {
	// Field is the GraphQL field that reads the column, e.g. "story" for
	// story_zh and story_en.
	Field string
}

// Name implements schema.Annotation.
func (LazyText) Name() string { return "LazyText" }

// LazyTextMixin leaves a type's LazyText columns out of entity loads that
// do not need them.
type LazyTextMixin struct{ mixin.Schema }

// lazyColumns is what the generated query types implement.
type lazyColumns interface {
	SkipLazyColumns(need func(typ, field string) bool)
}

// Interceptors of the LazyTextMixin. Only loads of whole entities (All,
// Only, First) are narrowed: counts, ID lists and aggregates select their
// own columns. Eager-loaded edges run inside their parent's load, whose
// operation they see. A query that selects columns already (entgql's field
// collection when it knows every selected field) is left alone.
func (LazyTextMixin) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		ent.InterceptFunc(func(next ent.Querier) ent.Querier {
			return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
				if need := lazytext.From(ctx); need != nil {
					if qc := ent.QueryFromContext(ctx); qc != nil && loadsEntities(qc.Op) {
						if l, ok := q.(lazyColumns); ok {
							l.SkipLazyColumns(need)
						}
					}
				}
				return next.Query(ctx, q)
			})
		}),
	}
}

func loadsEntities(op string) bool {
	return op == ent.OpQueryAll || op == ent.OpQueryOnly || op == ent.OpQueryFirst
}
