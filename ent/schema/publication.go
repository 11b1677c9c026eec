package schema

import (
	"context"

	"brandshow/ent/intercept"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
)

// Interceptors of the PublicationMixin: the one place where drafts are hidden.
// Every query of a type with a status — root lists, node(id:), edges loaded
// eagerly or lazily, counts and aggregates — passes through Traverse, so a
// draft can only be seen with a context from visibility.WithDrafts.
func (PublicationMixin) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseFunc(func(ctx context.Context, q intercept.Query) error {
			if visibility.DraftsAllowed(ctx) {
				return nil
			}
			q.WhereP(sql.FieldEQ("status", string(schematype.StatusPublished)))
			return nil
		}),
	}
}
