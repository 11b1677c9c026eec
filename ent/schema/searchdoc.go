package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/entsql"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// SearchDoc is one searchable item (brand, person, enterprise, alliance,
// venue or report) in the journalists' search side table. It holds only what
// finding, checking and ranking need — the app-built tokens, the name for
// suggestions, filter and facet columns, and the folded text of the
// searchable fields — so a query reads the content tables only for the page
// it returns. Rows are written by the search index hook (package
// server/search) in the same transaction as the content they describe, and
// the publication interceptor hides rows of drafts like everything else.
// It is not part of the GraphQL schema.
type SearchDoc struct{ ent.Schema }

// Mixin of the SearchDoc: the status mirrors the item's, so the one
// publication interceptor hides drafts here too.
func (SearchDoc) Mixin() []ent.Mixin {
	return []ent.Mixin{PublicationMixin{}}
}

// tokenColumn is a token list: a tsvector with a GIN index on PostgreSQL,
// plain text on SQLite, where an FTS5 table over it is created by the store.
var tokenColumn = map[string]string{dialect.Postgres: "tsvector", dialect.SQLite: "text"}

// Fields of the SearchDoc. Small columns come first: SQLite reads a row's
// columns in order, and the token lists are long.
func (SearchDoc) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("item_type").Values("BRAND", "ROLE_MODEL", "ENTERPRISE", "ALLIANCE", "VENUE", "MEDIA_COVERAGE", "EVENT").
			Comment("Which content type the item is."),
		field.Int("item_id").Comment("The item's ID in its own table."),
		field.Time("sort_date").
			Comment("Recency for tie-breaking: publication date of coverage, otherwise when the item was first published or entered."),
		field.String("category").Default("").Comment("Brand category, for facets; empty for other types."),
		field.String("level").Default("").Comment("Brand level, for facets; empty for other types."),
		field.String("medium").Default("").Comment("Medium of coverage, for facets; empty for other types."),
		field.String("prefectures").Default("").
			Comment("Codes of the prefecture-level divisions the item belongs to, space-separated, for facets."),
		field.String("name").Default("").Comment("Display name (Chinese), for suggestions."),
		field.String("pinyin").Default("").
			Comment("Pinyin of the name, syllables separated by spaces, for checking and ranking pinyin matches (search and suggestions)."),
		field.String("name_key").Default("").
			Comment("Folded name (see search.Fold), at most 96 bytes: suggestions look name prefixes up in its index."),
		field.String("pinyin_key").Default("").
			Comment("Pinyin of the name without spaces (hongandasao), at most 96 bytes, for pinyin prefixes in suggestions."),
		field.String("initials_key").Default("").
			Comment("Initials of the name's pinyin (hads) when it has two syllables or more, for initials in suggestions."),
		field.Text("name_tokens").Default("").SchemaType(tokenColumn).
			Comment("Tokens of the name only (bigrams, unigrams, pinyin), space-separated: candidates for name matches."),
		field.Text("tokens").Default("").SchemaType(tokenColumn).
			Comment("Tokens of every searchable field plus filter tokens, space-separated."),
		field.Text("text").Default("").
			Comment("Every searchable field in its folded form (see search.Fold), so a query checks and ranks candidates without reading or folding the content. Last: it is the longest column."),
	}
}

// Indexes of the SearchDoc. The GIN indexes exist on PostgreSQL only; the
// store leaves them out on SQLite, which searches through FTS5 instead.
func (SearchDoc) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("item_type", "item_id").Unique(),
		// Suggestions: prefix ranges (key >= p AND key < p+U+10FFFF) on
		// B-trees. Byte order on both databases: SQLite's BINARY collation,
		// PostgreSQL's text_pattern_ops (whatever the database's collation)
		// with its ~>=~ and ~<~ operators.
		index.Fields("name_key").Annotations(entsql.OpClass("text_pattern_ops")),
		index.Fields("pinyin_key").Annotations(entsql.OpClass("text_pattern_ops")),
		index.Fields("initials_key").Annotations(entsql.OpClass("text_pattern_ops")),
		index.Fields("name_tokens").Annotations(entsql.IndexType("GIN")),
		index.Fields("tokens").Annotations(entsql.IndexType("GIN")),
	}
}

// Annotations of the SearchDoc.
func (SearchDoc) Annotations() []entschema.Annotation {
	return []entschema.Annotation{
		entschema.Comment("A row of the search side table; internal, not exposed in GraphQL."),
		entgql.Skip(entgql.SkipAll),
	}
}
