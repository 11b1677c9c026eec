package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Outcome is what the GraphQL server tells the HTTP application about the
// request it answered: the operation's name for the request log, and what
// the caches need to know. The HTTP application puts one in the request's
// context (WithOutcome) and reads it once the server has answered, so that
// graph knows nothing of the HTTP layers and they never parse the answer.
type Outcome struct {
	// Operation is the operation's name, or "".
	Operation string
	// Query is true for a query other than introspection: only queries'
	// answers may be stored, and introspection is large and served from
	// its own small cache (see introspectionCache).
	Query bool
	// Private is true when the answer shows what only its requester may
	// see (a preview link's draft): no cache keeps it, whoever asked.
	Private bool
	// Answered is true once the server has produced its answer, and Errors
	// when that answer has errors (outcomeRecorder sees the final response).
	Answered, Errors bool
}

// Clean reports whether the server answered without errors. An answer the
// server never got that far with (a transport's refusal, a timeout) is not.
func (o *Outcome) Clean() bool { return o.Answered && !o.Errors }

type outcomeKey struct{}

// WithOutcome returns ctx with an empty Outcome for the server to fill in.
func WithOutcome(ctx context.Context) (context.Context, *Outcome) {
	o := &Outcome{}
	return context.WithValue(ctx, outcomeKey{}, o), o
}

// OutcomeFrom returns the request's Outcome, or nil.
func OutcomeFrom(ctx context.Context) *Outcome {
	o, _ := ctx.Value(outcomeKey{}).(*Outcome)
	return o
}

// noteOperation records the operation, once the server knows it.
func noteOperation(ctx context.Context) {
	o := OutcomeFrom(ctx)
	if o == nil {
		return
	}
	oc := graphql.GetOperationContext(ctx)
	o.Operation = oc.OperationName
	if o.Operation == "" && oc.Operation != nil {
		o.Operation = oc.Operation.Name
	}
	o.Query = oc.Operation != nil && oc.Operation.Operation == ast.Query &&
		!selectsIntrospection(oc.Operation.SelectionSet)
}

// outcomeRecorder notes whether the final response has errors. It must be
// the first extension used, the outermost operation interceptor, to see
// what the others made of the response: the response limit's replacement,
// and introspectionCache's stored answers, which never reach the response
// interceptors.
type outcomeRecorder struct{}

var (
	_ graphql.HandlerExtension     = outcomeRecorder{}
	_ graphql.OperationInterceptor = outcomeRecorder{}
)

// ExtensionName implements graphql.HandlerExtension.
func (outcomeRecorder) ExtensionName() string { return "Outcome" }

// Validate implements graphql.HandlerExtension.
func (outcomeRecorder) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation implements graphql.OperationInterceptor.
func (outcomeRecorder) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	responses := next(ctx)
	o := OutcomeFrom(ctx)
	if o == nil {
		return responses
	}
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		if resp != nil {
			o.Answered = true
			o.Errors = o.Errors || len(resp.Errors) > 0
		}
		return resp
	}
}
