package seed_test

import (
	"context"
	"testing"

	"brandshow/ent/visibility"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

// TestLoadDemoIsIdempotent loads the demo content into an empty database,
// checks that everything arrived, then loads it again and expects no change.
func TestLoadDemoIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := context.Background()
		first, err := seed.LoadDemo(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		want := seed.Result{
			Regions: len(seed.DemoRegions), Brands: len(seed.DemoBrands), RoleModels: len(seed.DemoRoleModels),
			Enterprises: len(seed.DemoEnterprises), Alliances: len(seed.DemoAlliances), Venues: len(seed.DemoVenues),
			Coverage: len(seed.DemoCoverage),
		}
		if first != want {
			t.Fatalf("first load created %+v, want %+v", first, want)
		}
		all := visibility.WithDrafts(ctx)
		if n := db.Client.Brand.Query().CountX(all); n != len(seed.DemoBrands) {
			t.Fatalf("%d brands in the database, want %d", n, len(seed.DemoBrands))
		}
		updated := db.Client.Brand.Query().FirstX(all).UpdatedAt
		second, err := seed.LoadDemo(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		if second.Total() != 0 {
			t.Fatalf("second load created %+v, want nothing", second)
		}
		if n := db.Client.Brand.Query().CountX(all); n != len(seed.DemoBrands) {
			t.Fatalf("after a second load: %d brands", n)
		}
		if db.Client.Brand.Query().FirstX(all).UpdatedAt != updated {
			t.Fatal("second load changed a brand")
		}
	})
}
