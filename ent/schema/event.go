package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"brandshow/ent/schematype"
)

// Event is a dated activity where the brands are shown or made: showcase
// and exchange events, professional forums, brand competitions, calls and
// selections, job-recommendation events, culture-experience activities,
// Belt and Road exchanges (七, 十五, 十六) and training. Kiosks stand at
// them, promotion sites list them, journalists hang stories on their dates;
// calendars subscribe to them through the iCalendar feeds.
type Event struct{ ent.Schema }

// Mixin of the Event.
func (Event) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, SearchIndexedMixin{}, EditedMixin{}, LazyTextMixin{}}
}

// Fields of the Event.
func (Event) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields,
		field.Enum("kind").Values("EXHIBITION", "FORUM", "COMPETITION", "SELECTION", "JOB_FAIR",
			"CULTURE_EXPERIENCE", "INTERNATIONAL_EXCHANGE", "TRAINING").
			Comment("Kind of event: exhibition or showcase, forum, competition, call or selection, job fair, culture experience, international (Belt and Road) exchange, or training.").
			Annotations(entgql.Type("EventKind")),
	)
	fields = append(fields, localized("title", 200, true, "Title of the event")...)
	fields = append(fields, localized("summary", 500, false, "One-paragraph summary")...)
	fields = append(fields, localizedText("description", 20000, "Full description: programme, who may take part, how to register")...)
	fields = append(fields,
		field.Time("starts_at").
			Comment("When the event starts (an instant; shown in Asia/Shanghai). For an all-day event, midnight of its first day in Asia/Shanghai.").
			Annotations(entgql.OrderField("STARTS_AT")),
		field.Time("ends_at").Optional().Nillable().
			Comment("When the event ends; for an all-day event, midnight of its last day (inclusive) in Asia/Shanghai. Empty: it ends when it starts (or the same day)."),
		field.Bool("all_day").Default(false).
			Comment("The event takes whole days (dates without times in calendars)."),
		field.Bool("cancelled").Default(false).
			Comment("The event was cancelled: it stays listed (marked) and calendars show it as cancelled."),
		field.Int("sequence").NonNegative().Default(0).
			Comment("Revision number, raised by every change (iCalendar SEQUENCE, so calendar apps take the newest version).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	)
	fields = append(fields, localized("address", 256, false, "Street address, when the event has no venue or the venue's is not enough")...)
	fields = append(fields, localized("organiser", 200, false, "Who organises the event")...)
	fields = append(fields,
		field.Float("latitude").Optional().Nillable().Min(-90).Max(90).Comment("Latitude of the place (WGS 84), when it has no venue."),
		field.Float("longitude").Optional().Nillable().Min(-180).Max(180).Comment("Longitude of the place (WGS 84), when it has no venue."),
		field.String("registration_url").MaxLen(1024).Default("").Validate(schematype.CheckLine).Validate(httpsURL).
			Comment("Where to register (https only); empty when no registration is needed."),
		picturesField("Pictures of the event."),
		field.Int("region_id").Comment("The region the event takes place in."),
		field.Int("venue_id").Optional().Nillable().Comment("The venue, when it takes place at one."),
	)
	return fields
}

// Edges of the Event.
func (Event) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("region", Region.Type).Ref("events").Field("region_id").Unique().Required().
			Comment("The region the event takes place in."),
		edge.From("venue", Venue.Type).Ref("events").Field("venue_id").Unique().
			Comment("The venue it takes place at; null when it has only an address."),
		edge.To("brands", Brand.Type).Through("brand_links", EventBrand.Type).
			Comment("Brands that take part or are shown.").
			Annotations(entgql.RelayConnection()),
		edge.To("role_models", RoleModel.Type).Through("role_model_links", EventRoleModel.Type).
			Comment("People who take part: speakers, contestants, masters.").
			Annotations(entgql.RelayConnection()),
		edge.To("media_coverages", MediaCoverage.Type).Through("media_coverage_links", EventMediaCoverage.Type).
			Comment("Coverage that reports on the event.").
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of the Event: the calendar (by start), a region's and a venue's events.
func (Event) Indexes() []ent.Index {
	return []ent.Index{index.Fields("starts_at"), index.Fields("region_id", "starts_at"), index.Fields("venue_id")}
}

// Hooks of the Event: every change raises the iCalendar sequence.
func (Event) Hooks() []ent.Hook {
	return []ent.Hook{bumpSequence}
}

// Annotations of the Event.
func (Event) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A dated event: exhibition, forum, competition, selection, job fair, culture experience, international exchange or training (活动). Demo events are fictional."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published events, as a Relay connection: filter by kind, date (startsAt), region, venue, brand or person; order by STARTS_AT. For what is coming up use upcomingEvents; calendars subscribe to /feeds/events.ics."),
	}
}

// sequenced is the part of EventMutation the hook needs.
type sequenced interface {
	ent.Mutation
	AddSequence(int)
}

// bumpSequence raises the revision of every event an update changes, so a
// calendar that subscribed to the feed replaces its copy (RFC 5545 SEQUENCE).
func bumpSequence(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if s, ok := m.(sequenced); ok && m.Op().Is(ent.OpUpdate|ent.OpUpdateOne) && len(m.Fields())+len(m.AddedEdges())+len(m.RemovedEdges())+len(m.ClearedFields()) > 0 {
			s.AddSequence(1)
		}
		return next.Mutate(ctx, m)
	})
}
