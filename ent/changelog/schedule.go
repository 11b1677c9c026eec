package changelog

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"time"

	gen "brandshow/ent"
	"brandshow/ent/changelogentry"
	"brandshow/ent/outbox"
	"brandshow/ent/visibility"
	"brandshow/ent/workers"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// Scheduled transitions in the log.
//
// A PUBLISHED item with a schedule appears at publish_at and leaves at
// unpublish_at without any write: visibility.Public decides at query time.
// The log must still say so (an UPSERT at publish_at, a TOMBSTONE at
// unpublish_at), and several replicas see the same moment. The design:
//
//   - A transition is logged once: its entry carries transition_at (the
//     scheduled time) and the unique index (entity_id, kind, transition_at)
//     lets the first writer in and turns every other insert into nothing
//     (ON CONFLICT DO NOTHING, which on PostgreSQL waits for the first
//     writer's transaction instead of failing). Two replicas firing the same
//     transition therefore write one entry, never two and never a wrong one.
//   - A transition is logged only while it is the item's latest news: when
//     the item's latest entry is at or after the scheduled time (a change
//     made after it, which saw the item as the transition left it, or the
//     transition's own entry), nothing is written. So a transition that a
//     later change has superseded is not replayed after it. A TOMBSTONE is
//     written only after an UPSERT (the log never names an item it did not
//     show, such as one created already past its unpublish_at).
//   - A transition is logged before any change of its item: the hook calls
//     LogDueTransitions for the items a write touches before it looks at
//     them, in the writer's transaction. The log's order thus always agrees
//     with the items' history, even when a timer is late (say an item whose
//     unpublish_at has passed is deleted before any timer ran: its TOMBSTONE
//     is written at the delete, which the public did not notice).
//   - The timers (server/schedule) call WriteDueTransitions when a
//     scheduled time passes, each in a transaction that first locks the due
//     items' rows (FOR UPDATE on PostgreSQL; SQLite's write transactions are
//     serial), so an item changed meanwhile is judged as it is after the
//     change.
//
// The entry's at is the scheduled time, the moment the public saw the
// change; entries are still read in log (ID) order.

// due is a transition of one item that has come: an UPSERT at publish_at or
// a TOMBSTONE at unpublish_at.
type due struct {
	typ  string
	id   int
	kind string
	at   time.Time
}

// scheduleRow is what the transitions are computed from.
type scheduleRow struct {
	ID          int        `sql:"id"`
	Status      string     `sql:"status"`
	PublishAt   *time.Time `sql:"publish_at"`
	UnpublishAt *time.Time `sql:"unpublish_at"`
}

// transition returns the transition of the row that has come by now: the
// publication when the item is public now and was scheduled, the withdrawal
// when a PUBLISHED item was public until unpublish_at and that has passed.
func (r scheduleRow) transition(typ string, now time.Time) (due, bool) {
	if r.Status != visibility.Published {
		return due{}, false
	}
	if r.UnpublishAt != nil && !r.UnpublishAt.After(now) {
		if r.PublishAt == nil || r.PublishAt.Before(*r.UnpublishAt) {
			return due{typ, r.ID, KindTombstone, *r.UnpublishAt}, true
		}
		return due{}, false // never public
	}
	if r.PublishAt != nil && !r.PublishAt.After(now) {
		return due{typ, r.ID, KindUpsert, *r.PublishAt}, true
	}
	return due{}, false
}

// scheduleRows reads the schedule of the rows of a content type that cond
// selects, drafts included; lock locks them for the transaction
// (PostgreSQL; SQLite's write transactions are serial anyway).
func scheduleRows(ctx context.Context, c *gen.Client, typ string, cond func(*sql.Selector), lock bool) ([]scheduleRow, error) {
	cols := []string{"id", visibility.StatusColumn, visibility.PublishAtColumn, visibility.UnpublishAtColumn}
	var rows []scheduleRow
	err := selectRows(ctx, c, typ, cols, &rows, func(s *sql.Selector) {
		cond(s)
		if lock && s.Dialect() == dialect.Postgres {
			s.ForUpdate()
		}
	})
	if err != nil {
		return nil, fmt.Errorf("change log: schedule of %s: %w", typ, err)
	}
	return rows, nil
}

// selectRows scans the columns cols of the rows of a content type that
// shape selects (it may order and limit too) into v, drafts included.
func selectRows(ctx context.Context, c *gen.Client, typ string, cols []string, v any, shape func(*sql.Selector)) error {
	all := visibility.WithDrafts(ctx)
	switch typ {
	case gen.TypeBrand:
		return c.Brand.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeRoleModel:
		return c.RoleModel.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeVenue:
		return c.Venue.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeEnterprise:
		return c.Enterprise.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeAlliance:
		return c.Alliance.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeMediaCoverage:
		return c.MediaCoverage.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeEvent:
		return c.Event.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeRecognition:
		return c.Recognition.Query().Where(shape).Select(cols...).Scan(all, v)
	case gen.TypeFigure:
		return c.Figure.Query().Where(shape).Select(cols...).Scan(all, v)
	}
	return fmt.Errorf("change log: %s is not a content type", typ)
}

// NextTransition returns the next time after now at which what the public
// sees changes by itself: the earliest publish_at or unpublish_at after now
// of a PUBLISHED item of any content type (ok is false when none is
// scheduled). Each lookup reads one entry of the column's index.
func NextTransition(ctx context.Context, client *gen.Client, now time.Time) (next time.Time, ok bool, err error) {
	for _, typ := range contentTypeList {
		for _, col := range []string{visibility.PublishAtColumn, visibility.UnpublishAtColumn} {
			var rows []scheduleRow // only col is read
			err := selectRows(ctx, client, typ, []string{col}, &rows, func(s *sql.Selector) {
				s.Where(sql.And(sql.EQ(s.C(visibility.StatusColumn), visibility.Published), sql.GT(s.C(col), now)))
				s.OrderBy(s.C(col)).Limit(1)
			})
			if err != nil {
				return next, ok, fmt.Errorf("schedule: next %s of %s: %w", col, typ, err)
			}
			if len(rows) == 1 {
				at := rows[0].PublishAt
				if col == visibility.UnpublishAtColumn {
					at = rows[0].UnpublishAt
				}
				if at != nil && (!ok || at.Before(next)) {
					next, ok = *at, true
				}
			}
		}
	}
	return next, ok, nil
}

// scheduled selects the rows with a scheduled time in (since, now].
func scheduled(since, now time.Time) func(*sql.Selector) {
	return func(s *sql.Selector) {
		in := func(col string) *sql.Predicate {
			return sql.And(sql.GT(s.C(col), since), sql.LTE(s.C(col), now))
		}
		s.Where(sql.Or(in(visibility.PublishAtColumn), in(visibility.UnpublishAtColumn)))
	}
}

// LogDueTransitions logs the transitions of the given items that have come
// and are not in the log yet (see above). The hook calls it for the items
// a write touches, in the write's transaction, before it looks at them.
func LogDueTransitions(ctx context.Context, c *gen.Client, typ string, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	now := visibility.Now()
	rows, err := scheduleRows(ctx, c, typ, func(s *sql.Selector) {
		s.Where(sql.And(sql.InInts(s.C("id"), ids...), sql.Or(
			sql.LTE(s.C(visibility.PublishAtColumn), now), sql.LTE(s.C(visibility.UnpublishAtColumn), now))))
	}, false)
	if err != nil {
		return err
	}
	return logTransitions(ctx, c, typ, rows, now)
}

func logTransitions(ctx context.Context, c *gen.Client, typ string, rows []scheduleRow, now time.Time) error {
	sys := visibility.WithSystem(ctx)
	for _, r := range rows {
		d, ok := r.transition(typ, now)
		if !ok {
			continue
		}
		// The item's latest entry decides. One at or after the transition
		// (a change made since, which saw the item as the transition left
		// it, or the transition's own entry) means it is told. A withdrawal
		// is news only to those the log told the item is public: none for
		// an item created already past its unpublish_at, or withdrawn
		// before it was ever shown.
		last, err := c.ChangeLogEntry.Query().Where(changelogentry.EntityID(d.id)).
			Order(gen.Desc(changelogentry.FieldID)).First(sys)
		if err != nil && !gen.IsNotFound(err) {
			return fmt.Errorf("change log: transition of %d: %w", d.id, err)
		}
		if last != nil && !last.At.Before(d.at) {
			continue
		}
		if d.kind == KindTombstone && (last == nil || last.Kind != changelogentry.KindUPSERT) {
			continue
		}
		err = c.ChangeLogEntry.Create().SetEntityType(d.typ).SetEntityID(d.id).SetKind(changelogentry.Kind(d.kind)).
			SetAt(d.at).SetTransitionAt(d.at).
			OnConflictColumns(changelogentry.FieldEntityID, changelogentry.FieldKind, changelogentry.FieldTransitionAt).
			DoNothing().Exec(sys)
		if errors.Is(err, stdsql.ErrNoRows) { // no rows: another writer logged it
			continue
		}
		if err != nil {
			return fmt.Errorf("change log: transition of %d: %w", d.id, err)
		}
		// The webhooks hear of it as of any publication, in the same
		// transaction as its entry (the one writer that logged it).
		event := outbox.EventPublished
		if d.kind == KindTombstone {
			event = outbox.EventUnpublished
		}
		if err := outbox.Write(ctx, c, []outbox.Change{{Event: event, EntityType: d.typ, EntityID: d.id}}); err != nil {
			return err
		}
	}
	return nil
}

// WriteDueTransitions logs every transition scheduled in (since, now] that
// is not in the log yet, for the schedule timers (server/schedule): one
// transaction per content type with due items, which locks their rows
// before judging them. It returns now, the since of the next call.
func WriteDueTransitions(ctx context.Context, client *gen.Client, since time.Time) (time.Time, error) {
	now := visibility.Now()
	for _, typ := range contentTypeList {
		rows, err := scheduleRows(ctx, client, typ, scheduled(since, now), false)
		if err != nil || len(rows) == 0 {
			if err != nil {
				return since, err
			}
			continue
		}
		err = inTx(ctx, client, func(tx *gen.Client) error {
			ids := make([]int, len(rows))
			for i, r := range rows {
				ids[i] = r.ID
			}
			locked, err := scheduleRows(ctx, tx, typ, func(s *sql.Selector) { s.Where(sql.InInts(s.C("id"), ids...)) }, true)
			if err != nil {
				return err
			}
			if err := logTransitions(ctx, tx, typ, locked, now); err != nil {
				return err
			}
			if typ != gen.TypeFigure {
				return nil
			}
			// A figure that appears or leaves may be its brand's latest
			// of a workers metric: the brand's derived column follows.
			brands, err := workers.BrandsOfFigures(ctx, tx, ids)
			if err != nil {
				return err
			}
			return workers.Refresh(ctx, tx, brands...)
		})
		if err != nil {
			return since, err
		}
	}
	return now, nil
}

// contentTypeList is contentTypes in a fixed order.
var contentTypeList = []string{
	gen.TypeBrand, gen.TypeRoleModel, gen.TypeVenue, gen.TypeEnterprise,
	gen.TypeAlliance, gen.TypeMediaCoverage, gen.TypeEvent, gen.TypeRecognition, gen.TypeFigure,
}

func inTx(ctx context.Context, client *gen.Client, fn func(*gen.Client) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	if err := fn(tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	return nil
}
