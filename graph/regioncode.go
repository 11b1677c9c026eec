package graph

import (
	"context"
	"strings"

	"brandshow/ent"
	"brandshow/ent/region"

	"github.com/99designs/gqlgen/graphql"
)

// regionChooser is a mutation input that names its region by regionID or
// by regionCode (every generated Create*/Update* input with a region edge:
// the methods come from ent/template/gql_mutation_input.tmpl, the SDL
// field from acceptRegionCodes in ent/entc.go).
type regionChooser interface {
	RegionChoice() (code *string, idGiven, required bool)
	WithRegionID(id int) any
}

// RegionCodes resolves the regionCode of every mutation input to the
// region's ID before the resolver runs, so that every create and update
// mutation takes a region by its GB/T 2260 code without a line of its own:
// the resolver sees an input with RegionID set. It runs inside the
// mutation's transaction (the lookup uses the request's transactional
// client). Both fields given, neither where a region is required, or an
// unknown code are BAD_USER_INPUT, and the mutation does not run.
type RegionCodes struct{}

var (
	_ graphql.HandlerExtension = RegionCodes{}
	_ graphql.FieldInterceptor = RegionCodes{}
)

// ExtensionName implements graphql.HandlerExtension.
func (RegionCodes) ExtensionName() string { return "RegionCodes" }

// Validate implements graphql.HandlerExtension.
func (RegionCodes) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptField implements graphql.FieldInterceptor. gqlgen has parsed the
// arguments into fc.Args when interceptors run, and the generated resolver
// call reads them from there after, so replacing an argument here is what
// the resolver receives.
func (RegionCodes) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Object != "Mutation" {
		return next(ctx)
	}
	for name, arg := range fc.Args {
		in, ok := arg.(regionChooser)
		if !ok {
			continue
		}
		resolved, err := resolveRegionCode(ctx, in)
		if err != nil {
			return nil, err
		}
		fc.Args[name] = resolved
	}
	return next(ctx)
}

// resolveRegionCode returns the input with its region code replaced by the
// region's ID, or as it is when it has no code.
func resolveRegionCode(ctx context.Context, in regionChooser) (any, error) {
	code, idGiven, required := in.RegionChoice()
	switch {
	case code != nil && idGiven:
		return nil, userErrorf("give regionID or regionCode, not both")
	case code == nil && !idGiven && required:
		return nil, userErrorf("a region is required: give regionID or regionCode")
	case code == nil:
		return in, nil
	}
	c := strings.TrimSpace(*code)
	id, err := ent.FromContext(ctx).Region.Query().Where(region.Code(c)).OnlyID(ctx)
	if ent.IsNotFound(err) {
		return nil, userErrorf("invalid regionCode: no region has the code %q (a six-digit GB/T 2260 code, e.g. 420103)", c)
	}
	if err != nil {
		return nil, err
	}
	return in.WithRegionID(id), nil
}
