// Package changelog writes the public change log that the changes API
// (kiosks, mirrors, static portals) syncs from. Its hook, declared on the
// PublicationMixin, runs on every write of a content type and records, in
// the same transaction, what the public would notice:
//
//   - UPSERT when the item is published after the write (created
//     published, published, or a published item changed, links included);
//   - TOMBSTONE when the item was published before the write and is not
//     after it (unpublished or deleted).
//
// Writes that the public cannot notice — creating, editing or deleting a
// draft — write nothing, so the log tells nobody that a draft exists.
//
// "Published" is what the public sees (visibility.Public): a PUBLISHED item
// whose scheduled publication has not come is not, so publishing it for
// later writes nothing now. The entry of a scheduled transition (the item
// appears at publish_at, leaves at unpublish_at) is written when the time
// comes, by the schedule timer of whichever replica is first (see
// WriteDueTransitions).
//
// The same hook writes the webhook outbox (ent/outbox) in the same
// transaction: item.published when an item becomes public, item.unpublished
// and item.deleted when a published one leaves (a change to an item that
// stays published is an UPSERT here but no event there). A scheduled
// transition sends item.published or item.unpublished when it is logged.
package changelog

import (
	"context"
	"fmt"
	"time"

	gen "brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/changelogentry"
	"brandshow/ent/enterprise"
	"brandshow/ent/event"
	"brandshow/ent/figure"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/outbox"
	"brandshow/ent/predicate"
	"brandshow/ent/recognition"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"

	"entgo.io/ent"
)

// Kinds of entries (the values of the kind column).
const (
	KindUpsert    = string(changelogentry.KindUPSERT)
	KindTombstone = string(changelogentry.KindTOMBSTONE)
)

// published is the status value the public sees.
const published = schematype.StatusPublished

// contentTypes are the public content types. Other types with a status
// (the search side table mirrors its items' status) are not content.
var contentTypes = map[string]bool{
	gen.TypeBrand: true, gen.TypeRoleModel: true, gen.TypeVenue: true,
	gen.TypeEnterprise: true, gen.TypeAlliance: true, gen.TypeMediaCoverage: true,
	gen.TypeEvent: true, gen.TypeRecognition: true, gen.TypeFigure: true,
}

// mutation is what the generated mutations of the content types share.
type mutation interface {
	ent.Mutation
	ID() (int, bool)
	IDs(ctx context.Context) ([]int, error)
	Client() *gen.Client
}

// Hook records the public effect of the mutation it wraps.
func Hook(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		pm, ok := m.(mutation)
		if !ok || !contentTypes[m.Type()] {
			return next.Mutate(ctx, m)
		}
		// Before the write: which items it touches, and which of them the
		// public sees now (a create touches a new item the public never saw).
		var before map[int]bool
		if !m.Op().Is(ent.OpCreate) {
			ids, err := pm.IDs(visibility.WithDrafts(ctx))
			if err != nil {
				return nil, fmt.Errorf("change log: ids: %w", err)
			}
			// Scheduled transitions of these items that have come go into
			// the log first (see schedule.go), so this change is told after
			// them.
			if err := LogDueTransitions(ctx, pm.Client(), m.Type(), ids); err != nil {
				return nil, err
			}
			if before, err = publishedAmong(ctx, pm, ids); err != nil {
				return nil, err
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		var after map[int]bool
		if !m.Op().Is(ent.OpCreate | ent.OpDelete | ent.OpDeleteOne) {
			// After the write, in its transaction: a new status or schedule
			// decides, and only the public view knows how.
			if after, err = publishedAmong(ctx, pm, keys(before)); err != nil {
				return nil, err
			}
		}
		var entries []*gen.ChangeLogEntryCreate
		var events []outbox.Change
		add := func(id int, kind, event string) {
			entries = append(entries, pm.Client().ChangeLogEntry.Create().
				SetEntityType(m.Type()).SetEntityID(id).SetKind(changelogentry.Kind(kind)).
				SetAt(time.Now().UTC())) // UTC: compared with scheduled times (schedule.go)
			if event != "" {
				events = append(events, outbox.Change{Event: event, EntityType: m.Type(), EntityID: id})
			}
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			if id, ok := pm.ID(); ok && createdPublic(m) {
				if m.Type() == gen.TypeFigure { // public only while its brand is too: ask
					visible, err := publishedAmong(ctx, pm, []int{id})
					if err != nil {
						return nil, err
					}
					if !visible[id] {
						break
					}
				}
				add(id, KindUpsert, outbox.EventPublished)
			}
		case m.Op().Is(ent.OpDelete | ent.OpDeleteOne):
			for id, was := range before {
				if was {
					add(id, KindTombstone, outbox.EventDeleted)
				}
			}
		default: // updates
			for id, was := range before {
				now := after[id]
				switch {
				case now && was:
					add(id, KindUpsert, "") // changed, still public: no event
				case now:
					add(id, KindUpsert, outbox.EventPublished)
				case was:
					add(id, KindTombstone, outbox.EventUnpublished)
				}
			}
		}
		if len(entries) > 0 {
			// Only this hook writes the log (its policy allows the system
			// alone), whoever made the change.
			if err := pm.Client().ChangeLogEntry.CreateBulk(entries...).Exec(visibility.WithSystem(ctx)); err != nil {
				return nil, fmt.Errorf("change log: %w", err)
			}
		}
		if err := outbox.Write(ctx, pm.Client(), events); err != nil {
			return nil, err
		}
		return v, nil
	})
}

// publishedAmong tells, for each of ids, whether the public sees it now:
// one query of the public view (visibility.PublishedOnly, the publication
// interceptor's condition) for the mutation's type.
func publishedAmong(ctx context.Context, m mutation, ids []int) (map[int]bool, error) {
	out := make(map[int]bool, len(ids))
	for _, id := range ids {
		out[id] = false
	}
	if len(ids) == 0 {
		return out, nil
	}
	all := visibility.WithDrafts(ctx)
	var visible []int
	var err error
	c := m.Client()
	switch m.Type() {
	case gen.TypeBrand:
		visible, err = c.Brand.Query().Where(brand.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeRoleModel:
		visible, err = c.RoleModel.Query().Where(rolemodel.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeVenue:
		visible, err = c.Venue.Query().Where(venue.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeEnterprise:
		visible, err = c.Enterprise.Query().Where(enterprise.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeAlliance:
		visible, err = c.Alliance.Query().Where(alliance.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeMediaCoverage:
		visible, err = c.MediaCoverage.Query().Where(mediacoverage.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeEvent:
		visible, err = c.Event.Query().Where(event.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	case gen.TypeFigure:
		// A figure is public while it and its brand are.
		visible, err = c.Figure.Query().Where(figure.IDIn(ids...), visibility.PublishedOnly,
			figure.HasBrandWith(predicate.Brand(visibility.PublishedOnly))).IDs(all)
	case gen.TypeRecognition:
		visible, err = c.Recognition.Query().Where(recognition.IDIn(ids...), visibility.PublishedOnly).IDs(all)
	default:
		return nil, fmt.Errorf("change log: %s is not a content type", m.Type())
	}
	if err != nil {
		return nil, fmt.Errorf("change log: status: %w", err)
	}
	for _, id := range visible {
		out[id] = true
	}
	return out, nil
}

// keys returns the IDs of m.
func keys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	return out
}

// createdPublic reports whether a new item is public at once: PUBLISHED,
// with no publication scheduled for later and no withdrawal already past.
func createdPublic(m ent.Mutation) bool {
	if status, ok := m.Field("status"); !ok || status != published {
		return false
	}
	now := visibility.Now()
	if v, ok := m.Field(visibility.PublishAtColumn); ok {
		if t, ok := v.(time.Time); ok && t.After(now) {
			return false
		}
	}
	if v, ok := m.Field(visibility.UnpublishAtColumn); ok {
		if t, ok := v.(time.Time); ok && !t.After(now) {
			return false
		}
	}
	return true
}

// IsContent reports whether the change log records the type's changes: a
// test in ent/schema checks that every type with the PublicationMixin is.
func IsContent(typ string) bool { return contentTypes[typ] }
