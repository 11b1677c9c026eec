package graph_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"brandshow/graph"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestSchemaHasNoBreakingChange compares the public schema with the one
// clients were promised (testdata/schema-baseline.graphql, the schema/ files
// as released) using gqlparser's parsed schemas: additions are fine; a
// removed type, field, argument, enum value or union member, a changed type,
// or a new required argument or input field breaks clients and fails. When
// the schema grows on purpose, refresh the baseline from schema/*.graphql.
func TestSchemaHasNoBreakingChange(t *testing.T) {
	src, err := os.ReadFile("testdata/schema-baseline.graphql")
	if err != nil {
		t.Fatal(err)
	}
	baseline, gerr := gqlparser.LoadSchema(&ast.Source{Name: "baseline.graphql", Input: string(src)})
	if gerr != nil {
		t.Fatalf("baseline: %v", gerr)
	}
	current := graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}).Schema()
	for _, problem := range breakingChanges(baseline, current) {
		t.Error(problem)
	}
}

// TestBreakingChangesAreFound: the comparison finds what it must (so the
// test above can fail).
func TestBreakingChangesAreFound(t *testing.T) {
	old := gqlparser.MustLoadSchema(&ast.Source{Input: `
		type Query { a(x: Int): String!  b: Int  c: E  u: U }
		enum E { ONE TWO }
		type T { id: ID! }
		type V { id: ID! }
		union U = T | V
		input I { f: Int }`})
	changed := gqlparser.MustLoadSchema(&ast.Source{Input: `
		type Query { a(x: String, y: Int!): String  c: E  u: U  i(in: I): Int }
		enum E { ONE }
		type T { id: ID! }
		union U = T
		input I { f: Int, g: Int! }`})
	got := strings.Join(breakingChanges(old, changed), "\n")
	for _, want := range []string{
		"Query.b removed", "Query.a: type String! became String", "Query.a(x): type Int became String",
		"Query.a(y): new required argument", "E.TWO removed", "type V removed", "U lost member V",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missed %q in:\n%s", want, got)
		}
	}
	if none := breakingChanges(old, old); len(none) != 0 {
		t.Errorf("a schema breaks itself: %v", none)
	}
}

// breakingChanges lists what in next breaks a client written against prev.
func breakingChanges(prev, next *ast.Schema) []string {
	var out []string
	for name, def := range prev.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		now := next.Types[name]
		if now == nil {
			out = append(out, "type "+name+" removed")
			continue
		}
		if now.Kind != def.Kind {
			out = append(out, "type "+name+" changed kind")
			continue
		}
		switch def.Kind {
		case ast.Object, ast.Interface:
			for _, f := range def.Fields {
				nf := now.Fields.ForName(f.Name)
				if nf == nil {
					out = append(out, name+"."+f.Name+" removed")
					continue
				}
				// An output may become stricter (non-null), never looser.
				if f.Type.String() != nf.Type.String() && f.Type.String()+"!" != nf.Type.String() {
					out = append(out, name+"."+f.Name+": type "+f.Type.String()+" became "+nf.Type.String())
				}
				out = append(out, argumentChanges(name+"."+f.Name, f.Arguments, nf.Arguments)...)
			}
		case ast.InputObject:
			for _, f := range def.Fields {
				nf := now.Fields.ForName(f.Name)
				if nf == nil {
					out = append(out, name+"."+f.Name+" removed")
				} else if !inputCompatible(f.Type, nf.Type) {
					out = append(out, name+"."+f.Name+": type "+f.Type.String()+" became "+nf.Type.String())
				}
			}
			for _, nf := range now.Fields {
				if def.Fields.ForName(nf.Name) == nil && nf.Type.NonNull && nf.DefaultValue == nil {
					out = append(out, name+"."+nf.Name+": new required input field")
				}
			}
		case ast.Enum:
			for _, v := range def.EnumValues {
				if now.EnumValues.ForName(v.Name) == nil {
					out = append(out, name+"."+v.Name+" removed")
				}
			}
		case ast.Union:
			for _, m := range def.Types {
				if !slices.Contains(now.Types, m) {
					out = append(out, name+" lost member "+m)
				}
			}
		}
	}
	return out
}

// argumentChanges lists the breaking changes of a field's arguments.
func argumentChanges(field string, prev, next ast.ArgumentDefinitionList) []string {
	var out []string
	for _, a := range prev {
		na := next.ForName(a.Name)
		if na == nil {
			out = append(out, field+"("+a.Name+") removed")
		} else if !inputCompatible(a.Type, na.Type) {
			out = append(out, field+"("+a.Name+"): type "+a.Type.String()+" became "+na.Type.String())
		}
	}
	for _, na := range next {
		if prev.ForName(na.Name) == nil && na.Type.NonNull && na.DefaultValue == nil {
			out = append(out, field+"("+na.Name+"): new required argument")
		}
	}
	return out
}

// inputCompatible: an input may become looser (nullable), never stricter
// or of another type.
func inputCompatible(prev, next *ast.Type) bool {
	return prev.String() == next.String() || prev.String() == next.String()+"!"
}
