package schema

import (
	"regexp"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
)

// Token is an editor's API token. Only its SHA-256 hash is stored; the token
// itself is printed once by `server token create`. Tokens are managed from
// the command line and never exposed through GraphQL.
type Token struct{ ent.Schema }

// Fields of the Token.
func (Token) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Unique().NotEmpty().MaxLen(64).Match(regexp.MustCompile(`^[A-Za-z0-9._@-]+$`)).
			Comment("Who holds the token; the audit log records this name."),
		field.Enum("role").Values("EDITOR", "PUBLISHER", "ADMIN").
			Comment("What the token may do."),
		field.String("hash").Unique().Sensitive().Immutable().
			Comment("SHA-256 of the token, hex."),
		field.Time("created_at").Immutable().Default(time.Now),
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Annotations of the Token.
func (Token) Annotations() []entschema.Annotation {
	return []entschema.Annotation{entgql.Skip(entgql.SkipAll)}
}
