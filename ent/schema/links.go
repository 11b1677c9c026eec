package schema

// The many-to-many links between content types are declared as edge
// schemas (edge.To(...).Through(...)) only so that their tables can have
// an index: a link table's primary key (a_id, b_id) serves the way from a,
// and the index on b_id serves the way back — a brand's coverage, venues,
// alliances and enterprises, a person's brands and coverage — without a
// scan of the whole table. The tables and columns are the ones ent made for
// the plain edges; deleting either end still deletes the link. The API
// never shows the link types.

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// linkAnnotations: a composite primary key, internal only.
func linkAnnotations(from, to, what string) []entschema.Annotation {
	return []entschema.Annotation{
		field.ID(from, to),
		entschema.Comment(what + "; internal, not exposed in GraphQL."),
		entgql.Skip(entgql.SkipAll),
	}
}

func linkFields(from, to string) []ent.Field {
	return []ent.Field{field.Int(from), field.Int(to)}
}

// cascade keeps the behaviour of plain many-to-many edges: a link goes
// when either end is deleted.
var cascade = entsql.OnDelete(entsql.Cascade)

// MediaCoverageBrand links a report to a brand it is about.
type MediaCoverageBrand struct{ ent.Schema }

// Annotations of the MediaCoverageBrand.
func (MediaCoverageBrand) Annotations() []entschema.Annotation {
	return linkAnnotations("media_coverage_id", "brand_id", "Link from a media report to a brand it is about")
}

// Fields of the MediaCoverageBrand.
func (MediaCoverageBrand) Fields() []ent.Field { return linkFields("media_coverage_id", "brand_id") }

// Edges of the MediaCoverageBrand.
func (MediaCoverageBrand) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("media_coverage", MediaCoverage.Type).Unique().Required().Field("media_coverage_id").Annotations(cascade),
		edge.To("brand", Brand.Type).Unique().Required().Field("brand_id").Annotations(cascade),
	}
}

// Indexes of the MediaCoverageBrand: a brand's coverage.
func (MediaCoverageBrand) Indexes() []ent.Index { return []ent.Index{index.Fields("brand_id")} }

// MediaCoverageRoleModel links a report to a person it is about.
type MediaCoverageRoleModel struct{ ent.Schema }

// Annotations of the MediaCoverageRoleModel.
func (MediaCoverageRoleModel) Annotations() []entschema.Annotation {
	return linkAnnotations("media_coverage_id", "role_model_id", "Link from a media report to a person it is about")
}

// Fields of the MediaCoverageRoleModel.
func (MediaCoverageRoleModel) Fields() []ent.Field {
	return linkFields("media_coverage_id", "role_model_id")
}

// Edges of the MediaCoverageRoleModel.
func (MediaCoverageRoleModel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("media_coverage", MediaCoverage.Type).Unique().Required().Field("media_coverage_id").Annotations(cascade),
		edge.To("role_model", RoleModel.Type).Unique().Required().Field("role_model_id").Annotations(cascade),
	}
}

// Indexes of the MediaCoverageRoleModel: a person's coverage.
func (MediaCoverageRoleModel) Indexes() []ent.Index {
	return []ent.Index{index.Fields("role_model_id")}
}

// BrandRoleModel links a brand to one of its role models.
type BrandRoleModel struct{ ent.Schema }

// Annotations of the BrandRoleModel.
func (BrandRoleModel) Annotations() []entschema.Annotation {
	return linkAnnotations("brand_id", "role_model_id", "Link from a brand to one of its role models")
}

// Fields of the BrandRoleModel.
func (BrandRoleModel) Fields() []ent.Field { return linkFields("brand_id", "role_model_id") }

// Edges of the BrandRoleModel.
func (BrandRoleModel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("brand", Brand.Type).Unique().Required().Field("brand_id").Annotations(cascade),
		edge.To("role_model", RoleModel.Type).Unique().Required().Field("role_model_id").Annotations(cascade),
	}
}

// Indexes of the BrandRoleModel: a person's brands.
func (BrandRoleModel) Indexes() []ent.Index { return []ent.Index{index.Fields("role_model_id")} }

// AllianceBrand links an alliance to a member brand.
type AllianceBrand struct{ ent.Schema }

// Annotations of the AllianceBrand.
func (AllianceBrand) Annotations() []entschema.Annotation {
	return linkAnnotations("alliance_id", "brand_id", "Link from an alliance to a member brand")
}

// Fields of the AllianceBrand.
func (AllianceBrand) Fields() []ent.Field { return linkFields("alliance_id", "brand_id") }

// Edges of the AllianceBrand.
func (AllianceBrand) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("alliance", Alliance.Type).Unique().Required().Field("alliance_id").Annotations(cascade),
		edge.To("brand", Brand.Type).Unique().Required().Field("brand_id").Annotations(cascade),
	}
}

// Indexes of the AllianceBrand: a brand's alliances.
func (AllianceBrand) Indexes() []ent.Index { return []ent.Index{index.Fields("brand_id")} }

// EnterpriseBrand links an enterprise to a brand it leads or employs.
type EnterpriseBrand struct{ ent.Schema }

// Annotations of the EnterpriseBrand.
func (EnterpriseBrand) Annotations() []entschema.Annotation {
	return linkAnnotations("enterprise_id", "brand_id", "Link from an enterprise to a brand it leads or employs")
}

// Fields of the EnterpriseBrand.
func (EnterpriseBrand) Fields() []ent.Field { return linkFields("enterprise_id", "brand_id") }

// Edges of the EnterpriseBrand.
func (EnterpriseBrand) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("enterprise", Enterprise.Type).Unique().Required().Field("enterprise_id").Annotations(cascade),
		edge.To("brand", Brand.Type).Unique().Required().Field("brand_id").Annotations(cascade),
	}
}

// Indexes of the EnterpriseBrand: a brand's enterprises.
func (EnterpriseBrand) Indexes() []ent.Index { return []ent.Index{index.Fields("brand_id")} }

// VenueBrand links a venue to a brand shown or trained there.
type VenueBrand struct{ ent.Schema }

// Annotations of the VenueBrand.
func (VenueBrand) Annotations() []entschema.Annotation {
	return linkAnnotations("venue_id", "brand_id", "Link from a venue to a brand shown or trained there")
}

// Fields of the VenueBrand.
func (VenueBrand) Fields() []ent.Field { return linkFields("venue_id", "brand_id") }

// Edges of the VenueBrand.
func (VenueBrand) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("venue", Venue.Type).Unique().Required().Field("venue_id").Annotations(cascade),
		edge.To("brand", Brand.Type).Unique().Required().Field("brand_id").Annotations(cascade),
	}
}

// Indexes of the VenueBrand: a brand's venues (the kiosk's brand page).
func (VenueBrand) Indexes() []ent.Index { return []ent.Index{index.Fields("brand_id")} }

// EventBrand links an event to a brand taking part.
type EventBrand struct{ ent.Schema }

// Annotations of the EventBrand.
func (EventBrand) Annotations() []entschema.Annotation {
	return linkAnnotations("event_id", "brand_id", "Link from an event to a brand taking part")
}

// Fields of the EventBrand.
func (EventBrand) Fields() []ent.Field { return linkFields("event_id", "brand_id") }

// Edges of the EventBrand.
func (EventBrand) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("event", Event.Type).Unique().Required().Field("event_id").Annotations(cascade),
		edge.To("brand", Brand.Type).Unique().Required().Field("brand_id").Annotations(cascade),
	}
}

// Indexes of the EventBrand: a brand's events.
func (EventBrand) Indexes() []ent.Index { return []ent.Index{index.Fields("brand_id")} }

// EventRoleModel links an event to a person taking part.
type EventRoleModel struct{ ent.Schema }

// Annotations of the EventRoleModel.
func (EventRoleModel) Annotations() []entschema.Annotation {
	return linkAnnotations("event_id", "role_model_id", "Link from an event to a person taking part")
}

// Fields of the EventRoleModel.
func (EventRoleModel) Fields() []ent.Field { return linkFields("event_id", "role_model_id") }

// Edges of the EventRoleModel.
func (EventRoleModel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("event", Event.Type).Unique().Required().Field("event_id").Annotations(cascade),
		edge.To("role_model", RoleModel.Type).Unique().Required().Field("role_model_id").Annotations(cascade),
	}
}

// Indexes of the EventRoleModel: a person's events.
func (EventRoleModel) Indexes() []ent.Index { return []ent.Index{index.Fields("role_model_id")} }

// EventMediaCoverage links an event to a report about it.
type EventMediaCoverage struct{ ent.Schema }

// Annotations of the EventMediaCoverage.
func (EventMediaCoverage) Annotations() []entschema.Annotation {
	return linkAnnotations("event_id", "media_coverage_id", "Link from an event to a report about it")
}

// Fields of the EventMediaCoverage.
func (EventMediaCoverage) Fields() []ent.Field { return linkFields("event_id", "media_coverage_id") }

// Edges of the EventMediaCoverage.
func (EventMediaCoverage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("event", Event.Type).Unique().Required().Field("event_id").Annotations(cascade),
		edge.To("media_coverage", MediaCoverage.Type).Unique().Required().Field("media_coverage_id").Annotations(cascade),
	}
}

// Indexes of the EventMediaCoverage: a report's events.
func (EventMediaCoverage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("media_coverage_id")}
}
