package schema

import (
	"context"
	"time"

	"brandshow/ent/intercept"
	"brandshow/ent/visibility"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// PreviewLink lets someone without a token (a department head reviewing a
// draft) see one unpublished item on the real public page, until it
// expires or is revoked. Only the SHA-256 of its secret is stored; the
// link itself is shown once, to the editor who made it.
type PreviewLink struct{ ent.Schema }

// Fields of the PreviewLink.
func (PreviewLink) Fields() []ent.Field {
	return []ent.Field{
		field.Int("item_id").Immutable().
			Comment("Global ID of the item the link shows."),
		field.String("item_type").Immutable().
			Comment("GraphQL type of the item, e.g. Brand."),
		field.String("hash").Unique().Sensitive().Immutable().
			Comment("SHA-256 of the link's secret, hex."),
		field.String("created_by").Immutable().
			Comment("Name of the token that made the link."),
		field.Time("created_at").Immutable().Default(time.Now),
		field.Time("expires_at").Immutable().
			Comment("The link shows nothing from this time on."),
		field.Time("revoked_at").Optional().Nillable().
			Comment("When the link was revoked, if it was."),
	}
}

// Indexes of the PreviewLink: the links of an item, listed in the console.
func (PreviewLink) Indexes() []ent.Index {
	return []ent.Index{index.Fields("item_id")}
}

// Interceptors of the PreviewLink: token holders and the server read links
// (the public reaches one by its secret only, through the server).
func (PreviewLink) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseFunc(func(ctx context.Context, _ intercept.Query) error {
			if visibility.IsSystem(ctx) {
				return nil
			}
			return visibility.Require(ctx, visibility.RoleEditor)
		}),
	}
}

// Policy of the PreviewLink: editors make and revoke links (they prepare
// the drafts that reviewers look at).
func (PreviewLink) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.RequireRole(visibility.RoleEditor)}}
}

// Annotations of the PreviewLink: the GraphQL type is written by hand
// (schema/editing.graphql), without the secret's hash.
func (PreviewLink) Annotations() []entschema.Annotation {
	return []entschema.Annotation{entgql.Skip(entgql.SkipAll)}
}
