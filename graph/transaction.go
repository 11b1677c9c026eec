package graph

import (
	"context"
	"fmt"

	"brandshow/ent"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// transactioner runs each mutation in one transaction, opened on the ent
// client that auth.Middleware put in the context: the read-only one for
// anonymous requests, so they cannot write even if a resolver forgot a
// check. It keeps entgql.Transactioner's serialisation of the mutation's
// fields and replaces its InterceptResponse, which answers a transaction
// that cannot begin or commit with the driver's words and no code, and
// panics on requests that never got an operation (a body that is not JSON).
type transactioner struct{ entgql.Transactioner }

func newTransactioner() transactioner {
	return transactioner{entgql.Transactioner{TxOpener: entgql.TxOpenerFunc(ent.OpenTxFromContext)}}
}

// InterceptResponse implements graphql.ResponseInterceptor. Failures to
// begin or commit go through the error presenter, so a write that waited
// on a busy database past the request deadline answers TIMEOUT.
//
// A write is never committed once its deadline has passed: the request is
// about to be answered TIMEOUT (middleware.FinishGraphQL), so committing
// would land a change its client was told had failed. The check before
// Commit covers the time spent resolving; Commit itself gives up with the
// context too (database/sql refuses a done context, modernc's COMMIT stops
// waiting for a lock when it is done, lib/pq cancels), and a commit that
// fails is rolled back. A commit that succeeds is answered as a success.
func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	op := graphql.GetOperationContext(ctx).Operation
	if op == nil || op.Operation != ast.Mutation || writesNoRows(op.SelectionSet) {
		return next(ctx)
	}
	txCtx, tx, err := t.OpenTx(ctx)
	if err != nil {
		return failedResponse(ctx, fmt.Errorf("begin transaction: %w", err))
	}
	defer func() {
		if r := recover(); r != nil {
			_ = tx.Rollback()
			panic(r)
		}
	}()
	rsp := next(txCtx)
	if rsp == nil || len(rsp.Errors) > 0 {
		_ = tx.Rollback()
		if rsp == nil {
			return nil
		}
		return &graphql.Response{Errors: rsp.Errors}
	}
	if err := ctx.Err(); err != nil {
		_ = tx.Rollback()
		return failedResponse(ctx, err)
	}
	if err := tx.Commit(); err != nil {
		return failedResponse(ctx, fmt.Errorf("commit transaction: %w", err))
	}
	return rsp
}

// noRowFields are the mutation fields that write no row: an upload decodes
// and stores a picture for seconds, and in a transaction it would hold
// SQLite's write lock (transactions begin IMMEDIATE) or a PostgreSQL
// connection all that time, making every other write wait.
var noRowFields = map[string]bool{"uploadPicture": true, "__typename": true}

// writesNoRows tells a mutation whose every root field is a noRowFields
// field (fragments are not looked into: such a mutation gets its
// transaction).
func writesNoRows(set ast.SelectionSet) bool {
	for _, sel := range set {
		f, ok := sel.(*ast.Field)
		if !ok || !noRowFields[f.Name] {
			return false
		}
	}
	return len(set) > 0
}

// failedResponse answers err alone, as the error presenter shows it.
func failedResponse(ctx context.Context, err error) *graphql.Response {
	graphql.AddError(ctx, err)
	return &graphql.Response{Errors: graphql.GetErrors(ctx)}
}
