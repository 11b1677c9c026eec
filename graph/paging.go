package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

const (
	// DefaultPageSize is the page a connection returns without first/last.
	DefaultPageSize = 20
	// MaxPageSize is the largest first/last any list accepts (as GitHub's API).
	MaxPageSize = 100
)

// PageLimits checks every first/last argument of an operation before it
// runs, so a request for 1,000 items is refused before any SQL is sent, and
// gives connections without first/last a default page. It is installed as
// both an operation mutator (checks) and a field middleware (defaults).
type PageLimits struct{}

var (
	_ graphql.HandlerExtension        = PageLimits{}
	_ graphql.OperationContextMutator = PageLimits{}
	_ graphql.FieldInterceptor        = PageLimits{}
)

// ExtensionName implements graphql.HandlerExtension.
func (PageLimits) ExtensionName() string { return "PageLimits" }

// Validate implements graphql.HandlerExtension.
func (PageLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext walks the operation and rejects out-of-range
// first/last values anywhere in it, fragments included.
func (PageLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	return checkSelection(oc.Operation.SelectionSet, oc.Variables, map[string]bool{})
}

func checkSelection(set ast.SelectionSet, vars map[string]any, seen map[string]bool) *gqlerror.Error {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition != nil && len(s.Arguments) > 0 {
				args := s.ArgumentMap(vars)
				for _, name := range []string{"first", "last"} {
					if err := checkPageArg(s, name, args[name]); err != nil {
						return err
					}
				}
			}
			if err := checkSelection(s.SelectionSet, vars, seen); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if err := checkSelection(s.SelectionSet, vars, seen); err != nil {
				return err
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			if err := checkSelection(s.Definition.SelectionSet, vars, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkPageArg(f *ast.Field, name string, v any) *gqlerror.Error {
	var n int64
	switch x := v.(type) {
	case nil:
		return nil
	case int:
		n = int64(x)
	case int64:
		n = x
	case float64:
		n = int64(x)
	default:
		return nil
	}
	var msg string
	switch {
	case n < 0:
		msg = fmt.Sprintf("%s on %s must not be negative, got %d", name, f.Name, n)
	case n > MaxPageSize:
		msg = fmt.Sprintf("%s on %s must be at most %d, got %d", name, f.Name, MaxPageSize, n)
	default:
		return nil
	}
	err := gqlerror.ErrorPosf(f.Position, "%s", msg)
	err.Extensions = map[string]any{"code": CodeBadUserInput, "argument": name, "limit": MaxPageSize}
	return err
}

// InterceptField gives a connection field without first and last a first of
// DefaultPageSize, so no connection ever returns a whole table.
func (PageLimits) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc != nil && fc.Field.Definition != nil && isConnection(fc.Field.Definition.Type) && fc.Args != nil {
		first, _ := fc.Args["first"].(*int)
		last, _ := fc.Args["last"].(*int)
		if first == nil && last == nil {
			if _, ok := fc.Args["first"]; ok || hasArg(fc.Field.Definition, "first") {
				n := DefaultPageSize
				fc.Args["first"] = &n
			}
		}
	}
	return next(ctx)
}

func isConnection(t *ast.Type) bool {
	return t != nil && strings.HasSuffix(t.Name(), "Connection")
}

func hasArg(def *ast.FieldDefinition, name string) bool {
	return def.Arguments.ForName(name) != nil
}
