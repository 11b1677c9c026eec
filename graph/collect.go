package graph

import (
	"context"
	"fmt"

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

// oneNode loads the one item a lookup by key finds (nil, without an error,
// when nothing visible matches) as a single node. Its ID is looked up first
// so that entgql loads the item's paginated edges (a brand page's
// mediaCoverages(first: 5)) with a plain ORDER BY ... LIMIT. Collected from
// a query that may return many items, each such edge is a window over all
// of the item's edge rows instead: for a brand with 17,000 reports that was
// 30–70 ms where the single-node query takes well under one.
func oneNode[T ent.Noder](ctx context.Context, client *ent.Client, table string, lookup func(context.Context) (int, error)) (T, error) {
	var zero T
	id, err := lookup(ctx)
	if ent.IsNotFound(err) {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	n, err := client.Noder(ctx, id, ent.WithFixedNodeType(table))
	if ent.IsNotFound(err) {
		return zero, nil // deleted since the lookup
	}
	if err != nil {
		return zero, err
	}
	v, ok := n.(T)
	if !ok {
		return zero, fmt.Errorf("node %d of %s is a %T", id, table, n)
	}
	return v, nil
}
