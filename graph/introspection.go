package graph

import (
	"context"
	"crypto/sha256"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
)

// introspectionCache answers an operation that only reads the schema
// (__schema, __type, __typename at the root) from memory after its first
// run: the schema never changes while the server runs, so the answer
// depends on the document, the operation name and the variables only.
// The playground's introspection query (440 KB) is thus computed once. The
// response cache never stores introspection (see noteOperation); this
// cache is small and bounded: at most introspectionCacheEntries answers,
// none larger than introspectionCacheMaxBytes.
type introspectionCache struct{ answers *lru.LRU[json.RawMessage] }

const (
	introspectionCacheEntries  = 8
	introspectionCacheMaxBytes = 1 << 20
)

func newIntrospectionCache() introspectionCache {
	return introspectionCache{answers: lru.New[json.RawMessage](introspectionCacheEntries)}
}

var (
	_ graphql.HandlerExtension     = introspectionCache{}
	_ graphql.OperationInterceptor = introspectionCache{}
)

// ExtensionName implements graphql.HandlerExtension.
func (introspectionCache) ExtensionName() string { return "IntrospectionCache" }

// Validate implements graphql.HandlerExtension.
func (introspectionCache) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation serves a schema-only operation from the cache, or
// runs it and keeps a complete answer.
func (c introspectionCache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Query || !onlyIntrospection(oc.Operation.SelectionSet) {
		return next(ctx)
	}
	vars, err := json.Marshal(oc.Variables) // map keys sorted: one key per meaning
	if err != nil {
		return next(ctx)
	}
	h := sha256.New()
	for _, part := range []string{oc.RawQuery, oc.OperationName, string(vars)} {
		_, _ = h.Write([]byte(part))
		_, _ = h.Write([]byte{0})
	}
	key := string(h.Sum(nil))
	if data, ok := c.answers.Get(ctx, key); ok {
		done := false
		return func(context.Context) *graphql.Response {
			if done {
				return nil
			}
			done = true
			resp := &graphql.Response{Data: data}
			if cost := oc.Stats.GetExtension("cost"); cost != nil {
				resp.Extensions = map[string]any{"cost": cost}
			}
			return resp
		}
	}
	responses := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		if resp != nil && len(resp.Errors) == 0 && len(resp.Data) <= introspectionCacheMaxBytes && len(resp.Data) > 0 {
			c.answers.Add(ctx, key, resp.Data)
		}
		return resp
	}
}

// onlyIntrospection reports whether every root field of the selection is
// __schema, __type or __typename (in inline fragments too; a fragment
// spread is not followed, so such an operation just runs as usual).
func onlyIntrospection(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name != "__schema" && s.Name != "__type" && s.Name != "__typename" {
				return false
			}
		case *ast.InlineFragment:
			if !onlyIntrospection(s.SelectionSet) {
				return false
			}
		default:
			return false
		}
	}
	return len(set) > 0
}

// selectsIntrospection reports whether the operation reads the schema
// (__schema or __type) anywhere at its root, fragments included.
func selectsIntrospection(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return true
			}
		case *ast.InlineFragment:
			if selectsIntrospection(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition != nil && selectsIntrospection(s.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}
