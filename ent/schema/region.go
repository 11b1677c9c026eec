package schema

import (
	"regexp"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Region is one of Hubei's administrative divisions (GB/T 2260): the
// province, its 17 prefecture-level divisions and their counties. Regions are
// public reference data, so they have no publication status.
type Region struct{ ent.Schema }

// Mixin of the Region.
func (Region) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Region.
func (Region) Fields() []ent.Field {
	fields := []ent.Field{
		field.String("code").Unique().Match(regexp.MustCompile(`^\d{6}$`)).
			Comment("Official six-digit administrative division code (GB/T 2260), e.g. 421100 for Huanggang.").
			Annotations(entgql.OrderField("CODE")),
		field.Enum("level").Values("PROVINCE", "PREFECTURE", "COUNTY").
			Comment("Administrative level: the province, a prefecture-level division, or a county-level division."),
		field.Float("latitude").Optional().Nillable().Min(-90).Max(90).
			Comment("Latitude of the seat of government (WGS 84)."),
		field.Float("longitude").Optional().Nillable().Min(-180).Max(180).
			Comment("Longitude of the seat of government (WGS 84)."),
		field.Int("parent_id").Optional().Nillable().
			Comment("The enclosing region; empty for the province."),
	}
	return append(fields, localized("name", 64, true, "Official name")...)
}

// Edges of the Region.
func (Region) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Region.Type).
			Comment("Regions directly below this one: the prefectures of the province, the counties of a prefecture.").
			Annotations(entgql.RelayConnection(), entgql.OrderField("CHILDREN_COUNT")).
			From("parent").Field("parent_id").Unique().
			Comment("The enclosing region; null for the province."),
		edge.To("brands", Brand.Type).
			Comment("Published brands registered directly in this region (a prefecture's list does not include its counties; see brandCount).").
			Annotations(entgql.RelayConnection()),
		edge.To("venues", Venue.Type).
			Comment("Venues located directly in this region.").
			Annotations(entgql.RelayConnection()),
		edge.To("role_models", RoleModel.Type).
			Comment("Role models from this region.").
			Annotations(entgql.RelayConnection()),
		edge.To("enterprises", Enterprise.Type).
			Comment("Enterprises registered in this region.").
			Annotations(entgql.RelayConnection()),
		edge.To("events", Event.Type).
			Comment("Events held directly in this region.").
			Annotations(entgql.RelayConnection()),
	}
}

// Annotations of the Region.
func (Region) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("An administrative division of Hubei (GB/T 2260): the province, a prefecture-level division or a county. Use it for the \"one county, one brand\" view."),
		entgql.RelayConnection(),
		entgql.QueryField().Description("Hubei's administrative divisions (province, prefectures, counties), as a Relay connection. Filter with where (e.g. level, parent code); order by CODE."),
	}
}

// Indexes of the Region: a region's children, and brands of a prefecture with its counties (featuredBrands, brandCount).
func (Region) Indexes() []ent.Index {
	return []ent.Index{index.Fields("parent_id")}
}
