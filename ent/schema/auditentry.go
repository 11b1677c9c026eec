package schema

import (
	"context"
	"errors"
	"fmt"
	"time"

	"brandshow/ent/intercept"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// AuditEntry records one change made through the API: who (the token's
// name), what (type, id, action), when, and which fields changed from what to
// what. Entries are written by the audit hook in the same transaction as the
// change, and only admins can read them.
type AuditEntry struct{ ent.Schema }

// Fields of the AuditEntry.
func (AuditEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("at").Immutable().Default(time.Now).
			Comment("When the change was made.").
			Annotations(entgql.OrderField("AT")),
		field.String("actor").Immutable().
			Comment("Name of the token that made the change."),
		field.Enum("action").Immutable().
			Values("CREATE", "UPDATE", "DELETE", "PUBLISH", "UNPUBLISH", "FEATURE", "UNFEATURE", "LINK", "UNLINK").
			Comment("What was done."),
		field.String("entity_type").Immutable().
			Comment("GraphQL type of the changed item, e.g. Brand."),
		field.Int("entity_id").Immutable().
			Comment("Global ID of the changed item.").
			Annotations(entgql.Type("ID")),
		field.JSON("changes", []schematype.FieldChange{}).Optional().Immutable().
			Comment("The fields that changed, with their old and new values; for LINK/UNLINK the edge and the linked IDs.").
			Annotations(entgql.Type("[FieldChange!]")),
	}
}

// Indexes of the AuditEntry: the filters admins use.
func (AuditEntry) Indexes() []ent.Index {
	return []ent.Index{index.Fields("entity_type", "entity_id"), index.Fields("actor"), index.Fields("at")}
}

// ErrAdminOnly is returned when someone other than an admin reads the log.
// It is the same answer whether the entries asked for exist or not.
var ErrAdminOnly = errors.New("only admins may read the audit log")

// ErrAdminOnlyNoToken is ErrAdminOnly for a request without a token: the
// caller must authenticate first.
var ErrAdminOnlyNoToken = fmt.Errorf("%w: send an admin's token", ErrAdminOnly)

// Interceptors of the AuditEntry: only admins read the log, on every path;
// and the server itself (an item's history, which graph.ItemHistory reads for
// any token holder, one item at a time).
func (AuditEntry) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseFunc(func(ctx context.Context, _ intercept.Query) error {
			if visibility.IsSystem(ctx) {
				return nil
			}
			v, ok := visibility.ViewerFrom(ctx)
			switch {
			case !ok:
				return ErrAdminOnlyNoToken
			case !v.Role.AtLeast(visibility.RoleAdmin):
				return ErrAdminOnly
			}
			return nil
		}),
	}
}

// Annotations of the AuditEntry.
func (AuditEntry) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("One change made through the API: who, what, when, and which fields changed. Only admins can read the audit log."),
		entgql.RelayConnection(),
		entgql.QueryField("auditLog").Description("The audit log, newest first by default when ordered by AT DESC; admins only. Filter by entityType, entityID, actor and time (at)."),
	}
}
