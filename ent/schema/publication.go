package schema

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"brandshow/ent/auditlog"
	"brandshow/ent/changelog"
	"brandshow/ent/intercept"
	"brandshow/ent/pending"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/mixin"
)

// Interceptors of the PublicationMixin: the one place where drafts are hidden.
// Every query of a type with a status — root lists, node(id:), edges loaded
// eagerly or lazily, counts and aggregates, the search side table — passes
// through Traverse, so a draft can only be seen with a context from
// visibility.WithDrafts. "Draft" includes a PUBLISHED item outside its
// schedule (before publish_at, from unpublish_at on): visibility.Public is
// the one definition, evaluated at the query's time.
func (PublicationMixin) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseFunc(func(ctx context.Context, q intercept.Query) error {
			if visibility.DraftsAllowed(ctx) {
				return nil
			}
			q.WhereP(visibility.PublishedOnly)
			return nil
		}),
	}
}

// Hooks of the PublicationMixin: every write of a content type records its
// public effect (published item upserted, published item gone) in the change
// log, in the same transaction, for the changes API (see ent/changelog).
func (PublicationMixin) Hooks() []ent.Hook {
	return []ent.Hook{revisePublished, scheduleInUTC, changelog.Hook}
}

// revisePublished holds back the edits of published items as pending
// revisions (ent/pending). It comes first, so the change log, the webhook
// outbox and the search index never see a held-back edit; a held-back edit
// passes the same conversions and checks as one that is saved (appends as
// sets, the pictures' measures, JSON values, credits; the field validators
// in pending.Store), so a revision holds nothing that publishing it would
// refuse.
func revisePublished(next ent.Mutator) ent.Mutator {
	store := appendsAsSets(measurePictures(validateJSONFields(creditedWhenPublished(ent.MutateFunc(pending.Store)))))
	return appendsAsSets(ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		held, err := pending.HeldBack(ctx, m)
		if err != nil {
			return nil, err
		}
		if held {
			return store.Mutate(ctx, m)
		}
		return next.Mutate(ctx, m)
	}))
}

// scheduleInUTC stores publish_at and unpublish_at in UTC, whatever zone
// they came in: SQLite compares times as text, so every stored schedule and
// the clock they are compared with (visibility.Now) must share one zone.
func scheduleInUTC(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range []string{visibility.PublishAtColumn, visibility.UnpublishAtColumn} {
			if v, ok := m.Field(name); ok {
				if t, ok := v.(time.Time); ok && t.Location() != time.UTC {
					if err := m.SetField(name, t.UTC()); err != nil {
						return nil, fmt.Errorf("schedule: %w", err)
					}
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// EditedMixin marks the content types that editors change through the API:
// their JSON columns (pictures, honours) are checked like every other text,
// and every change is recorded in the audit log (search_docs, which only
// mirrors content, is not).
type EditedMixin struct{ mixin.Schema }

// Annotations of the EditedMixin: Edited marks the type for the code
// generator, which gives the client one generic way to update any content
// item by its global ID (Client.UpdateContent, ent/template/nodetype.tmpl):
// publish, unpublish and restore work on every content type without a list
// of types to keep in step.
func (EditedMixin) Annotations() []entschema.Annotation {
	return []entschema.Annotation{Edited{Audited: true}}
}

// Edited is the code generator's mark of a content type that editors change
// through the API (read as .Annotations.Edited in ent/template).
type Edited struct {
	// Audited is always true (every change is in the audit log); it makes
	// the annotation non-empty.
	Audited bool
}

// Name implements schema.Annotation.
func (Edited) Name() string { return "Edited" }

// Hooks of the EditedMixin. appendsAsSets comes first so that the checks and
// the audit log see an append as the list it produces; firstPublication
// before the audit log, which records the time it sets.
func (EditedMixin) Hooks() []ent.Hook {
	return []ent.Hook{appendsAsSets, firstPublication, measurePictures, validateJSONFields, creditedWhenPublished, auditlog.Hook}
}

// firstPublication records when an item was first published: publishing is
// setting its status to PUBLISHED (the publish mutation, which only
// publishers may make), and an item published for the first time gets
// published_at now, unless the change sets it. Later publications keep the
// first time. A publication scheduled for later (publish_at) is dated then,
// when the public first sees it; and while that time has not come, a new
// schedule moves the date with it.
func firstPublication(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if !m.Op().Is(ent.OpUpdateOne) {
			return next.Mutate(ctx, m)
		}
		status, statusSet := m.Field("status")
		publishing := statusSet && status == schematype.StatusPublished
		_, scheduled := m.Field(visibility.PublishAtColumn)
		scheduled = scheduled || m.FieldCleared(visibility.PublishAtColumn)
		if (statusSet && !publishing) || (!publishing && !scheduled) {
			return next.Mutate(ctx, m)
		}
		if _, set := m.Field("published_at"); set || m.FieldCleared("published_at") {
			return next.Mutate(ctx, m)
		}
		old, err := m.OldField(ctx, "published_at")
		if err != nil {
			return nil, fmt.Errorf("first publication: %w", err)
		}
		now := time.Now()
		first, _ := old.(*time.Time)
		if !publishing {
			// A new schedule only: it dates a publication that the public
			// has not seen yet.
			if first == nil || !first.After(now) {
				return next.Mutate(ctx, m)
			}
		} else if first != nil && !first.After(now) {
			return next.Mutate(ctx, m)
		}
		at := now
		publishAt, err := fieldOrOld(ctx, m, visibility.PublishAtColumn)
		if err != nil {
			return nil, fmt.Errorf("first publication: %w", err)
		}
		if publishAt != nil && publishAt.After(now) {
			at = *publishAt
		}
		if err := m.SetField("published_at", at); err != nil {
			return nil, fmt.Errorf("first publication: %w", err)
		}
		return next.Mutate(ctx, m)
	})
}

// fieldOrOld is a time column's value after the single-row update m: the
// one it sets, null when it clears it, else the stored one.
func fieldOrOld(ctx context.Context, m ent.Mutation, name string) (*time.Time, error) {
	if v, ok := m.Field(name); ok {
		t, _ := v.(time.Time)
		return &t, nil
	}
	if m.FieldCleared(name) {
		return nil, nil
	}
	old, err := m.OldField(ctx, name)
	if err != nil {
		return nil, err
	}
	t, _ := old.(*time.Time)
	return t, nil
}

// appender is what the generated mutations of types with list fields
// implement (ent/template/appended.tmpl).
type appender interface {
	AppendedFields() []string
	AppendedField(name string) (ent.Value, bool)
}

// appendsAsSets turns an append to a list field (appendPictures,
// appendHonoursZh) into setting the whole resulting list: the current list
// (or the one set, or none when cleared) with the new entries at its end.
// The list then passes the same checks as a set one, its length included,
// and the audit log records it. Only single-row updates append through the
// API; a bulk update keeps its append, whose entries validateJSONFields
// checks on their own.
func appendsAsSets(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		a, ok := m.(appender)
		if !ok || !m.Op().Is(ent.OpUpdateOne) {
			return next.Mutate(ctx, m)
		}
		for _, name := range a.AppendedFields() {
			added, _ := a.AppendedField(name)
			base, set := m.Field(name)
			if !set && !m.FieldCleared(name) {
				old, err := m.OldField(ctx, name)
				if err != nil {
					return nil, fmt.Errorf("append to %s: %w", name, err)
				}
				base = old
			}
			list := reflect.ValueOf(added)
			if b := reflect.ValueOf(base); b.IsValid() && b.Kind() == reflect.Slice {
				list = reflect.AppendSlice(reflect.MakeSlice(b.Type(), 0, b.Len()+list.Len()), b)
				list = reflect.AppendSlice(list, reflect.ValueOf(added))
			}
			if err := m.ResetField(name); err != nil {
				return nil, fmt.Errorf("append to %s: %w", name, err)
			}
			if err := m.SetField(name, list.Interface()); err != nil {
				return nil, fmt.Errorf("append to %s: %w", name, err)
			}
		}
		return next.Mutate(ctx, m)
	})
}

// validateJSONFields checks the JSON columns, which ent's field validators
// cannot reach, by their type, so a new list or picture column is checked
// without being named here: pictures (schematype.Picture.Validate, at most
// MaxPictures in a gallery) and text lists (schematype.CheckList). Values
// still appended (bulk updates) are checked too.
func validateJSONFields(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range m.Fields() {
			v, _ := m.Field(name)
			if err := validateJSONValue(v); err != nil {
				return nil, &schematype.FieldError{Field: name, Err: err}
			}
		}
		if a, ok := m.(appender); ok {
			for _, name := range a.AppendedFields() {
				v, _ := a.AppendedField(name)
				if err := validateJSONValue(v); err != nil {
					return nil, &schematype.FieldError{Field: name, Err: err}
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// validateJSONValue checks one JSON column's value; other values pass (ent
// validates them).
func validateJSONValue(v ent.Value) error {
	switch x := v.(type) {
	case *schematype.Picture:
		if x != nil {
			return x.Validate()
		}
	case schematype.Picture:
		return x.Validate()
	case []schematype.Picture:
		return schematype.CheckPictures(x)
	case []string:
		return schematype.CheckList(x)
	}
	return nil
}

// measurePictures fills in the measured fields (size, thumbhash, colour) of
// uploaded pictures from the media store in the context
// (schematype.WithPictureDescriber), whatever the request said; a /media/
// path the store does not hold is refused.
func measurePictures(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range m.Fields() {
			v, _ := m.Field(name)
			measured, changed, err := measureValue(ctx, v)
			if err != nil {
				return nil, &schematype.FieldError{Field: name, Err: err}
			}
			if changed {
				if err := m.SetField(name, measured); err != nil {
					return nil, fmt.Errorf("measure %s: %w", name, err)
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// measured reports whether a picture URL is measured by the media store:
// an uploaded picture, or a local file in an import.
func measured(u string) bool { return schematype.IsUploaded(u) || schematype.IsLocalFile(u) }

func measureValue(ctx context.Context, v ent.Value) (ent.Value, bool, error) {
	switch x := v.(type) {
	case *schematype.Picture:
		if x == nil || !measured(x.URL) {
			return v, false, nil
		}
		p, err := schematype.Measure(ctx, *x)
		return &p, true, err
	case schematype.Picture:
		if !measured(x.URL) {
			return v, false, nil
		}
		p, err := schematype.Measure(ctx, x)
		return p, true, err
	case []schematype.Picture:
		out := make([]schematype.Picture, len(x))
		changed := false
		for i, p := range x {
			if measured(p.URL) {
				changed = true
				var err error
				if p, err = schematype.Measure(ctx, p); err != nil {
					return nil, false, fmt.Errorf("picture %d: %w", i+1, err)
				}
			}
			out[i] = p
		}
		return out, changed, nil
	}
	return v, false, nil
}

// PictureFields names each content type's picture columns, which must carry
// a credit and a licence once the item is published
// (TestPictureFieldsAreListed keeps it in step with the schema).
var PictureFields = map[string][]string{
	"Brand":         {"logo", "pictures"},
	"Enterprise":    {"logo"},
	"RoleModel":     {"portrait"},
	"Venue":         {"pictures"},
	"MediaCoverage": {"image", "poster"},
	"Event":         {"pictures"},
}

// creditedWhenPublished refuses a published item (created published,
// being published, or published and given new pictures) whose pictures lack
// a credit or a licence: journalists reuse what is published. Drafts may
// lack them.
func creditedWhenPublished(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		fields := PictureFields[m.Type()]
		if len(fields) == 0 || !m.Op().Is(ent.OpCreate|ent.OpUpdateOne) {
			return next.Mutate(ctx, m)
		}
		status, publishing := m.Field("status")
		if !publishing && m.Op().Is(ent.OpUpdateOne) {
			old, err := m.OldField(ctx, "status")
			if err != nil {
				return nil, fmt.Errorf("credited pictures: %w", err)
			}
			status = old
		}
		if status != schematype.StatusPublished {
			return next.Mutate(ctx, m)
		}
		for _, name := range fields {
			v, set := m.Field(name)
			if !set {
				if !publishing || m.FieldCleared(name) || !m.Op().Is(ent.OpUpdateOne) {
					continue
				}
				old, err := m.OldField(ctx, name)
				if err != nil {
					return nil, fmt.Errorf("credited pictures: %w", err)
				}
				v = old
			}
			if err := checkCredited(v); err != nil {
				return nil, &schematype.FieldError{Field: name, Err: err}
			}
		}
		return next.Mutate(ctx, m)
	})
}

func checkCredited(v ent.Value) error {
	switch x := v.(type) {
	case *schematype.Picture:
		if x != nil {
			return x.CheckCredited()
		}
	case schematype.Picture:
		return x.CheckCredited()
	case []schematype.Picture:
		for _, p := range x {
			if err := p.CheckCredited(); err != nil {
				return err
			}
		}
	}
	return nil
}
