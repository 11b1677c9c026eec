package schedule_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/changelog"
	"brandshow/ent/changelogentry"
	"brandshow/ent/region"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/schedule"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.CleanupShared()
	os.Exit(code)
}

// newBrand creates a PUBLISHED brand with a window, as the system.
func newBrand(t *testing.T, c *ent.Client, slug string, publishAt, unpublishAt *time.Time) int {
	t.Helper()
	ctx := visibility.WithSystem(context.Background())
	r := c.Region.Query().Where(region.Code("421122")).OnlyX(ctx)
	return c.Brand.Create().SetSlug(slug).SetNameZh("排期").SetRegion(r).SetCategory(brand.CategoryLIVELIHOOD).
		SetLevel(brand.LevelCOUNTY).SetStatus(schematype.StatusPublished).
		SetNillablePublishAt(publishAt).SetNillableUnpublishAt(unpublishAt).SaveX(ctx).ID
}

// entries lists the kinds of the item's change-log entries, in log order.
func entries(t *testing.T, c *ent.Client, id int) []string {
	t.Helper()
	es := c.ChangeLogEntry.Query().Where(changelogentry.EntityID(id)).Order(ent.Asc(changelogentry.FieldID)).AllX(context.Background())
	var out []string
	for _, e := range es {
		out = append(out, string(e.Kind))
	}
	return out
}

// passed waits until the clock is past at (the schedule decides, not the
// test: nothing is asserted about how long it took).
func passed(at time.Time) {
	for !time.Now().After(at) {
		time.Sleep(time.Until(at) + time.Millisecond)
	}
}

// TestReplicasLogATransitionOnce: several replicas' timers that fire for the
// same transition at once write one entry; firing again writes nothing; an
// item created already past its window is never named (it was never shown).
func TestReplicasLogATransitionOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		now := time.Now().UTC()
		publishAt, unpublishAt := now.Add(time.Second), now.Add(2*time.Second)
		id := newBrand(t, c, "paiqi-pinpai", &publishAt, &unpublishAt)
		if got := entries(t, c, id); len(got) != 0 && time.Now().Before(publishAt) {
			t.Fatalf("a brand scheduled for later is in the log at once: %v", got)
		}
		past, long := now.Add(-2*time.Hour), now.Add(-time.Hour)
		never := newBrand(t, c, "guoqi-pinpai", &past, &long)
		fire := func() {
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := changelog.WriteDueTransitions(context.Background(), c, time.Time{}); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
		}
		passed(publishAt)
		fire()
		fire()
		if got := entries(t, c, id); len(got) != 1 || got[0] != changelog.KindUpsert {
			t.Fatalf("after publishAt: %v, want one UPSERT", got)
		}
		passed(unpublishAt)
		fire()
		fire()
		if got := entries(t, c, id); len(got) != 2 || got[1] != changelog.KindTombstone {
			t.Fatalf("after unpublishAt: %v, want UPSERT, TOMBSTONE", got)
		}
		if got := entries(t, c, never); len(got) != 0 {
			t.Fatalf("a brand never shown is in the log: %v", got)
		}
	})
}

// TestWriteLogsDueTransitionFirst: when no timer ran at an item's
// unpublish_at and the item is then deleted, the delete (which the public
// does not notice any more) logs the withdrawal itself, so a copy that
// holds the item still learns it is gone.
func TestWriteLogsDueTransitionFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		unpublishAt := time.Now().UTC().Add(2 * time.Second)
		id := newBrand(t, c, "linshi-pinpai", nil, &unpublishAt)
		if got := entries(t, c, id); len(got) != 1 || got[0] != changelog.KindUpsert {
			t.Fatalf("created public: %v, want one UPSERT", got)
		}
		passed(unpublishAt)
		c.Brand.DeleteOneID(id).ExecX(visibility.WithSystem(context.Background()))
		if got := entries(t, c, id); len(got) != 2 || got[1] != changelog.KindTombstone {
			t.Fatalf("after the delete: %v, want UPSERT, TOMBSTONE", got)
		}
	})
}

// TestTimerFiresAtTheTransition: the timer, told of the write that
// scheduled an item, calls OnDue once the time has come, with no other
// write, and knows the next transition meanwhile.
func TestTimerFiresAtTheTransition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		due := make(chan time.Time, 10)
		tm := schedule.New(schedule.Options{Client: db.Client, Recheck: time.Hour, OnDue: func() { due <- time.Now() }})
		db.OnChange(tm.OnChange)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go tm.Run(ctx)
		publishAt := time.Now().UTC().Add(500 * time.Millisecond).Truncate(time.Millisecond)
		newBrand(t, db.Client, "dingshi-pinpai", &publishAt, nil)
		select {
		case at := <-due:
			if at.Before(publishAt) {
				t.Fatalf("fired at %s, before %s", at, publishAt)
			}
		case <-time.After(2 * time.Minute):
			t.Fatal("the timer never fired")
		}
		if next, ok := tm.Next(); ok && !next.After(publishAt) {
			t.Fatalf("still armed for %s after it passed", next)
		}
		tm.OnChange(store.LocalWrite) // a write with no schedule: no fire
		select {
		case <-due:
			t.Fatal("fired again without a transition")
		case <-time.After(200 * time.Millisecond):
		}
	})
}
