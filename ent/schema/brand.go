package schema

import (
	"brandshow/ent/schematype"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Brand is a labor brand (劳务品牌): a named, recognisable group of skilled
// workers from one place, such as the housekeepers of one county. It is the
// centre of the showcase; every other type hangs off it.
type Brand struct{ ent.Schema }

// Mixin of the Brand.
func (Brand) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}, LazyTextMixin{}}
}

// Fields of the Brand.
func (Brand) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("name", 64, true, "Brand name: region + trade + person word, e.g. 红安大嫂")...)
	fields = append(fields, localized("summary", 500, false, "One-paragraph summary for cards and lists")...)
	fields = append(fields, localizedText("story", 20000, "The brand's long story")...)
	fields = append(fields, localized("industry", 64, false, "Industry, trade or product, e.g. 家政服务")...)
	fields = append(fields,
		field.Int("region_id").Comment("The county or city the brand comes from."),
		field.Enum("category").Values("HIGH_END_SKILLED", "QUALITY_SERVICE", "CULTURE_TOURISM", "LIVELIHOOD").
			Comment("Policy category (四): high-end skilled, quality service, culture and tourism, or livelihood security."),
		field.Enum("level").Values("COUNTY", "CITY", "PROVINCIAL", "NATIONAL").
			Comment("Highest level of recognition (五): county, city, provincial or national."),
		field.Bool("in_resource_library").Default(false).
			Comment("Whether the brand is in the provincial key labor brand resource library (五)."),
		field.Bool("in_guidance_catalogue").Default(false).
			Comment("Whether the brand is in the provincial guidance catalogue (五), which is managed dynamically."),
		field.Int("workers_employed").Range(0, schematype.MaxWorkers).Default(0).
			Comment("Number of workers employed under the brand (七).").
			Annotations(entgql.OrderField("WORKERS_EMPLOYED")),
		field.Int("workers_exported").Range(0, schematype.MaxWorkers).Default(0).
			Comment("Number of workers placed outside their home region (七)."),
		field.Int("founded_year").Optional().Nillable().Range(1949, 2100).
			Comment("Year the brand was founded.").
			Annotations(entgql.OrderField("FOUNDED_YEAR")),
		field.Int("trademark_count").Range(0, schematype.MaxRegistrations).Default(0).
			Comment("Registered trademarks (八)."),
		field.Int("patent_count").Range(0, schematype.MaxRegistrations).Default(0).
			Comment("Patents held (八)."),
		field.Enum("credit_rating").Values("AAA", "AA", "A", "B", "C").Optional().Nillable().
			Comment("Integrity and credit rating (八), when rated."),
		pictureField("logo", "The brand's logo."),
		picturesField("Pictures of the brand's workers and work."),
		field.Bool("featured").Default(false).
			Comment("Whether curators feature this brand on promotion sites and kiosks (see featuredBrands).").
			Annotations(skipInputs),
		field.Int("featured_rank").Range(-schematype.MaxFeaturedRank, schematype.MaxFeaturedRank).Default(0).
			Comment("Curator order among featured brands: lower comes first.").
			Annotations(entgql.OrderField("FEATURED_RANK"), skipInputs),
		field.Time("featured_from").Optional().Nillable().
			Comment("Start of the featured window; empty means already started.").
			Annotations(skipInputs),
		field.Time("featured_until").Optional().Nillable().
			Comment("End of the featured window (exclusive); empty means open-ended.").
			Annotations(skipInputs),
	)
	return fields
}

// Edges of the Brand.
func (Brand) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("region", Region.Type).Ref("brands").Field("region_id").Unique().Required().
			Comment("The county or city the brand comes from."),
		edge.To("role_models", RoleModel.Type).Through("role_model_links", BrandRoleModel.Type).
			Comment("The brand's role models: founders, inheritors, contributors, ambassadors and skill masters.").
			Annotations(entgql.RelayConnection()),
		edge.From("alliances", Alliance.Type).Ref("brands").
			Comment("Alliances the brand belongs to.").
			Annotations(entgql.RelayConnection()),
		edge.From("enterprises", Enterprise.Type).Ref("brands").
			Comment("Enterprises that lead or employ the brand's workers.").
			Annotations(entgql.RelayConnection()),
		edge.From("venues", Venue.Type).Ref("brands").
			Comment("Venues where the brand can be experienced or trained for.").
			Annotations(entgql.RelayConnection()),
		edge.From("media_coverages", MediaCoverage.Type).Ref("brands").
			Comment("Media coverage about the brand.").
			Annotations(entgql.RelayConnection(), entgql.OrderField("MEDIA_COVERAGES_COUNT")),
		edge.From("events", Event.Type).Ref("brands").
			Comment("Events the brand takes part in or is shown at.").
			Annotations(entgql.RelayConnection()),
		edge.To("figures", Figure.Type).
			Comment("The brand's reported numbers by year (see figures(metric:) and latestFigures). Deleting the brand deletes them.").
			Annotations(entgql.Skip(entgql.SkipAll), entsql.OnDelete(entsql.Cascade)),
		edge.To("recognitions", Recognition.Type).
			Comment("Official recognitions of this brand (认定): title, level, issuer, year, document number.").
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of the Brand.
func (Brand) Indexes() []ent.Index {
	return []ent.Index{
		// featuredBrands: only featured brands, in curator order. A partial
		// index, because the query's condition is the bare column
		// ("WHERE featured"), which SQLite cannot look up in an ordinary
		// index on it.
		index.Fields("featured_rank").Annotations(entsql.IndexWhere("featured")),
		index.Fields("region_id"),
		index.Fields("category"),
		index.Fields("level"),
		// Orderings of the brands list.
		index.Fields("workers_employed"),
		index.Fields("founded_year"),
		// Key figures (stats): brand counts and worker totals per category
		// and level are read from these indexes alone, without visiting the
		// wide brand rows (story, pictures): 19 ms → about 2 ms at 10,000
		// brands on PostgreSQL.
		index.Fields("status", "category", "workers_employed", "workers_exported"),
		index.Fields("status", "level"),
	}
}

// Annotations of the Brand.
func (Brand) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A Hubei labor brand (劳务品牌): a named group of skilled workers from one place, e.g. 红安大嫂, the housekeepers of Hong'an county."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published labor brands, as a Relay connection: filter with where (category, level, region, ...), order with orderBy."),
	}
}
