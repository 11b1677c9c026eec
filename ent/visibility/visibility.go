// Package visibility decides who may see unpublished content. The rule is
// enforced once, by an ent interceptor declared in the schema's publication
// mixin, so every query path (root lists, node lookups, edges, counts, stats)
// gets it; this package only carries the decision through the context.
package visibility

import "context"

type draftsKey struct{}

// WithDrafts returns a context whose queries also see DRAFT content. Only
// authenticated editors, the seed loader and migrations use it.
func WithDrafts(ctx context.Context) context.Context {
	return context.WithValue(ctx, draftsKey{}, true)
}

// DraftsAllowed reports whether the context may see DRAFT content. The zero
// context — every anonymous request — may not.
func DraftsAllowed(ctx context.Context) bool {
	v, _ := ctx.Value(draftsKey{}).(bool)
	return v
}
