package store_test

import (
	"context"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/region"
	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"
)

// TestTimesStoredInUTC: a time in another zone (+08:00, as a client or a
// spreadsheet in Hubei writes it) is stored as the same instant in UTC on
// both databases, reads back, and compares as an instant in filters.
func TestTimesStoredInUTC(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		r := c.Region.Query().Where(region.Code("421122")).OnlyX(ctx)
		from := time.Date(2024, 3, 8, 9, 30, 0, 0, time.FixedZone("", 8*3600))
		b := c.Brand.Create().SetSlug("utc-times").SetNameZh("时间").SetRegion(r).
			SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY).SaveX(ctx)
		// An update reads the row back: this failed on SQLite (INTERNAL).
		b, err := c.Brand.UpdateOne(b).SetFeaturedFrom(from).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := c.Brand.GetX(ctx, b.ID).FeaturedFrom
		if got == nil || !got.Equal(from) {
			t.Fatalf("stored %v, want %v", got, from)
		}
		if got.UTC() != *got && dia == "sqlite3" {
			t.Errorf("read back in %s, want UTC", got.Location())
		}
		// Filters compare instants, whatever the zone of the argument.
		for _, bound := range []time.Time{from.Add(-time.Minute), from.UTC().Add(-time.Minute)} {
			if n := c.Brand.Query().Where(brand.Slug("utc-times"), brand.FeaturedFromGT(bound)).CountX(ctx); n != 1 {
				t.Errorf("featuredFrom > %v: %d rows", bound, n)
			}
		}
		if n := c.Brand.Query().Where(brand.Slug("utc-times"), brand.FeaturedFromGT(from.UTC().Add(time.Minute))).CountX(ctx); n != 0 {
			t.Errorf("featuredFrom > a later instant: %d rows", n)
		}
	})
}
