// Package schema is the data model of the showcase: one file per content
// type, with the GraphQL behaviour (connections, ordering, filters) declared
// as entgql annotations. Shared columns live in the mixins of this file.
package schema

import (
	"fmt"
	"net/url"
	"regexp"
	"time"

	"brandshow/ent/schematype"
	"brandshow/server/search"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin records when a row was created and last changed.
type TimeMixin struct{ mixin.Schema }

// Fields of the TimeMixin.
func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Immutable().Default(time.Now).
			Comment("When this item was first entered.").
			Annotations(entgql.OrderField("CREATED_AT"), skipInputs),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now).
			Comment("When this item was last changed.").
			Annotations(entgql.OrderField("UPDATED_AT"), skipInputs),
	}
}

// PublicationMixin gives a content type its publication status. The
// interceptor that hides drafts from the public is added next to it in
// publication.go, so every type that has a status is filtered the same way.
type PublicationMixin struct{ mixin.Schema }

// Fields of the PublicationMixin.
func (PublicationMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("status").GoType(schematype.Status("")).Default(string(schematype.StatusDraft)).
			Comment("Publication status. The public API only ever returns PUBLISHED items.").
			Annotations(entgql.Type("PublicationStatus"), skipInputs),
		field.Time("published_at").Optional().Nillable().
			Comment("When this item was first published.").
			Annotations(entgql.OrderField("PUBLISHED_AT"), skipInputs),
		field.Time("publish_at").Optional().Nillable().
			Comment("Scheduled publication: a PUBLISHED item is public only from this time on (null: at once). Set with the schedule mutation.").
			Annotations(skipInputs),
		field.Time("unpublish_at").Optional().Nillable().
			Comment("Scheduled withdrawal: a PUBLISHED item is public only before this time (null: until unpublished). Set with the schedule mutation.").
			Annotations(skipInputs),
	}
}

// Annotations of the PublicationMixin: Publication marks the type for the
// code generator, whose edge predicates and edge-count orderings then hide
// this type's drafts when it is the neighbour (ent/template/visibility.tmpl).
func (PublicationMixin) Annotations() []schema.Annotation {
	return []schema.Annotation{Publication{DraftsHidden: true}}
}

// Publication is the code generator's mark of a type with a publication
// status (read as .Annotations.Publication in ent/template).
type Publication struct {
	// DraftsHidden is always true; it makes the annotation non-empty.
	DraftsHidden bool
}

// Name implements schema.Annotation.
func (Publication) Name() string { return "Publication" }

// Indexes of the PublicationMixin: every public query filters on status,
// and lists ordered by PUBLISHED_AT read it in that order from the index.
// The schedule timer (server/schedule) looks up the next publish_at and
// unpublish_at after now on each write and at each transition, from their
// own indexes (most rows have neither: the indexes stay small).
func (PublicationMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "published_at"), index.Fields("publish_at"), index.Fields("unpublish_at")}
}

// skipInputs keeps a field out of the generated create/update inputs: it is
// set by the server (times) or by its own mutation (publish, feature).
var skipInputs = entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)

// mutations generates the create and update inputs of a content type.
var mutations = entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())

// slugPattern is readable Latin: lower-case pinyin words joined by hyphens.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// SlugMixin adds the stable, unique, readable identifier used in URLs.
type SlugMixin struct{ mixin.Schema }

// Fields of the SlugMixin.
func (SlugMixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("slug").Unique().Immutable().MaxLen(96).Match(slugPattern).
			Comment("Stable readable identifier for URLs: the pinyin of the Chinese name, lower case, words joined by hyphens (e.g. hongan-dasao).").
			Annotations(entgql.OrderField("SLUG")),
	}
}

// localized returns the Chinese and English columns of one piece of display
// text. Chinese is the original; English may be empty, and the API then falls
// back to Chinese (see the name/summary fields in schema/showcase.graphql).
func localized(name string, maxLen int, requiredZh bool, what string) []ent.Field {
	zh := field.String(name + "_zh").MaxLen(maxLen).Validate(schematype.CheckLine).Comment(what + ", in Chinese.")
	if requiredZh {
		zh = zh.NotEmpty()
	} else {
		zh = zh.Default("")
	}
	en := field.String(name + "_en").MaxLen(maxLen * 3).Default("").Validate(schematype.CheckLine).
		Comment(what + ", in English; empty when not translated.")
	return []ent.Field{zh, en}
}

// localizedText is localized for long text (stories, biographies). The
// columns load only when the GraphQL field of the same name is selected
// (LazyText; the type needs the LazyTextMixin).
func localizedText(name string, maxLen int, what string) []ent.Field {
	return []ent.Field{
		field.Text(name + "_zh").MaxLen(maxLen).Default("").Validate(schematype.CheckText).Comment(what + ", in Chinese (plain text, paragraphs separated by blank lines).").
			Annotations(LazyText{Field: name}),
		field.Text(name + "_en").MaxLen(maxLen * 3).Default("").Validate(schematype.CheckText).Comment(what + ", in English; empty when not translated.").
			Annotations(LazyText{Field: name}),
	}
}

// line is an optional one-line text column of at most maxLen bytes, plain
// text like every display text (schematype.CheckLine), empty by default.
// Every string column that people type goes through line, localized,
// localizedText or urlField: TestEveryTextFieldIsPlainText checks it.
func line(name string, maxLen int, what string) ent.Field {
	return field.String(name).MaxLen(maxLen).Default("").Validate(schematype.CheckLine).Comment(what)
}

// requiredLine is line that must not be empty.
func requiredLine(name string, maxLen int, what string) ent.Field {
	return field.String(name).MaxLen(maxLen).NotEmpty().Validate(schematype.CheckLine).Comment(what)
}

// urlField is an optional link: plain one-line text that is an absolute
// http or https URL.
func urlField(name string, maxLen int, what string) ent.Field {
	return field.String(name).MaxLen(maxLen).Default("").Validate(schematype.CheckLine).Validate(httpURL).Comment(what)
}

// textList is a list of one-line texts (honours), stored as JSON. ent's
// validators do not reach JSON columns: the EditedMixin's hook checks it
// (schematype.CheckList), on create, update and append alike.
func textList(name, what string) ent.Field {
	return field.Strings(name).Optional().Comment(what)
}

// httpsURL accepts an empty string or an absolute https URL: what pages
// load (videos) must come over https, and where visitors type personal data
// (an event's registration link) too.
func httpsURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%q is not an https URL (plain http is refused)", s)
	}
	return nil
}

// httpURL validates that a link is an absolute http or https URL, so no
// javascript: or data: link can reach a browser through content.
func httpURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", s)
	}
	return nil
}

// pictureField stores one picture as JSON.
func pictureField(name, what string) ent.Field {
	return field.JSON(name, &schematype.Picture{}).Optional().Comment(what)
}

// picturesField stores a gallery as JSON.
func picturesField(what string) ent.Field {
	return field.JSON("pictures", []schematype.Picture{}).Optional().Comment(what)
}

// SearchIndexedMixin keeps a content type's row in the search side table
// (SearchDoc) up to date: its hook rewrites the row in the same transaction
// as every create, update and delete. The logic lives in server/search.
type SearchIndexedMixin struct{ mixin.Schema }

// Hooks of the SearchIndexedMixin.
func (SearchIndexedMixin) Hooks() []ent.Hook {
	return []ent.Hook{search.Hook()}
}
