package graph

import (
	"context"

	"brandshow/ent"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
)

// transactioner runs each mutation in one transaction, opened on the ent
// client that auth.Middleware put in the context: the read-only one for
// anonymous requests, so they cannot write even if a resolver forgot a
// check. It wraps entgql.Transactioner, which assumes an operation context
// and panics on requests that never got one (a body that is not JSON).
type transactioner struct{ entgql.Transactioner }

func newTransactioner() transactioner {
	return transactioner{entgql.Transactioner{TxOpener: entgql.TxOpenerFunc(ent.OpenTxFromContext)}}
}

// InterceptResponse implements graphql.ResponseInterceptor.
func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) || graphql.GetOperationContext(ctx).Operation == nil {
		return next(ctx)
	}
	return t.Transactioner.InterceptResponse(ctx, next)
}
