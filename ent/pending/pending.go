// Package pending keeps edits to published items out of public view: an
// update of a published content item, by any token holder, is stored as
// the item's pending revision (ent.Revision) instead of changing the item,
// and the update answers the item as the public still sees it. A publisher
// publishes the revision (graph.PublishRevision), which applies it as an
// ordinary update under visibility.WithRevisionApplied; drafts are changed
// at once, as before. Writes of the server itself (import, seed, the
// schedule timer: visibility.WithSystem) and changes of publication state
// (publish, unpublish, schedule, feature) are never held back.
//
// The hook is the first of the PublicationMixin's, so nothing that
// publishes a change (the change log, the webhook outbox, the search
// index) runs for a held-back update.
package pending

import (
	"context"
	"fmt"
	"slices"
	"time"

	gen "brandshow/ent"
	"brandshow/ent/auditlog"
	"brandshow/ent/revision"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent"
)

// Revisable is what the generated mutations of content types implement
// (ent/template/revision.tmpl), besides ent.Mutation.
type Revisable interface {
	ent.Mutation
	ID() (int, bool)
	Client() *gen.Client
	CheckFields() error
	RevisableEdges() []string
	IsUniqueEdge(name string) bool
	ApplyEdgeChange(name string, add, remove []int, clear bool) error
}

// NotRevised are the fields a revision never holds: times and counters the
// server keeps, and the publication state, which its own mutations change
// at once (visibility.PublicationFields).
var NotRevised = append([]string{"created_at", "updated_at", "sequence"}, visibility.PublicationFields...)

// HeldBack reports whether the update m of a content item becomes a
// revision: a single-row update by a token holder, not publishing a
// revision, that changes content (no publication field) of an item whose
// status is PUBLISHED.
func HeldBack(ctx context.Context, m ent.Mutation) (bool, error) {
	if _, ok := m.(Revisable); !ok || !m.Op().Is(ent.OpUpdateOne) ||
		visibility.IsSystem(ctx) || visibility.ApplyingRevision(ctx) {
		return false, nil
	}
	if _, ok := visibility.ViewerFrom(ctx); !ok {
		return false, nil
	}
	content := false
	for _, f := range append(m.Fields(), m.ClearedFields()...) {
		if slices.Contains(visibility.PublicationFields, f) {
			return false, nil
		}
		if !slices.Contains(NotRevised, f) {
			content = true
		}
	}
	if !content && len(m.AddedEdges()) == 0 && len(m.RemovedEdges()) == 0 && len(m.ClearedEdges()) == 0 {
		return false, nil
	}
	old, err := m.OldField(ctx, "status")
	if err != nil {
		return false, err
	}
	return old == schematype.StatusPublished, nil
}

// Store merges the update m into its item's pending revision (creating
// it), after the checks saving it would make, and returns the item
// unchanged. It is the end of the hook chain of a held-back update.
func Store(ctx context.Context, mut ent.Mutation) (ent.Value, error) {
	m := mut.(Revisable)
	if err := m.CheckFields(); err != nil {
		return nil, err
	}
	id, _ := m.ID()
	c := m.Client()
	sys := visibility.WithSystem(ctx)
	rev, err := c.Revision.Query().Where(revision.ItemID(id), revision.StatusEQ(revision.StatusPENDING)).
		Order(gen.Desc(revision.FieldID)).First(sys)
	if err != nil && !gen.IsNotFound(err) {
		return nil, fmt.Errorf("revision: %w", err)
	}
	var changes []schematype.FieldChange
	var links []schematype.LinkChange
	if rev != nil {
		changes, links = rev.Changes, rev.Links
	}
	changes, err = mergeFields(ctx, m, changes)
	if err != nil {
		return nil, err
	}
	links = mergeLinks(m, links)
	viewer, _ := visibility.ViewerFrom(ctx)
	switch {
	case rev == nil && len(changes) == 0 && len(links) == 0:
		// Nothing differs from the published item.
	case rev == nil:
		err = c.Revision.Create().SetItemID(id).SetItemType(m.Type()).SetAuthor(viewer.Name).
			SetChanges(changes).SetLinks(links).Exec(sys)
	case len(changes) == 0 && len(links) == 0:
		// Every field is back to its published value: nothing is pending.
		err = rev.Update().SetStatus(revision.StatusDISCARDED).SetDecidedBy(viewer.Name).
			SetDecidedAt(time.Now()).SetChanges(nil).SetLinks(nil).Exec(sys)
	default:
		err = rev.Update().SetAuthor(viewer.Name).SetChanges(changes).SetLinks(links).Exec(sys)
	}
	if err != nil {
		return nil, fmt.Errorf("revision: %w", err)
	}
	return c.Noder(ctx, id)
}

// mergeFields adds the fields m sets or clears to changes: a field keeps
// the published value as its "from"; a field set back to it leaves the
// revision.
func mergeFields(ctx context.Context, m Revisable, changes []schematype.FieldChange) ([]schematype.FieldChange, error) {
	cleared := slices.DeleteFunc(m.ClearedFields(), func(f string) bool { return slices.Contains(m.Fields(), f) })
	for _, f := range append(m.Fields(), cleared...) {
		if slices.Contains(NotRevised, f) {
			continue
		}
		to := ""
		if v, set := m.Field(f); set {
			to = auditlog.Render(v)
		}
		i := slices.IndexFunc(changes, func(ch schematype.FieldChange) bool { return ch.Field == f })
		if i < 0 {
			old, err := m.OldField(ctx, f)
			if err != nil {
				return nil, fmt.Errorf("revision: old %s: %w", f, err)
			}
			changes = append(changes, schematype.FieldChange{Field: f, From: auditlog.Render(old)})
			i = len(changes) - 1
		}
		changes[i].To = to
		if changes[i].From == to {
			changes = slices.Delete(changes, i, i+1)
		}
	}
	return changes, nil
}

// mergeLinks adds the edge changes of m to links: an ID linked then
// unlinked (or the other way round) cancels out; a cleared edge or a new
// item of a one-item edge replaces what the revision held for it.
func mergeLinks(m Revisable, links []schematype.LinkChange) []schematype.LinkChange {
	for _, e := range m.RevisableEdges() {
		added, removed := ids(m.AddedIDs(e)), ids(m.RemovedIDs(e))
		clear := m.EdgeCleared(e)
		if len(added) == 0 && len(removed) == 0 && !clear {
			continue
		}
		i := slices.IndexFunc(links, func(l schematype.LinkChange) bool { return l.Edge == e })
		if i < 0 {
			links = append(links, schematype.LinkChange{Edge: e})
			i = len(links) - 1
		}
		l := &links[i]
		if clear || (m.IsUniqueEdge(e) && len(added) > 0) {
			l.Cleared, l.Added, l.Removed = l.Cleared || clear, nil, nil
			if m.IsUniqueEdge(e) && !clear {
				l.Cleared = true // the one item is replaced
			}
		}
		l.Added = union(without(l.Added, removed), added)
		l.Removed = union(without(l.Removed, added), removed)
		if len(l.Added) == 0 && len(l.Removed) == 0 && !l.Cleared {
			links = slices.Delete(links, i, i+1)
		}
	}
	return links
}

func ids(vs []ent.Value) []int {
	out := make([]int, 0, len(vs))
	for _, v := range vs {
		if id, ok := v.(int); ok {
			out = append(out, id)
		}
	}
	return out
}

func without(list, drop []int) []int {
	return slices.DeleteFunc(slices.Clone(list), func(id int) bool { return slices.Contains(drop, id) })
}

func union(list, more []int) []int {
	for _, id := range more {
		if !slices.Contains(list, id) {
			list = append(list, id)
		}
	}
	return list
}

// Apply sets the revision's changes on m, the update of its item: fields
// from their rendered text (set), links by edge.
func Apply(ctx context.Context, m ent.Mutation, rev *gen.Revision, set func(ctx context.Context, m ent.Mutation, field, text string) error) error {
	r, ok := m.(Revisable)
	if !ok {
		return fmt.Errorf("revision: %s is not a content type", m.Type())
	}
	for _, ch := range rev.Changes {
		if err := set(ctx, m, ch.Field, ch.To); err != nil {
			return fmt.Errorf("revision: %s: %w", ch.Field, err)
		}
	}
	for _, l := range rev.Links {
		if err := r.ApplyEdgeChange(l.Edge, l.Added, l.Removed, l.Cleared); err != nil {
			return fmt.Errorf("revision: %w", err)
		}
	}
	return nil
}
