package schema

import (
	"context"

	"brandshow/ent/auditlog"
	"brandshow/ent/intercept"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/schema/mixin"
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

// EditedMixin marks the content types that editors change through the API:
// their pictures are checked like every other URL, and every change is
// recorded in the audit log (search_docs, which only mirrors content, is not).
type EditedMixin struct{ mixin.Schema }

// Hooks of the EditedMixin.
func (EditedMixin) Hooks() []ent.Hook {
	return []ent.Hook{validatePictures, auditlog.Hook}
}

// validatePictures checks the JSON picture columns (logo, portrait,
// pictures), which ent's field validators cannot reach.
func validatePictures(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range []string{"logo", "portrait", "pictures"} {
			v, ok := m.Field(name)
			if !ok {
				continue
			}
			var pics []schematype.Picture
			switch x := v.(type) {
			case *schematype.Picture:
				if x != nil {
					pics = append(pics, *x)
				}
			case []schematype.Picture:
				pics = x
			}
			for _, p := range pics {
				if err := p.Validate(); err != nil {
					return nil, &schematype.FieldError{Field: name, Err: err}
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}
