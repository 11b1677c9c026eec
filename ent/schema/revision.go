package schema

import (
	"context"
	"time"

	"brandshow/ent/intercept"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Revision is a pending change to a published content item: editing a
// published item stores the change here (ent/pending) instead of changing
// the item, so the public keeps seeing the published version until a
// publisher publishes the revision (graph.PublishRevision applies it as an
// ordinary update). An item has at most one PENDING revision; later edits
// merge into it. Never shown to anyone without a token.
type Revision struct{ ent.Schema }

// Fields of the Revision.
func (Revision) Fields() []ent.Field {
	return []ent.Field{
		field.Int("item_id").Immutable().
			Comment("Global ID of the item the revision changes."),
		field.String("item_type").Immutable().
			Comment("GraphQL type of the item, e.g. Brand."),
		field.Enum("status").Values("PENDING", "PUBLISHED", "DISCARDED").Default("PENDING").
			Comment("PENDING until a publisher publishes it or someone discards it."),
		field.JSON("changes", []schematype.FieldChange{}).Optional().
			Comment("The fields it changes, as the audit log renders them: from the published value to the new one."),
		field.JSON("links", []schematype.LinkChange{}).Optional().
			Comment("The links it adds and removes, by edge."),
		field.String("author").
			Comment("Name of the token that last edited the revision."),
		field.Time("created_at").Immutable().Default(time.Now),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now),
		field.String("decided_by").Optional().
			Comment("Name of the token that published or discarded it."),
		field.Time("decided_at").Optional().Nillable().
			Comment("When it was published or discarded."),
	}
}

// Indexes of the Revision: an item's revisions, its pending one first of all.
func (Revision) Indexes() []ent.Index {
	return []ent.Index{index.Fields("item_id", "status")}
}

// Interceptors of the Revision: token holders and the server read
// revisions; a request without a token reads none, on every path.
func (Revision) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseFunc(func(ctx context.Context, _ intercept.Query) error {
			if visibility.IsSystem(ctx) {
				return nil
			}
			return visibility.Require(ctx, visibility.RoleEditor)
		}),
	}
}

// Policy of the Revision: written by the server only (the pending hook,
// publishRevision and discardRevision, which check roles first).
func (Revision) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.SystemOnly()}}
}

// Annotations of the Revision: the GraphQL type is written by hand
// (schema/editing.graphql).
func (Revision) Annotations() []entschema.Annotation {
	return []entschema.Annotation{entgql.Skip(entgql.SkipAll)}
}
