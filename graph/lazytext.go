package graph

import (
	"context"

	"brandshow/ent/lazytext"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// withLazyText lets a query operation's entity loads leave out the long
// texts (stories, biographies, report bodies) of fields it never selects
// (see package lazytext). The decision is per operation and per type: a
// brand's story loads wherever the operation selects Brand.story, in any
// fragment and under any @include. Mutations load every column: their hooks
// (the search index, the audit log) read the whole entity.
//
// Why here: entgql's field collection selects every column as soon as a type
// has a hand-written field (name(lang:)), and edges loaded eagerly or lazily
// never pass through a resolver, so no field middleware sees them. The
// column choice is made at the ent layer (an interceptor calling the
// generated SkipLazyColumns, ent/template/lazytext.tmpl); this walk only
// computes, once per operation, which long-text fields it selects.
func withLazyText(ctx context.Context, oc *graphql.OperationContext) context.Context {
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return ctx
	}
	return lazytext.WithNeed(ctx, selectedFields(oc.Operation.SelectionSet))
}

// selectedFields returns whether a field of a type is selected anywhere in
// the selection set, fragments included. A field selected on an interface
// or a union counts for every type.
func selectedFields(set ast.SelectionSet) lazytext.Need {
	selected := map[[2]string]bool{}
	spread := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				typ := "*"
				if s.ObjectDefinition != nil && s.ObjectDefinition.Kind == ast.Object {
					typ = s.ObjectDefinition.Name
				}
				selected[[2]string{typ, s.Name}] = true
				walk(s.SelectionSet)
			case *ast.InlineFragment:
				walk(s.SelectionSet)
			case *ast.FragmentSpread:
				if !spread[s.Name] && s.Definition != nil {
					spread[s.Name] = true
					walk(s.Definition.SelectionSet)
				}
			}
		}
	}
	walk(set)
	return func(typ, field string) bool {
		return selected[[2]string{typ, field}] || selected[[2]string{"*", field}]
	}
}
