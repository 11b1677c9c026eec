package seed_test

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/dataio"
	"brandshow/server/media"
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
			Regions: len(seed.DemoRegions()), Brands: len(seed.DemoBrands()), RoleModels: len(seed.DemoRoleModels()),
			Enterprises: len(seed.DemoEnterprises()), Alliances: len(seed.DemoAlliances()), Venues: len(seed.DemoVenues()),
			Coverage: len(seed.DemoCoverage()), Events: len(seed.DemoEvents()), Recognitions: len(seed.DemoRecognitions()), Figures: len(seed.DemoFigures()),
		}
		if first != want {
			t.Fatalf("first load created %+v, want %+v", first, want)
		}
		all := visibility.WithDrafts(ctx)
		if n := db.Client.Brand.Query().CountX(all); n != len(seed.DemoBrands()) {
			t.Fatalf("%d brands in the database, want %d", n, len(seed.DemoBrands()))
		}
		updated := db.Client.Brand.Query().FirstX(all).UpdatedAt
		second, err := seed.LoadDemo(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		if second.Total() != 0 {
			t.Fatalf("second load created %+v, want nothing", second)
		}
		if n := db.Client.Brand.Query().CountX(all); n != len(seed.DemoBrands()) {
			t.Fatalf("after a second load: %d brands", n)
		}
		if db.Client.Brand.Query().FirstX(all).UpdatedAt != updated {
			t.Fatal("second load changed a brand")
		}
	})
}

// TestLoadDemoKeepsEditorsChanges: loading the demo content again creates
// what an editor deleted but leaves what an editor changed as it is.
func TestLoadDemoKeepsEditorsChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background()) // the editor stands in as the system: it may write
		if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
			t.Fatal(err)
		}
		brands := seed.DemoBrands()
		edited, deleted := brands[0].Slug, brands[1].Slug
		db.Client.Brand.Update().Where(brand.Slug(edited)).SetNameZh("编辑改过的名字").ExecX(ctx)
		db.Client.Brand.Delete().Where(brand.Slug(deleted)).ExecX(ctx)
		res, err := seed.LoadDemo(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		// Deleting a brand deleted its figures (they are part of it).
		figures := 0
		for _, f := range seed.DemoFigures() {
			if f.Brand == deleted {
				figures++
			}
		}
		if res != (seed.Result{Brands: 1, Figures: figures}) {
			t.Fatalf("second load created %+v, want the deleted brand and its %d figures only", res, figures)
		}
		if got := db.Client.Brand.Query().Where(brand.Slug(edited)).OnlyX(ctx).NameZh; got != "编辑改过的名字" {
			t.Fatalf("the editor's name was overwritten with %q", got)
		}
	})
}

// TestLoadedDemoExportsAsTheBundledFile loads the bundled file into an empty
// database and exports it again: every item, field, link, status (drafts
// included) and region must come back as the file has them. The file
// leaves creation and publication times to the load: published items get
// a publication time, drafts none. It also keeps the file in the form
// `server export` writes, so a fresh export diffs cleanly against it.
func TestLoadedDemoExportsAsTheBundledFile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := context.Background()
		if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
			t.Fatal(err)
		}
		doc, err := dataio.Export(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		type pub struct {
			what string
			p    *dataio.Publication
		}
		var publications []pub
		for i := range doc.Brands {
			publications = append(publications, pub{"brand", &doc.Brands[i].Publication})
		}
		for i := range doc.RoleModels {
			publications = append(publications, pub{"role model", &doc.RoleModels[i].Publication})
		}
		for i := range doc.Enterprises {
			publications = append(publications, pub{"enterprise", &doc.Enterprises[i].Publication})
		}
		for i := range doc.Alliances {
			publications = append(publications, pub{"alliance", &doc.Alliances[i].Publication})
		}
		for i := range doc.Venues {
			publications = append(publications, pub{"venue", &doc.Venues[i].Publication})
		}
		for i := range doc.MediaCoverage {
			publications = append(publications, pub{"media coverage", &doc.MediaCoverage[i].Publication})
		}
		for i := range doc.Events {
			publications = append(publications, pub{"event", &doc.Events[i].Publication})
		}
		for i := range doc.Recognitions {
			publications = append(publications, pub{"recognition", &doc.Recognitions[i].Publication})
		}
		for i := range doc.Figures {
			publications = append(publications, pub{"figure", &doc.Figures[i].Publication})
		}
		for _, it := range publications {
			what, p := it.what, it.p
			if p.CreatedAt == nil || (p.PublishedAt != nil) != (p.Status == schematype.StatusPublished) {
				t.Errorf("%s %s: status %s, createdAt %v, publishedAt %v", what, p.Slug, p.Status, p.CreatedAt, p.PublishedAt)
			}
			p.CreatedAt, p.PublishedAt = nil, nil
		}
		// PostgreSQL may collate slugs differently; the file is in byte order.
		bySlug := func(a, b dataio.Publication) int { return cmp.Compare(a.Slug, b.Slug) }
		slices.SortFunc(doc.Regions, func(a, b dataio.Region) int { return cmp.Compare(a.Code, b.Code) })
		slices.SortFunc(doc.Brands, func(a, b dataio.Brand) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.RoleModels, func(a, b dataio.RoleModel) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.Enterprises, func(a, b dataio.Enterprise) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.Alliances, func(a, b dataio.Alliance) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.Venues, func(a, b dataio.Venue) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.MediaCoverage, func(a, b dataio.MediaCoverage) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.Recognitions, func(a, b dataio.Recognition) int { return bySlug(a.Publication, b.Publication) })
		slices.SortFunc(doc.Figures, func(a, b dataio.Figure) int { return bySlug(a.Publication, b.Publication) })
		var got bytes.Buffer
		if err := dataio.WriteJSON(&got, doc); err != nil {
			t.Fatal(err)
		}
		if want := seed.DemoJSON(); !bytes.Equal(got.Bytes(), want) {
			gl, wl := bytes.Split(got.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
			for i := range min(len(gl), len(wl)) {
				if !bytes.Equal(gl[i], wl[i]) {
					t.Fatalf("export differs from demo.json at line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
				}
			}
			t.Fatalf("export has %d lines, demo.json %d", len(gl), len(wl))
		}
	})
}

// TestDemoPictures: after the demo content, every brand has a generated,
// credited sample logo and picture in the store; the same slug always
// draws the same picture; a second run changes nothing.
func TestDemoPictures(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", false)
	ctx := visibility.WithSystem(context.Background())
	if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
		t.Fatal(err)
	}
	open := func() *media.Store {
		s, err := media.Open(ctx, media.Config{URL: "file://" + t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	store := open()
	n, err := seed.DemoPictures(ctx, db.Client, store)
	if err != nil || n == 0 {
		t.Fatalf("DemoPictures: %d, %v", n, err)
	}
	brands := db.Client.Brand.Query().AllX(ctx)
	for _, b := range brands {
		if b.Logo == nil || len(b.Pictures) != 1 || b.Logo.Credit != seed.SampleCredit || b.Logo.License == "" ||
			!strings.Contains(b.Logo.Alt, "示例插图") || b.Pictures[0].Width != 960 || b.Pictures[0].Thumbhash == "" {
			t.Fatalf("%s: logo %+v pictures %+v", b.Slug, b.Logo, b.Pictures)
		}
		if _, err := store.Describe(ctx, b.Pictures[0].URL); err != nil {
			t.Fatalf("%s: picture not in the store: %v", b.Slug, err)
		}
	}
	if again, err := seed.DemoPictures(ctx, db.Client, store); err != nil || again != 0 {
		t.Fatalf("second run: %d, %v", again, err)
	}
	// Deterministic: drawn again into another store, the first brand's
	// picture has the same content address.
	db.Client.Brand.UpdateOne(brands[0]).ClearLogo().ClearPictures().ExecX(ctx)
	if _, err := seed.DemoPictures(ctx, db.Client, open()); err != nil {
		t.Fatal(err)
	}
	if got := db.Client.Brand.GetX(ctx, brands[0].ID); got.Pictures[0].URL != brands[0].Pictures[0].URL {
		t.Fatalf("drawn again: %s, first %s", got.Pictures[0].URL, brands[0].Pictures[0].URL)
	}
}
