package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Venue is a place where the public meets the brands: intangible-heritage
// workshops, experience halls, streets and districts (十六), industrial and
// return-home entrepreneurship parks (十一) and training bases (六).
type Venue struct{ ent.Schema }

// Mixin of the Venue.
func (Venue) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}}
}

// Fields of the Venue.
func (Venue) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("name", 128, true, "Venue name")...)
	fields = append(fields, localized("summary", 500, false, "Short description")...)
	fields = append(fields, localized("address", 256, false, "Street address")...)
	fields = append(fields, localized("opening_hours", 256, false, "Opening hours as shown to visitors")...)
	fields = append(fields,
		field.Enum("kind").Values("HERITAGE_WORKSHOP", "EXPERIENCE_HALL", "EXPERIENCE_STREET", "BUSINESS_DISTRICT",
			"INDUSTRIAL_PARK", "ENTREPRENEURSHIP_PARK", "TRAINING_BASE").
			Comment("Kind of venue: intangible-heritage workshop, experience hall, street or business district, industrial or return-home entrepreneurship park, or training base."),
		field.Float("latitude").Min(-90).Max(90).Comment("Latitude (WGS 84)."),
		field.Float("longitude").Min(-180).Max(180).Comment("Longitude (WGS 84)."),
		line("phone", 64, "Contact telephone."),
		urlField("website", 512, "Website (http or https)."),
		picturesField("Pictures of the venue."),
		field.Int("region_id").Comment("The region the venue is in."),
	)
	return fields
}

// Edges of the Venue.
func (Venue) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("region", Region.Type).Ref("venues").Field("region_id").Unique().Required().
			Comment("The region the venue is in."),
		edge.To("brands", Brand.Type).Through("brand_links", VenueBrand.Type).
			Comment("Brands shown, practised or trained at this venue.").
			Annotations(entgql.RelayConnection()),
		edge.To("events", Event.Type).
			Comment("Events held at this venue.").
			Annotations(entgql.RelayConnection()),
		edge.To("recognitions", Recognition.Type).
			Comment("Official recognitions of this venue (认定): title, level, issuer, year, document number.").
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of the Venue: the bounding box of venuesNear.
func (Venue) Indexes() []ent.Index {
	return []ent.Index{index.Fields("latitude", "longitude"), index.Fields("region_id")}
}

// Annotations of the Venue.
func (Venue) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A place to experience the brands: heritage workshop, experience hall, street or district, park or training base."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published venues (heritage workshops, experience halls, parks, training bases), as a Relay connection. For distance search use venuesNear."),
	}
}
