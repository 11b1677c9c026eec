package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/pending"
	"brandshow/ent/revision"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
)

// Pending revisions. The ent layer holds back every edit of a published
// item as the item's pending revision (ent/pending); here token holders
// list revisions, publishers publish them and editors discard them.
// Publishing applies the revision as an ordinary update of the item, with
// the same code that restore uses to turn the audit log's text back into
// values (setRendered).

// Revisions lists an item's revisions, newest first (token holders; the
// Revision interceptor refuses anyone else).
func Revisions(ctx context.Context, c *ent.Client, itemID int) ([]*ent.Revision, error) {
	return c.Revision.Query().Where(revision.ItemID(itemID)).
		Order(ent.Desc(revision.FieldID)).Limit(100).All(ctx)
}

// PendingRevision is an item's pending revision, or nil.
func PendingRevision(ctx context.Context, c *ent.Client, itemID int) (*ent.Revision, error) {
	rev, err := c.Revision.Query().Where(revision.ItemID(itemID), revision.StatusEQ(revision.StatusPENDING)).
		Order(ent.Desc(revision.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return rev, err
}

// RevisionItem is the item a revision changes, as it is now (nil once
// deleted): in a mutation's answer, as the mutation's transaction sees it.
func RevisionItem(ctx context.Context, c *ent.Client, rev *ent.Revision) (ent.Noder, error) {
	if tx := ent.FromContext(ctx); tx != nil {
		c = tx
	}
	item, err := c.Noder(ctx, rev.ItemID)
	var nf *ent.NotFoundError
	if errors.As(err, &nf) {
		return nil, nil
	}
	return item, err
}

// PublishRevision applies a pending revision to its item (publishers), in
// the mutation's transaction: the revision is marked PUBLISHED first, by a
// conditional update, so two publishers cannot apply it twice; then its
// changes go through the item's own update, with the hooks of any update
// (audit log, change log, webhook outbox, search index).
func PublishRevision(ctx context.Context, c *ent.Client, id int) (*ent.Revision, error) {
	if err := visibility.Require(ctx, visibility.RolePublisher); err != nil {
		return nil, err
	}
	rev, err := decide(ctx, c, id, revision.StatusPUBLISHED)
	if err != nil {
		return nil, err
	}
	m, err := updateContent(ctx, c, rev.ItemID)
	if err != nil {
		return nil, err
	}
	if _, err := c.Noder(ctx, rev.ItemID); err != nil {
		return nil, err // deleted since
	}
	applying := visibility.WithRevisionApplied(ctx)
	if err := pending.Apply(applying, m, rev, setRendered); err != nil {
		return nil, err
	}
	if len(rev.Changes) > 0 || len(rev.Links) > 0 {
		if _, err := c.Mutate(applying, m); err != nil {
			return nil, err
		}
	}
	return rev, nil
}

// DiscardRevision drops a pending revision without changing its item:
// publishers, or the editor who last edited it.
func DiscardRevision(ctx context.Context, c *ent.Client, id int) (*ent.Revision, error) {
	if err := visibility.Require(ctx, visibility.RoleEditor); err != nil {
		return nil, err
	}
	v, _ := visibility.ViewerFrom(ctx)
	if !v.Role.AtLeast(visibility.RolePublisher) {
		rev, err := c.Revision.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if rev.Author != v.Name {
			return nil, visibility.Need(ctx, visibility.RolePublisher)
		}
	}
	return decide(ctx, c, id, revision.StatusDISCARDED)
}

// decide moves a pending revision to its final status, and refuses one
// that is not pending (with an error that says what it is).
func decide(ctx context.Context, c *ent.Client, id int, to revision.Status) (*ent.Revision, error) {
	v, _ := visibility.ViewerFrom(ctx)
	sys := visibility.WithSystem(ctx)
	n, err := c.Revision.Update().Where(revision.ID(id), revision.StatusEQ(revision.StatusPENDING)).
		SetStatus(to).SetDecidedBy(v.Name).SetDecidedAt(time.Now()).Save(sys)
	if err != nil {
		return nil, fmt.Errorf("revision: %w", err)
	}
	rev, err := c.Revision.Get(ctx, id)
	if err != nil {
		return nil, err // not a revision: NOT_FOUND
	}
	if n == 0 {
		return nil, userErrorf("revision %d is %s already: only a pending revision can be published or discarded", id, strings.ToLower(string(rev.Status)))
	}
	return rev, nil
}

// showRevision sets a pending revision's field changes on an item loaded
// for a preview, in memory only: the preview shows the item as it will be
// once the revision is published (its links show once it is: the linked
// items are resolved in the request's own context).
func showRevision(item ent.Noder, changes []schematype.FieldChange) error {
	v := reflect.ValueOf(item)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("preview: %T is not an entity", item)
	}
	v = v.Elem()
	byColumn := map[string]reflect.Value{}
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			byColumn[name] = v.Field(i)
		}
	}
	for _, ch := range changes {
		f, ok := byColumn[ch.Field]
		if !ok || !f.CanSet() {
			continue // a foreign key the entity keeps elsewhere: shown once published
		}
		if ch.To == "" {
			f.SetZero()
			continue
		}
		base := f.Type()
		if base.Kind() == reflect.Pointer {
			base = base.Elem()
		}
		val, err := parseRendered(base, ch.To)
		if err != nil {
			return fmt.Errorf("preview: %s: %w", ch.Field, err)
		}
		if f.Type() == base {
			f.Set(val)
		} else {
			p := reflect.New(base)
			p.Elem().Set(val)
			f.Set(p)
		}
	}
	return nil
}
