package graph

import (
	"context"
	"net/http"

	"brandshow/server/respcache"
	"brandshow/server/store"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// noteOperation tells the response cache whether the operation is a query
// that may be stored: only queries' answers are, and never introspection
// (large, and served from its own small cache: see introspectionCache).
func noteOperation(ctx context.Context) {
	oc := graphql.GetOperationContext(ctx)
	respcache.NoteOperation(ctx, oc.Operation != nil && oc.Operation.Operation == ast.Query &&
		!selectsIntrospection(oc.Operation.SelectionSet))
}

// replicaReads lets a handler that only ever serves the public (the feeds)
// read from the read replica when there is one.
func replicaReads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(store.WithReplicaReads(r.Context())))
	})
}
