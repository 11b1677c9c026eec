package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Enterprise is a company behind brands or alliances, in particular a
// provincial leading enterprise (领军企业, (十)).
type Enterprise struct{ ent.Schema }

// Mixin of the Enterprise.
func (Enterprise) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}}
}

// Fields of the Enterprise.
func (Enterprise) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("name", 128, true, "Registered company name")...)
	fields = append(fields, localized("summary", 500, false, "Short description")...)
	fields = append(fields,
		field.Bool("provincial_leading").Default(false).
			Comment("Recognised as a provincial leading enterprise of labor brands (十)."),
		field.Int("recognized_year").Optional().Nillable().Range(2000, 2100).
			Comment("Year of the provincial recognition."),
		urlField("website", 512, "Company website (http or https)."),
		pictureField("logo", "Company logo."),
		field.Int("region_id").Optional().Nillable().Comment("Where the company is registered."),
	)
	return fields
}

// Edges of the Enterprise.
func (Enterprise) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("region", Region.Type).Ref("enterprises").Field("region_id").Unique().
			Comment("Where the company is registered."),
		edge.To("brands", Brand.Type).Through("brand_links", EnterpriseBrand.Type).
			Comment("Brands the enterprise leads or employs.").
			Annotations(entgql.RelayConnection()),
		edge.To("led_alliances", Alliance.Type).
			Comment("Alliances this enterprise leads.").
			Annotations(entgql.RelayConnection()),
		edge.To("recognitions", Recognition.Type).
			Comment("Official recognitions of this enterprise (认定): title, level, issuer, year, document number.").
			Annotations(entgql.RelayConnection()),
	}
}

// Annotations of the Enterprise.
func (Enterprise) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("An enterprise behind brands or alliances, e.g. a provincial leading enterprise (领军企业). Demo enterprises are fictional."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published enterprises behind brands and alliances, as a Relay connection."),
	}
}

// Indexes of the Enterprise: enterprises of a region.
func (Enterprise) Indexes() []ent.Index {
	return []ent.Index{index.Fields("region_id")}
}
