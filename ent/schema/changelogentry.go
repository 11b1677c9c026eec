package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ChangeLogEntry is one public change of a content item, for the kiosks,
// mirrors and static portals that sync through the changes API: an UPSERT
// when a published item was created, changed or published, a TOMBSTONE
// when a published item was unpublished or deleted. Changes of drafts are
// never written (a draft's creation or edit is nobody's business but its
// editors'). The entries are written by the PublicationMixin's hook in the
// same transaction as the change, numbered in commit order, and hold
// nothing but the item's type and global ID, so the public may read them.
type ChangeLogEntry struct{ ent.Schema }

// Fields of the ChangeLogEntry.
func (ChangeLogEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("at").Immutable().Default(time.Now).
			Comment("When the change was made."),
		field.Enum("kind").Values("UPSERT", "TOMBSTONE").Immutable().
			Comment("UPSERT: the item is published as it is now; TOMBSTONE: it is gone from the public."),
		field.String("entity_type").Immutable().MaxLen(64).
			Comment("GraphQL type of the item, e.g. Brand."),
		field.Int("entity_id").Immutable().
			Comment("Global ID of the item."),
		field.Time("transition_at").Optional().Nillable().Immutable().
			Comment("For an entry written because a scheduled time passed (publish_at or unpublish_at), that time; null for an entry written by a change. With entity_id and kind it is unique, so the replicas that all see the same transition write one entry."),
	}
}

// Indexes of the ChangeLogEntry: the changes API reads by ID (its cursor);
// a compaction or an operator looks up an item's entries; the schedule
// timer writes each scheduled transition once.
func (ChangeLogEntry) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("entity_id"), index.Fields("at"),
		// One entry per scheduled transition, whichever replica writes it
		// first (NULLs, the entries of changes, never conflict).
		index.Fields("entity_id", "kind", "transition_at").Unique(),
	}
}

// Annotations of the ChangeLogEntry: not a GraphQL type of its own (the
// changes field of schema/showcase.graphql shows it).
func (ChangeLogEntry) Annotations() []entschema.Annotation {
	return []entschema.Annotation{entgql.Skip(entgql.SkipAll)}
}
