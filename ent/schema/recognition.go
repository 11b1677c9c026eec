package schema

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"brandshow/ent/schematype"
)

// Recognition is an official recognition of a brand, a role model, an
// enterprise or a venue: a listing such as 湖北省优秀劳务品牌, issued by a
// department in a year under a document number (鄂人社发〔2022〕13号), in
// a batch, possibly withdrawn or expired later. The brand's boolean flags
// (resource library, guidance catalogue) and level stay as they are; a
// recognition is the citable record behind them.
type Recognition struct{ ent.Schema }

// Mixin of the Recognition.
func (Recognition) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, PublicationMixin{}, SlugMixin{}, EditedMixin{}}
}

// recognitionOwners are the foreign keys of a recognition's owner, exactly
// one of which is set.
var recognitionOwners = []string{"brand_id", "role_model_id", "enterprise_id", "venue_id"}

// Fields of the Recognition.
func (Recognition) Fields() []ent.Field {
	var fields []ent.Field
	fields = append(fields, localized("title", 200, true, "Title of the recognition, e.g. 湖北省优秀劳务品牌")...)
	fields = append(fields,
		field.Enum("level").Values("COUNTY", "PREFECTURE", "PROVINCIAL", "NATIONAL").
			Comment("Level of the issuing government: county, prefecture (city), province or nation.").
			Annotations(entgql.Type("RecognitionLevel"), entgql.OrderField("LEVEL")),
	)
	fields = append(fields, localized("issuer", 200, true, "Who issued it, e.g. 湖北省人力资源和社会保障厅")...)
	fields = append(fields,
		field.Int("year").Range(1949, 2100).
			Comment("Year the recognition was issued.").
			Annotations(entgql.OrderField("YEAR")),
		line("document_number", 100, "Number of the issuing document, e.g. 鄂人社发〔2022〕13号; empty when unknown."),
		line("batch", 64, "Batch of the listing, e.g. 第三批; empty when there is none."),
		field.Time("ended_on").Optional().Nillable().
			Comment("When the recognition ended (a date, midnight UTC); empty while it stands."),
		field.Enum("end_reason").Values("WITHDRAWN", "EXPIRED").Optional().Nillable().
			Comment("Why it ended: withdrawn by the issuer, or expired; empty while it stands.").
			Annotations(entgql.Type("RecognitionEndReason")),
		urlField("source_url", 1024, "Where the issuing document is published (http or https)."),
		field.Int("brand_id").Optional().Nillable().Comment("The recognised brand, when a brand is recognised.").
			Annotations(ownerIDOnlyInInputs),
		field.Int("role_model_id").Optional().Nillable().Comment("The recognised person, when a person is recognised.").
			Annotations(ownerIDOnlyInInputs),
		field.Int("enterprise_id").Optional().Nillable().Comment("The recognised enterprise, when an enterprise is recognised.").
			Annotations(ownerIDOnlyInInputs),
		field.Int("venue_id").Optional().Nillable().Comment("The recognised venue, when a venue is recognised.").
			Annotations(ownerIDOnlyInInputs),
	)
	return fields
}

// Edges of the Recognition: exactly one owner (checked by
// exactlyOneOwner). Deleting the owner empties the key, as for an event's
// venue, so the filters read a draft owner as none (see
// visibility.ForeignKeyPredicate).
func (Recognition) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("brand", Brand.Type).Ref("recognitions").Field("brand_id").Unique().
			Comment("The recognised brand; null when another kind of item is recognised."),
		edge.From("role_model", RoleModel.Type).Ref("recognitions").Field("role_model_id").Unique().
			Comment("The recognised person; null when another kind of item is recognised."),
		edge.From("enterprise", Enterprise.Type).Ref("recognitions").Field("enterprise_id").Unique().
			Comment("The recognised enterprise; null when another kind of item is recognised."),
		edge.From("venue", Venue.Type).Ref("recognitions").Field("venue_id").Unique().
			Comment("The recognised venue; null when another kind of item is recognised."),
	}
}

// Indexes of the Recognition: an owner's recognitions, and the list by year.
func (Recognition) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("brand_id"), index.Fields("role_model_id"), index.Fields("enterprise_id"), index.Fields("venue_id"),
		index.Fields("year"),
	}
}

// Hooks of the Recognition.
func (Recognition) Hooks() []ent.Hook {
	return []ent.Hook{exactlyOneOwner, endedTogether}
}

// Annotations of the Recognition.
func (Recognition) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("An official recognition (认定) of a brand, person, enterprise or venue: title, level, issuer, year, document number and batch, and when and why it ended. Demo document numbers are fictional."),
		entgql.RelayConnection(),
		mutations,
		entgql.QueryField().Description("Published recognitions, as a Relay connection: filter by level, year, issuer or the recognised brand, person, enterprise or venue; order by YEAR or LEVEL. Cite the issuer, the year and the document number."),
	}
}

// errOwner is the reason an owner change is refused.
var errOwner = errors.New("a recognition belongs to exactly one brand, role model, enterprise or venue")

// exactlyOneOwner refuses a recognition that would have no owner or more
// than one: on create, and on an update that sets or clears an owner (the
// result counts, with the keys the update leaves as they were). A bulk
// update may not change owners.
func exactlyOneOwner(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		touched := false
		for _, name := range recognitionOwners {
			_, set := m.Field(name)
			touched = touched || set || m.FieldCleared(name)
		}
		switch {
		case m.Op().Is(ent.OpCreate):
		case m.Op().Is(ent.OpUpdateOne) && touched:
		case m.Op().Is(ent.OpUpdate) && touched:
			return nil, &schematype.FieldError{Field: "brand_id", Err: errOwner}
		default:
			return next.Mutate(ctx, m)
		}
		owners := 0
		for _, name := range recognitionOwners {
			if v, set := m.Field(name); set {
				if v != nil {
					owners++
				}
				continue
			}
			if m.FieldCleared(name) || m.Op().Is(ent.OpCreate) {
				continue
			}
			old, err := m.OldField(ctx, name)
			if err != nil {
				return nil, fmt.Errorf("recognition owner: %w", err)
			}
			if id, _ := old.(*int); id != nil {
				owners++
			}
		}
		if owners != 1 {
			return nil, &schematype.FieldError{Field: "brand_id", Err: fmt.Errorf("%w (it would have %d)", errOwner, owners)}
		}
		return next.Mutate(ctx, m)
	})
}

// endedTogether refuses an end reason without an end date and the other
// way round, as the result of a create or a single-row update.
func endedTogether(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if !m.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
			return next.Mutate(ctx, m)
		}
		present := func(name string) (bool, error) {
			if v, set := m.Field(name); set {
				return v != nil, nil
			}
			if m.FieldCleared(name) || m.Op().Is(ent.OpCreate) {
				return false, nil
			}
			old, err := m.OldField(ctx, name)
			if err != nil {
				return false, fmt.Errorf("recognition end: %w", err)
			}
			return !isNilPointer(old), nil
		}
		ended, err := present("ended_on")
		if err != nil {
			return nil, err
		}
		reason, err := present("end_reason")
		if err != nil {
			return nil, err
		}
		if ended != reason {
			return nil, &schematype.FieldError{Field: "end_reason", Err: errors.New("an end date and an end reason (WITHDRAWN or EXPIRED) come together")}
		}
		return next.Mutate(ctx, m)
	})
}

// isNilPointer reports whether an old value of a nillable column is NULL.
func isNilPointer(v ent.Value) bool {
	r := reflect.ValueOf(v)
	return !r.IsValid() || (r.Kind() == reflect.Pointer && r.IsNil())
}

// ownerIDOnlyInInputs keeps an owner's raw ID out of the Recognition type
// and its filters: the owner may be a draft, and a published recognition
// must not tell its ID. Readers follow the edge (brand, roleModel, ...),
// which hides drafts; editors still set the owner by ID in the inputs.
var ownerIDOnlyInInputs = entgql.Skip(entgql.SkipType, entgql.SkipWhereInput)
