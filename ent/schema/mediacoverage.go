package schema

import (
	"brandshow/ent/schematype"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// MediaCoverage is a report or feature about brands and people (十七):
// online media, newspapers, magazines, radio, TV and themed films.
type MediaCoverage struct{ ent.Schema }

// Mixin of the MediaCoverage.
func (MediaCoverage) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}, LazyTextMixin{}}
}

// Fields of the MediaCoverage.
func (MediaCoverage) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("title", 200, true, "Headline")...)
	fields = append(fields, localized("summary", 1000, false, "Summary")...)
	fields = append(fields, localizedText("body", 50000, "Text or excerpt of the report")...)
	fields = append(fields,
		requiredLine("outlet", 128, "The publishing outlet, e.g. a newspaper or TV channel."),
		field.Enum("medium").Values("ONLINE", "NEWSPAPER", "MAGAZINE", "RADIO", "TV", "FILM").
			Comment("Medium of the report.").
			Annotations(entgql.Type("Medium")),
		field.Time("published_on").
			Comment("Date the report appeared.").
			Annotations(entgql.OrderField("PUBLISHED_ON")),
		line("author", 128, "Author or producer."),
		urlField("url", 1024, "Link to the original (http or https)."),
		pictureField("image", "The report's lead picture."),
		field.String("video_url").MaxLen(1024).Default("").Validate(schematype.CheckLine).Validate(httpsURL).
			Comment("For TV reports and films: the https address of the video (a page or a file)."),
		pictureField("poster", "For TV reports and films: the still shown before the video plays."),
	)
	return fields
}

// Edges of the MediaCoverage.
func (MediaCoverage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("brands", Brand.Type).Through("brand_links", MediaCoverageBrand.Type).
			Comment("Brands the report is about.").
			Annotations(entgql.RelayConnection()),
		edge.To("role_models", RoleModel.Type).Through("role_model_links", MediaCoverageRoleModel.Type).
			Comment("People the report is about.").
			Annotations(entgql.RelayConnection()),
		edge.From("events", Event.Type).Ref("media_coverages").
			Comment("Events the report is about.").
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of the MediaCoverage.
func (MediaCoverage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("published_on"), index.Fields("medium", "published_on")}
}

// Annotations of the MediaCoverage.
func (MediaCoverage) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A media report, feature or film about brands and their people (媒体报道). Demo coverage is fictional."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published media coverage, as a Relay connection: filter by medium, date (publishedOn), brand or person; order by PUBLISHED_ON."),
	}
}
