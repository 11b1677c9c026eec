package schema

import (
	"context"
	"fmt"

	gen "brandshow/ent"
	"brandshow/ent/enterprise"
	"brandshow/ent/visibility"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Alliance is a labor brand alliance (劳务品牌联盟, (十)): brands of one
// industry or one region joined together, led by a leading enterprise.
type Alliance struct{ ent.Schema }

// Mixin of the Alliance.
func (Alliance) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}, LazyTextMixin{}}
}

// Fields of the Alliance.
func (Alliance) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("name", 128, true, "Alliance name")...)
	fields = append(fields, localized("summary", 500, false, "Short description")...)
	fields = append(fields, localizedText("purpose", 5000, "What the alliance is for")...)
	fields = append(fields,
		field.Enum("scope").Values("INDUSTRY", "REGION").
			Comment("Whether members share an industry or a region."),
		field.Time("founded_on").Optional().Nillable().
			Comment("Founding date.").
			Annotations(entgql.OrderField("FOUNDED_ON")),
		field.Int("lead_enterprise_id").Optional().Nillable().Comment("The leading enterprise."),
	)
	return fields
}

// Edges of the Alliance.
func (Alliance) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("lead_enterprise", Enterprise.Type).Ref("led_alliances").Field("lead_enterprise_id").Unique().
			Comment("The enterprise that leads the alliance."),
		edge.To("brands", Brand.Type).Through("brand_links", AllianceBrand.Type).
			Comment("Member brands.").
			Annotations(entgql.RelayConnection()),
	}
}

// Annotations of the Alliance.
func (Alliance) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A labor brand alliance (劳务品牌联盟): brands of one industry or region joined together, led by an enterprise."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published labor brand alliances, as a Relay connection."),
	}
}

// Indexes of the Alliance: the alliances an enterprise leads, and the FOUNDED_ON ordering.
func (Alliance) Indexes() []ent.Index {
	return []ent.Index{index.Fields("lead_enterprise_id"), index.Fields("founded_on")}
}

// Interceptors of the Alliance: to a viewer who may not see drafts, a lead
// enterprise that is a draft is no lead — leadEnterpriseID reads null, as it
// would had the draft been deleted (the key is set NULL on delete). The
// leadEnterprise edge and the leadEnterpriseID conditions already hide it
// (the Publication interceptor and visibility.ForeignKeyPredicate); this
// covers the column itself, at the cost of one lookup of the page's leads.
func (Alliance) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		ent.InterceptFunc(func(next ent.Querier) ent.Querier {
			return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
				v, err := next.Query(ctx, q)
				alliances, ok := v.([]*gen.Alliance)
				if err != nil || !ok || !visibility.HidesDrafts(ctx) {
					return v, err
				}
				return alliances, hideDraftLeads(ctx, q.(*gen.AllianceQuery), alliances)
			})
		}),
	}
}

// hideDraftLeads clears the lead enterprise IDs that do not point to a
// published enterprise.
func hideDraftLeads(ctx context.Context, q *gen.AllianceQuery, alliances []*gen.Alliance) error {
	var leads []int
	for _, a := range alliances {
		if a.LeadEnterpriseID != nil {
			leads = append(leads, *a.LeadEnterpriseID)
		}
	}
	if len(leads) == 0 {
		return nil
	}
	visible, err := q.Clone().QueryLeadEnterprise().Where(enterprise.IDIn(leads...)).IDs(ctx)
	if err != nil {
		return fmt.Errorf("alliance leads: %w", err)
	}
	seen := make(map[int]bool, len(visible))
	for _, id := range visible {
		seen[id] = true
	}
	for _, a := range alliances {
		if a.LeadEnterpriseID != nil && !seen[*a.LeadEnterpriseID] {
			a.LeadEnterpriseID = nil
		}
	}
	return nil
}
