package graph

import (
	"context"

	"brandshow/ent"

	"github.com/99designs/gqlgen/graphql"
)

// childFieldContext focuses field collection on a descendant of the current
// field, following the path of field names. Resolvers that wrap ent nodes in
// small objects (VenueDistance.venue, Stats.brandsByPrefecture.region) call
// CollectFields with it, so the nodes are loaded with exactly the edges the
// query asks for, one statement per edge. When the path is not selected the
// focused field is empty and only IDs are loaded.
func childFieldContext(ctx context.Context, path ...string) context.Context {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return ctx
	}
	oc := graphql.GetOperationContext(ctx)
	field := fc.Field
	for _, name := range path {
		var next graphql.CollectedField
		for _, f := range graphql.CollectFields(oc, field.Selections, nil) {
			if f.Name == name {
				next = f
				break
			}
		}
		field = next
	}
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Parent: fc, Field: field, Args: map[string]any{}})
}

// onlyOrNil returns the single result of a lookup, or nil without an error
// when nothing (visible) matches: an unknown slug is null, not an error.
func onlyOrNil[T any](ctx context.Context, q interface {
	Only(context.Context) (T, error)
}, err error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	v, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return zero, nil
	}
	return v, err
}
