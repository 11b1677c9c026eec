package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"time"

	"brandshow/ent"
	"brandshow/ent/auditentry"
	"brandshow/ent/visibility"

	"entgo.io/contrib/entgql"
)

// History and restore. Every change an editor makes is in the audit log
// with the fields it changed from what to what (ent/auditlog), so an item's
// history is its audit entries, and its content as it was after any entry
// is its content now with every later change undone: the "from" value of
// the first later change of each field.

// notRestored are the fields a restore leaves as they are: times the
// server keeps, the event's sequence (its hook raises it on every change),
// and publication state (visibility.PublicationFields: its own mutations
// and roles decide it).
var notRestored = append([]string{"created_at", "updated_at", "sequence"}, visibility.PublicationFields...)

// ItemHistory returns the audit entries of one content item, oldest first
// unless ordered otherwise. Every token holder may read the history of an
// item (editors see who changed what before they change it); the whole
// audit log stays with admins. The item must exist for the caller.
func ItemHistory(ctx context.Context, c *ent.Client, id int, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int, orderBy *ent.AuditEntryOrder) (*ent.AuditEntryConnection, error) {
	if err := visibility.Require(ctx, visibility.RoleEditor); err != nil {
		return nil, err
	}
	if _, err := updateContent(ctx, c, id); err != nil {
		return nil, err
	}
	if _, err := c.Noder(ctx, id); err != nil {
		return nil, err
	}
	if orderBy == nil {
		orderBy = &ent.AuditEntryOrder{Direction: entgql.OrderDirectionAsc, Field: ent.AuditEntryOrderFieldAt}
	}
	// The system context reads the log (its interceptor admits admins and
	// the system); the query itself is this one item's entries only.
	return c.AuditEntry.Query().Where(auditentry.EntityID(id)).
		Paginate(visibility.WithSystem(ctx), after, first, before, last, ent.WithAuditEntryOrder(orderBy))
}

// RestoreItem sets the content fields of an item back to what they were
// right after the audit entry `to` (publishers and admins). The restore is
// an ordinary update: it is checked and logged like any other, so it can
// itself be undone, and publication state is untouched (a published item
// shows the restored content at once). Links are not restored: the
// history shows them, and editors link again.
func RestoreItem(ctx context.Context, c *ent.Client, id, to int) (ent.Noder, error) {
	if err := visibility.Require(ctx, visibility.RolePublisher); err != nil {
		return nil, err
	}
	m, err := updateContent(ctx, c, id)
	if err != nil {
		return nil, err
	}
	if _, err := c.Noder(ctx, id); err != nil {
		return nil, err
	}
	sys := visibility.WithSystem(ctx)
	mark, err := c.AuditEntry.Query().Where(auditentry.ID(to), auditentry.EntityID(id)).Only(sys)
	if ent.IsNotFound(err) {
		return nil, userErrorf("to: %d is not an entry of this item's history", to)
	}
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	later, err := c.AuditEntry.Query().
		Where(auditentry.EntityID(id), auditentry.IDGT(mark.ID),
			auditentry.ActionNotIn(auditentry.ActionLINK, auditentry.ActionUNLINK)).
		Order(ent.Asc(auditentry.FieldID)).All(sys)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	then := map[string]string{}
	for _, e := range later {
		for _, ch := range e.Changes {
			if _, seen := then[ch.Field]; !seen && !slices.Contains(notRestored, ch.Field) {
				then[ch.Field] = ch.From
			}
		}
	}
	for field, text := range then {
		if err := setRendered(ctx, m, field, text); err != nil {
			return nil, fmt.Errorf("restore %s: %w", field, err)
		}
	}
	if len(then) > 0 {
		if _, err := c.Mutate(ctx, m); err != nil {
			return nil, err
		}
	}
	return c.Noder(ctx, id)
}

// setRendered sets a field of m from its text in the audit log (the
// inverse of auditlog's render): the field's Go type comes from its current
// value; "" is no value (the field is cleared, or set to its zero value if
// it cannot be).
func setRendered(ctx context.Context, m ent.Mutation, field, text string) error {
	old, err := m.OldField(ctx, field)
	if err != nil {
		return err
	}
	typ := reflect.TypeOf(old)
	if typ == nil {
		return fmt.Errorf("unknown type")
	}
	if text == "" {
		if err := m.ClearField(field); err == nil {
			return nil
		}
		return m.SetField(field, reflect.Zero(typ).Interface())
	}
	// A nillable column's old value is a pointer, but its setter takes the
	// value; a JSON column's type may itself be a pointer. Try the value
	// first, then the pointer.
	base := typ
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	v, err := parseRendered(base, text)
	if err != nil {
		return err
	}
	if err := m.SetField(field, v.Interface()); err == nil || typ == base {
		return err
	}
	p := reflect.New(base)
	p.Elem().Set(v)
	return m.SetField(field, p.Interface())
}

// parseRendered reads a value of type t from its audit-log text: times in
// RFC 3339, strings and string enums as they are, the rest as JSON.
func parseRendered(t reflect.Type, text string) (reflect.Value, error) {
	v := reflect.New(t).Elem()
	switch {
	case t == reflect.TypeFor[time.Time]():
		at, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			return v, err
		}
		v.Set(reflect.ValueOf(at))
	case t.Kind() == reflect.String:
		v.SetString(text)
	default:
		if err := json.Unmarshal([]byte(text), v.Addr().Interface()); err != nil {
			return v, err
		}
	}
	return v, nil
}
