package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// RoleModel is a brand's typical person (典型人物, (十五)): a founder,
// inheritor, outstanding contributor, ambassador or a skill master with a
// studio (技能大师工作室, (六)).
type RoleModel struct{ ent.Schema }

// Mixin of the RoleModel.
func (RoleModel) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}, LazyTextMixin{}}
}

// Fields of the RoleModel.
func (RoleModel) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("name", 64, true, "Full name")...)
	fields = append(fields, localized("title", 200, false, "One-line description of who this person is")...)
	fields = append(fields, localizedText("bio", 10000, "Biography")...)
	fields = append(fields,
		field.Enum("kind").Values("FOUNDER", "INHERITOR", "CONTRIBUTOR", "AMBASSADOR", "SKILL_MASTER").
			Comment("Role: brand founder (创立人), inheritor (传承人), outstanding contributor (突出贡献者), ambassador (形象代言人) or skill master with a studio (技能大师)."),
		textList("honours_zh", "Honours and awards, in Chinese, one per entry."),
		textList("honours_en", "Honours and awards, in English."),
		line("studio_zh", 128, "Name of the skill master studio (技能大师工作室), if any, in Chinese."),
		line("studio_en", 384, "Name of the skill master studio, in English."),
		pictureField("portrait", "Portrait photograph."),
		field.Int("region_id").Optional().Nillable().Comment("Home region."),
	)
	return fields
}

// Edges of the RoleModel.
func (RoleModel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("region", Region.Type).Ref("role_models").Field("region_id").Unique().
			Comment("Home region."),
		edge.From("brands", Brand.Type).Ref("role_models").
			Comment("Brands this person belongs to.").
			Annotations(entgql.RelayConnection()),
		edge.From("media_coverages", MediaCoverage.Type).Ref("role_models").
			Comment("Media coverage about this person.").
			Annotations(entgql.RelayConnection()),
		edge.From("events", Event.Type).Ref("role_models").
			Comment("Events the person takes part in.").
			Annotations(entgql.RelayConnection()),
		edge.To("recognitions", Recognition.Type).
			Comment("Official recognitions of this person (认定): title, level, issuer, year, document number.").
			Annotations(entgql.RelayConnection()),
	}
}

// Annotations of the RoleModel.
func (RoleModel) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A role model (典型人物) of one or more brands: founder, inheritor, outstanding contributor, ambassador or skill master. Demo people are fictional."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published role models (典型人物) of the brands, as a Relay connection."),
	}
}

// Indexes of the RoleModel: role models of a region.
func (RoleModel) Indexes() []ent.Index {
	return []ent.Index{index.Fields("region_id")}
}
