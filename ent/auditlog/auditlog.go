// Package auditlog writes the audit log: every change an authenticated
// viewer makes to content is recorded, in the same transaction, with the
// fields that changed from what to what. The hook is declared on the
// content types in ent/schema; changes made without a viewer (the seed
// loader, import) are recorded only when the context names an actor.
package auditlog

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"time"

	gen "brandshow/ent"
	"brandshow/ent/auditentry"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent"
)

type actorKey struct{}

// WithActor names who makes changes in a context without a viewer, e.g.
// "import:brands.xlsx".
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

func actor(ctx context.Context) (string, bool) {
	if v, ok := visibility.ViewerFrom(ctx); ok {
		return v.Name, true
	}
	name, ok := ctx.Value(actorKey{}).(string)
	return name, ok && name != ""
}

// ignored fields change on every write and say nothing.
var ignored = []string{"updated_at"}

type identified interface {
	ID() (int, bool)
	Client() *gen.Client
}

// Hook records the mutation it wraps.
func Hook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		who, ok := actor(ctx)
		im, hasID := m.(identified)
		if !ok || !hasID || !m.Op().Is(ent.OpCreate|ent.OpUpdateOne|ent.OpDeleteOne) {
			return next.Mutate(ctx, m)
		}
		before := map[string]string{}
		// A cleared field is a change too (to no value).
		cleared := slices.DeleteFunc(m.ClearedFields(), func(f string) bool { return slices.Contains(m.Fields(), f) })
		if m.Op().Is(ent.OpUpdateOne | ent.OpDeleteOne) {
			fields := append(m.Fields(), cleared...)
			for _, f := range fields {
				old, err := m.OldField(ctx, f)
				if err != nil {
					return nil, fmt.Errorf("audit: old %s: %w", f, err)
				}
				before[f] = render(old)
			}
		}
		status, statusSet := m.Field("status")
		featured, featuredSet := m.Field("featured")
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		id, _ := im.ID()
		var changes []schematype.FieldChange
		for _, f := range append(m.Fields(), cleared...) {
			if slices.Contains(ignored, f) {
				continue
			}
			val, set := m.Field(f) // a cleared field's value is its zero value, not set
			to := ""
			if set {
				to = render(val)
			}
			if from, ok := before[f]; ok && from == to {
				continue
			}
			changes = append(changes, schematype.FieldChange{Field: f, From: before[f], To: to})
		}
		action := auditentry.ActionUPDATE
		switch {
		case m.Op().Is(ent.OpCreate):
			action = auditentry.ActionCREATE
		case m.Op().Is(ent.OpDeleteOne):
			action = auditentry.ActionDELETE
		case statusSet && before["status"] != render(status):
			action = auditentry.ActionUNPUBLISH
			if render(status) == render(schematype.StatusPublished) {
				action = auditentry.ActionPUBLISH
			}
		case featuredSet && before["featured"] != render(featured):
			action = auditentry.ActionUNFEATURE
			if featured == true {
				action = auditentry.ActionFEATURE
			}
		}
		client := im.Client()
		entries := []*gen.AuditEntryCreate{}
		if m.Op().Is(ent.OpCreate) || len(changes) > 0 || action == auditentry.ActionDELETE {
			entries = append(entries, client.AuditEntry.Create().SetActor(who).SetAction(action).
				SetEntityType(m.Type()).SetEntityID(id).SetChanges(changes))
		}
		// A builder may add or remove an empty list of links (an import of a
		// record without links does); that changes nothing and is not logged.
		for _, e := range m.AddedEdges() {
			if len(m.AddedIDs(e)) == 0 {
				continue
			}
			entries = append(entries, client.AuditEntry.Create().SetActor(who).SetAction(auditentry.ActionLINK).
				SetEntityType(m.Type()).SetEntityID(id).
				SetChanges([]schematype.FieldChange{{Field: e, To: render(m.AddedIDs(e))}}))
		}
		for _, e := range m.RemovedEdges() {
			if len(m.RemovedIDs(e)) == 0 {
				continue
			}
			entries = append(entries, client.AuditEntry.Create().SetActor(who).SetAction(auditentry.ActionUNLINK).
				SetEntityType(m.Type()).SetEntityID(id).
				SetChanges([]schematype.FieldChange{{Field: e, From: render(m.RemovedIDs(e))}}))
		}
		if len(entries) > 0 {
			// Only this hook writes the log (the AuditEntry's policy allows
			// the system alone), whoever made the change.
			if err := client.AuditEntry.CreateBulk(entries...).Exec(visibility.WithSystem(ctx)); err != nil {
				return nil, fmt.Errorf("audit: %w", err)
			}
		}
		return v, nil
	})
}

// render turns a value into the JSON text stored in the log.
func render(v any) string {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return ""
		}
		v = rv.Elem().Interface()
	}
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// Render is a value as the log stores it (pending revisions store their
// changes the same way, so the same code reads both back).
func Render(v any) string { return render(v) }
