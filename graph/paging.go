package graph

import (
	"context"
	"fmt"
	"strconv"
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

// PageLimits gives connections without first/last a default page. (The
// range of first/last is checked by QueryBudget, before this runs.)
//
// Why a walk over the operation and not an entgql extension point: entgql
// v0.7.0 has no default page size. Its generated Paginate (root lists) and
// its field collection (nested connections, eager-loaded from the
// document's arguments) both load every row when first and last are
// absent, so a generator-level fix means overriding two of entgql's
// templates (about 600 lines to keep in step with entgql). Giving the
// operation an explicit first, once per operation and copy-on-write, covers
// both paths with the code below.
type PageLimits struct{}

var (
	_ graphql.HandlerExtension        = PageLimits{}
	_ graphql.OperationContextMutator = PageLimits{}
)

// ExtensionName implements graphql.HandlerExtension.
func (PageLimits) ExtensionName() string { return "PageLimits" }

// Validate implements graphql.HandlerExtension.
func (PageLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext gives every connection field without first or
// last an explicit first, so that ent's eager loading of nested edges (which
// reads arguments from the document) also fetches one page, never a whole
// table.
func (PageLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation != nil {
		withDefaultPages(oc)
	}
	return nil
}

// withDefaultPages rewrites the operation, copy-on-write: the parsed document
// is shared through the query cache and must not change.
func withDefaultPages(oc *graphql.OperationContext) {
	set, changed := defaultPages(oc.Operation.SelectionSet, oc.Variables)
	var fragments ast.FragmentDefinitionList
	for _, f := range oc.Doc.Fragments {
		fset, fchanged := defaultPages(f.SelectionSet, oc.Variables)
		if fchanged {
			cp := *f
			cp.SelectionSet = fset
			f = &cp
			changed = true
		}
		fragments = append(fragments, f)
	}
	if !changed {
		return
	}
	op := *oc.Operation
	op.SelectionSet = set
	doc := *oc.Doc
	doc.Fragments = fragments
	ops := make(ast.OperationList, len(doc.Operations))
	for i, o := range doc.Operations {
		if o == oc.Operation {
			o = &op
		}
		ops[i] = o
	}
	doc.Operations = ops
	oc.Operation, oc.Doc = &op, &doc
}

// defaultPages returns the selection set with first: DefaultPageSize given to
// connection fields whose first and last are both absent or null, and
// whether anything changed. Fragment spreads are left alone: their
// definitions are rewritten separately.
func defaultPages(set ast.SelectionSet, vars map[string]any) (ast.SelectionSet, bool) {
	var out ast.SelectionSet
	changed := false
	for i, sel := range set {
		var next ast.Selection = sel
		switch s := sel.(type) {
		case *ast.Field:
			children, c := defaultPages(s.SelectionSet, vars)
			needsFirst := false
			if s.Definition != nil && isConnection(s.Definition.Type) && hasArg(s.Definition, "first") {
				args := s.ArgumentMap(vars)
				needsFirst = args["first"] == nil && args["last"] == nil
			}
			if c || needsFirst {
				cp := *s
				cp.SelectionSet = children
				if needsFirst {
					var kept ast.ArgumentList
					for _, a := range s.Arguments {
						if a.Name != "first" && a.Name != "last" {
							kept = append(kept, a)
						}
					}
					cp.Arguments = append(kept, &ast.Argument{
						Name:     "first",
						Value:    &ast.Value{Kind: ast.IntValue, Raw: strconv.Itoa(DefaultPageSize), Position: s.Position},
						Position: s.Position,
					})
				}
				next = &cp
			}
		case *ast.InlineFragment:
			if children, c := defaultPages(s.SelectionSet, vars); c {
				cp := *s
				cp.SelectionSet = children
				next = &cp
			}
		}
		if next != sel && !changed {
			changed = true
			out = append(ast.SelectionSet(nil), set[:i]...)
		}
		if changed {
			out = append(out, next)
		}
	}
	if !changed {
		return set, false
	}
	return out, true
}

// checkPageArg refuses a first or last outside 0..MaxPageSize. QueryBudget
// calls it for every field while it measures the operation, so the whole
// operation, fragments included, is checked in the same single walk.
func checkPageArg(f *ast.Field, name string, v any) *gqlerror.Error {
	n, ok := toInt(v)
	if !ok {
		return nil
	}
	var msg string
	switch {
	case n < 0:
		msg = fmt.Sprintf("%s on %s must not be negative, got %v", name, f.Name, v)
	case n > MaxPageSize:
		// v, not n: n is clamped for the cost.
		msg = fmt.Sprintf("%s on %s must be at most %d, got %v", name, f.Name, MaxPageSize, v)
	default:
		return nil
	}
	err := gqlerror.ErrorPosf(f.Position, "%s", msg)
	err.Extensions = map[string]any{"code": CodeBadUserInput, "argument": name, "limit": MaxPageSize}
	return err
}

func isConnection(t *ast.Type) bool {
	return t != nil && strings.HasSuffix(t.Name(), "Connection")
}

func hasArg(def *ast.FieldDefinition, name string) bool {
	return def.Arguments.ForName(name) != nil
}
