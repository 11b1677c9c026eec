package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"brandshow/ent/intercept"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
)

// Figure is one reported number of a brand for one year: workers employed
// or exported, people trained or certified, people placed out of poverty,
// returnees who started businesses. Departments report them yearly; each
// names its source and, when the source gives it, the date it stands at, so
// a journalist can write "as of 2024-12-31, according to ...". The brand's
// workersEmployed and workersExported columns stay as they are.
type Figure struct{ ent.Schema }

// Mixin of the Figure.
func (Figure) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, EditedMixin{}}
}

// Fields of the Figure.
func (Figure) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields,
		field.Enum("metric").Values("WORKERS_EMPLOYED", "WORKERS_EXPORTED", "TRAINED", "CERTIFIED",
			"POVERTY_RELIEF_PLACED", "RETURNEE_ENTREPRENEURS").
			Comment("What is counted: workers employed under the brand, workers placed outside their home region, people trained, people certified (skill certificates), people lifted out of poverty placed in work, returnees who started businesses.").
			Annotations(entgql.Type("FigureMetric"), entgql.OrderField("METRIC")),
		field.Int("value").Range(0, schematype.MaxWorkers).
			Comment("The number (people)."),
		field.Int("period").Range(schematype.MinFigureYear, schematype.MaxFigureYear).
			Comment("The year the number is for.").
			Annotations(entgql.OrderField("PERIOD")),
		field.Time("as_of").Optional().Nillable().
			Comment("The date the number stands at (a date, midnight UTC); null when the source gives no date."),
	)
	fields = append(fields, localized("source", 200, true, "Who reports the number, e.g. 湖北省人力资源和社会保障厅")...)
	fields = append(fields,
		urlField("source_url", 1024, "Where the source publishes the number (http or https)."),
		field.Int("brand_id").Comment("The brand the number is about."),
	)
	return fields
}

// Edges of the Figure.
func (Figure) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("brand", Brand.Type).Ref("figures").Field("brand_id").Unique().Required().
			Comment("The brand the number is about."),
	}
}

// Indexes of the Figure: one number per brand, metric and year.
func (Figure) Indexes() []ent.Index {
	return []ent.Index{index.Fields("brand_id", "metric", "period").Unique(), index.Fields("period")}
}

// Interceptors of the Figure: a figure is part of its brand, so the public
// sees it only while the public sees the brand too (published, within its
// schedule) (besides its own status,
// which the PublicationMixin checks). Deleting the brand deletes its
// figures.
func (Figure) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseFunc(func(ctx context.Context, q intercept.Query) error {
			if visibility.DraftsAllowed(ctx) {
				return nil
			}
			q.WhereP(func(s *sql.Selector) {
				b := sql.Dialect(s.Dialect()).Table("brands")
				s.Where(sql.In(s.C("brand_id"), sql.Dialect(s.Dialect()).Select(b.C("id")).From(b).
					Where(visibility.Public(b.C, visibility.Now()))))
			})
			return nil
		}),
	}
}

// Annotations of the Figure.
func (Figure) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A brand's reported number for one year (年度数据): metric, value, year, the date it stands at and its source. Demo figures are fictional."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published figures of published brands, as a Relay connection: filter by metric, period (year) or brand; order by PERIOD or METRIC. Cite the period, asOf and source."),
	}
}
