//go:build ignore

// entc generates the ent code and schema/ent.graphql from ent/schema. It runs
// from the repository root (see generate.go), so every path here is relative
// to the root.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"slices"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	entschema "entgo.io/ent/schema"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		// First: WithWhereInputs adds its template to this list.
		entgql.WithTemplates(entgqlTemplates()...),
		entgql.WithConfigPath("./gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("./schema/ent.graphql"),
		entgql.WithWhereInputs(true),
		entgql.WithSchemaHook(acceptRegionCodes, describeSchema),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./ent/schema", &gen.Config{
		Target:  "./ent",
		Package: "brandshow/ent",
		Features: []gen.Feature{
			gen.FeatureIntercept,
			gen.FeaturePrivacy,
			gen.FeatureGlobalID,
			gen.FeatureVersionedMigration,
			gen.FeatureModifier,
			gen.FeatureExecQuery,
			gen.FeatureUpsert,
			gen.FeatureLock,
		},
	}, entc.Extensions(ex), entc.TemplateFiles("./ent/template/lazytext.tmpl", "./ent/template/visibility.tmpl", "./ent/template/appended.tmpl", "./ent/template/nodetype.tmpl", "./ent/template/revisable.tmpl"))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
}

// entgqlTemplates are entgql's templates with the mutation inputs taken from
// ent/template/gql_mutation_input.tmpl, which fixes the append inputs.
func entgqlTemplates() []*gen.Template {
	fixed := gen.MustParse(gen.NewTemplate("gql_mutation_input").
		Funcs(entgql.TemplateFuncs).
		ParseFiles("./ent/template/gql_mutation_input.tmpl"))
	templates := make([]*gen.Template, 0, len(entgql.AllTemplates))
	for _, t := range entgql.AllTemplates {
		if t == entgql.MutationInputTemplate {
			t = fixed
		}
		templates = append(templates, t)
	}
	return templates
}

// acceptRegionCodes lets every create and update input that takes a region
// by regionID also take it by its GB/T 2260 code (regionCode), because
// editors know "420103", not a global ID. regionID becomes nullable on
// create (additive for clients: a query that gave it still works); that
// exactly one of the two is given, and which region a code names, is
// checked before the mutation by graph/regioncode.go. The Go inputs get
// their RegionCode field from ent/template/gql_mutation_input.tmpl, which
// keys on the same edge (region).
func acceptRegionCodes(_ *gen.Graph, s *ast.Schema) error {
	for name, def := range s.Types {
		if def.Kind != ast.InputObject || !(strings.HasPrefix(name, "Create") || strings.HasPrefix(name, "Update")) {
			continue
		}
		id := def.Fields.ForName("regionID")
		if id == nil {
			continue
		}
		id.Description = "The region by its ID, or give regionCode instead (not both)."
		if id.Type.NonNull {
			id.Description = "The region by its ID, or give regionCode instead: exactly one of the two is required."
			id.Type = ast.NamedType(id.Type.NamedType, nil) // nullable
		}
		i := slices.Index(def.Fields, id)
		def.Fields = slices.Insert(def.Fields, i+1, &ast.FieldDefinition{
			Name:        "regionCode",
			Type:        ast.NamedType("String", nil),
			Description: "The region by its six-digit GB/T 2260 code (e.g. 420103), instead of regionID; an unknown code is refused.",
		})
	}
	if t := s.Types["Time"]; t != nil {
		t.Description = "An instant, written as RFC 3339 (2024-03-08T09:30:00+08:00). Inputs also take a date alone " +
			"(2024-03-08 is midnight UTC of that day, as in server import); every time is stored in UTC."
	}
	return nil
}

// describeSchema gives every generated GraphQL type and field a description,
// because journalists read them in the playground: object types take the
// ent schema's Comment, and the pagination, ordering and filter types that
// entgql derives get a sentence that names what they are for.
func describeSchema(g *gen.Graph, s *ast.Schema) error {
	comments := map[string]string{}
	for _, n := range g.Nodes {
		ant := &entschema.CommentAnnotation{}
		if raw, ok := n.Annotations[ant.Name()]; ok {
			if b, err := json.Marshal(raw); err == nil && json.Unmarshal(b, ant) == nil && ant.Text != "" {
				comments[n.Name] = ant.Text
			}
		}
	}
	for _, n := range g.Nodes {
		def := s.Types[n.Name]
		if def == nil {
			continue
		}
		for _, e := range n.Edges {
			if f := def.Fields.ForName(lowerCamel(e.Name)); f != nil && f.Description == "" {
				f.Description = e.Comment()
			}
		}
	}
	for name, def := range s.Types {
		if def.Description == "" {
			def.Description = typeDescription(name, comments)
		}
		if def.Description == "" {
			return fmt.Errorf("describe schema: no description for type %s", name)
		}
		for _, f := range def.Fields {
			if f.Description == "" {
				f.Description = fieldDescription(def, f.Name)
			}
			for _, a := range f.Arguments {
				if a.Description == "" {
					a.Description = argumentDescription(a.Name)
				}
			}
		}
		for _, v := range def.EnumValues {
			if v.Description == "" {
				v.Description = fmt.Sprintf("%s %s.", name, v.Name)
			}
		}
	}
	return nil
}

// lowerCamel turns an ent edge name (role_models) into its GraphQL field name (roleModels).
func lowerCamel(snake string) string {
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func typeDescription(name string, comments map[string]string) string {
	if c, ok := comments[name]; ok {
		return c
	}
	switch name {
	case "Query":
		return "The public, read-only entry points of the labor brand showcase."
	case "Cursor":
		return "An opaque position in a connection; pass it back as after/before."
	case "PageInfo":
		return "Information about pagination in a connection."
	case "Node":
		return "An object with a globally unique ID."
	case "OrderDirection":
		return "Possible directions in which to order a list of items."
	}
	for _, suffix := range []struct{ suffix, text string }{
		{"Connection", "A page of %s items (Relay cursor connection)."},
		{"Edge", "One %s item in a connection, with its cursor."},
		{"OrderField", "Properties by which %s connections can be ordered."},
		{"Order", "Ordering options for %s connections."},
		{"WhereInput", "Filter for %s items; all given conditions must hold (use and/or/not to combine)."},
	} {
		if base, ok := strings.CutSuffix(name, suffix.suffix); ok {
			return fmt.Sprintf(suffix.text, base)
		}
	}
	return ""
}

func fieldDescription(def *ast.Definition, field string) string {
	switch field {
	case "id":
		return "Globally unique ID; use it with node(id:)."
	case "edges":
		return "The items of this page, each with its cursor."
	case "node":
		return "The item at the end of the edge."
	case "cursor":
		return "Opaque cursor of this item, for after/before."
	case "pageInfo":
		return "Information to fetch the next or previous page."
	case "totalCount":
		return "Number of items in the whole connection (all pages), counting only what the caller may see."
	case "direction":
		return "The ordering direction."
	case "field":
		return "The field by which to order."
	case "not":
		return "Matches items that do not match this filter."
	case "and":
		return "Matches items that match every filter in the list."
	case "or":
		return "Matches items that match at least one filter in the list."
	}
	if def.Kind == ast.InputObject {
		return predicateDescription(field)
	}
	return ""
}

// predicateDescription describes a where-input field such as nameZhContains.
func predicateDescription(field string) string {
	for _, p := range []struct{ suffix, text string }{
		{"NotIn", "%s is none of the given values."},
		{"In", "%s is one of the given values."},
		{"NEQ", "%s is not equal to the value."},
		{"GTE", "%s is greater than or equal to the value."},
		{"GT", "%s is greater than the value."},
		{"LTE", "%s is less than or equal to the value."},
		{"LT", "%s is less than the value."},
		{"ContainsFold", "%s contains the value, ignoring case."},
		{"Contains", "%s contains the value."},
		{"HasPrefix", "%s starts with the value."},
		{"HasSuffix", "%s ends with the value."},
		{"EqualFold", "%s equals the value, ignoring case."},
		{"IsNil", "%s is not set."},
		{"NotNil", "%s is set."},
		{"With", "Has a related %s item matching one of the given filters."},
	} {
		if base, ok := strings.CutSuffix(field, p.suffix); ok && base != "" {
			if p.suffix == "With" {
				base = strings.TrimPrefix(base, "has")
			}
			return fmt.Sprintf(p.text, base)
		}
	}
	if base, ok := strings.CutPrefix(field, "has"); ok && base != "" {
		return fmt.Sprintf("Has at least one related %s item (true) or none (false).", base)
	}
	return fmt.Sprintf("%s equals the value.", field)
}

func argumentDescription(arg string) string {
	switch arg {
	case "after":
		return "Returns the items after this cursor."
	case "first":
		return "Returns the first n items (default 20, at most 100)."
	case "before":
		return "Returns the items before this cursor."
	case "last":
		return "Returns the last n items (at most 100)."
	case "orderBy":
		return "Ordering of the items."
	case "where":
		return "Filtering of the items."
	}
	return arg
}
