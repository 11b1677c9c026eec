package graph

import (
	"context"
	"reflect"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// DefaultMaxResponseBytes bounds an answer when ServerConfig leaves it 0:
// our largest page answers about 100 KB, the playground's introspection
// 440 KB.
const DefaultMaxResponseBytes = 4 << 20

// ResponseLimit stops an operation whose answer grows past MaxBytes and
// answers RESPONSE_TOO_LARGE instead. The cost model bounds what a query
// may ask for before it runs; this bounds what it actually returns, by
// counting the bytes of every field's value as it resolves (gqlgen builds
// the whole answer in memory before writing it). Once over the limit, the
// fields still to resolve are answered null without running their
// resolvers, so the memory used stays near the limit; the final answer is
// checked exactly as well.
type ResponseLimit struct{ MaxBytes int }

var (
	_ graphql.HandlerExtension     = ResponseLimit{}
	_ graphql.OperationInterceptor = ResponseLimit{}
	_ graphql.FieldInterceptor     = ResponseLimit{}
	_ graphql.ResponseInterceptor  = ResponseLimit{}
)

// ExtensionName implements graphql.HandlerExtension.
func (ResponseLimit) ExtensionName() string { return "ResponseLimit" }

// Validate implements graphql.HandlerExtension.
func (ResponseLimit) Validate(graphql.ExecutableSchema) error { return nil }

type responseSizeKey struct{}

// responseSize is the running estimate of one operation's answer.
type responseSize struct {
	bytes atomic.Int64
	over  atomic.Bool
}

// InterceptOperation gives the operation its byte count.
func (l ResponseLimit) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, responseSizeKey{}, &responseSize{}))
}

// InterceptField counts the field's value and, past the limit, answers
// null without resolving.
func (l ResponseLimit) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	size, _ := ctx.Value(responseSizeKey{}).(*responseSize)
	if size == nil {
		return next(ctx)
	}
	if size.over.Load() {
		return graphql.Null, nil
	}
	res, err := next(ctx)
	n := estimatedBytes(res)
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		n += len(fc.Field.Alias) + 4 // "alias":,
	}
	if size.bytes.Add(int64(n)) > int64(l.MaxBytes) {
		size.over.Store(true)
		return graphql.Null, nil
	}
	return res, err
}

// InterceptResponse replaces an answer that went over the limit.
func (l ResponseLimit) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil {
		return resp
	}
	size, _ := ctx.Value(responseSizeKey{}).(*responseSize)
	if (size == nil || !size.over.Load()) && len(resp.Data) <= l.MaxBytes {
		return resp
	}
	err := gqlerror.Errorf("the answer is larger than %d bytes, the limit: ask for fewer items, smaller pages or fewer long texts", l.MaxBytes)
	err.Extensions = map[string]any{"code": CodeResponseTooLarge, "limit": l.MaxBytes}
	return &graphql.Response{Errors: gqlerror.List{err}, Extensions: resp.Extensions}
}

// estimatedBytes is about what a resolved value adds to the JSON answer:
// strings by length, lists by their punctuation, anything else a few
// bytes (an object's own fields are counted as they resolve).
func estimatedBytes(v any) int {
	switch x := v.(type) {
	case nil:
		return 4
	case string:
		return len(x) + 2
	case *string:
		if x == nil {
			return 4
		}
		return len(*x) + 2
	case []string:
		n := 2
		for _, s := range x {
			n += len(s) + 3
		}
		return n
	case int, int64, bool, float64:
		return 8
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice {
		return 2 + 3*rv.Len()
	}
	return 8
}
