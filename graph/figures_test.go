package graph_test

import (
	"net/http"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/figure"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

// TestFiguresInTheDemo: a brand's figures (all, one metric, the latest of
// each), the root connection, and the old workersEmployed and
// workersExported, which equal the latest figures in the demo; figures of a
// draft brand never show, nor do draft figures.
func TestFiguresInTheDemo(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		published := 0
		drafts := map[string]bool{}
		for _, b := range seed.DemoBrands() {
			if b.Draft {
				drafts[b.Slug] = true
			}
		}
		for _, f := range seed.DemoFigures() {
			if f.Status == "PUBLISHED" && !drafts[f.Brand] {
				published++
			}
		}
		type fig struct {
			Metric string
			Period int
			Value  int
			AsOf   *string
			Source string
			Brand  struct{ Slug string }
		}
		var got struct {
			Brand struct {
				WorkersEmployed, WorkersExported int
				Figures                          []fig
				Employed                         []fig
				LatestFigures                    []fig
			}
			Figures struct{ TotalCount int }
			Draft   *struct{ Slug string }
		}
		mustQuery(t, h, `{
  brand(slug: "hongan-dasao") {
    workersEmployed workersExported
    figures { metric period value asOf source brand { slug } }
    employed: figures(metric: WORKERS_EMPLOYED) { metric period value asOf source(lang: EN) brand { slug } }
    latestFigures { metric period value asOf source brand { slug } }
  }
  figures(first: 100, where: { period: 2024, metric: WORKERS_EMPLOYED }) { totalCount }
  draft: brand(slug: "baokang-linkuang-gong") { slug }
}`, nil, &got)
		b := got.Brand
		if len(b.Figures) != 9 || len(b.Employed) != 3 || len(b.LatestFigures) != 3 {
			t.Fatalf("hongan-dasao: %d figures, %d employed, %d latest", len(b.Figures), len(b.Employed), len(b.LatestFigures))
		}
		for i, f := range b.Employed {
			if f.Metric != "WORKERS_EMPLOYED" || f.Period != 2024-i || f.Brand.Slug != "hongan-dasao" || f.Source == "" {
				t.Fatalf("employed[%d]: %+v", i, f)
			}
		}
		if b.Employed[2].AsOf != nil || b.Employed[0].AsOf == nil {
			t.Fatalf("asOf: 2024 has %v, 2022 (no date) has %v", b.Employed[0].AsOf, b.Employed[2].AsOf)
		}
		latest := map[string]int{}
		for _, f := range b.LatestFigures {
			if f.Period != 2024 {
				t.Fatalf("latest %s is for %d", f.Metric, f.Period)
			}
			latest[f.Metric] = f.Value
		}
		if latest["WORKERS_EMPLOYED"] != b.WorkersEmployed || latest["WORKERS_EXPORTED"] != b.WorkersExported {
			t.Fatalf("workersEmployed %d / exported %d, latest figures %v", b.WorkersEmployed, b.WorkersExported, latest)
		}
		want2024 := 0
		for _, br := range seed.DemoBrands() {
			if !br.Draft {
				want2024++
			}
		}
		if got.Figures.TotalCount != want2024 || got.Draft != nil || published == 0 {
			t.Fatalf("2024 employed figures: %d, want %d (one per published brand); draft brand %v", got.Figures.TotalCount, want2024, got.Draft)
		}
	})
}

// TestFiguresOfABrandScheduledForLater: a published brand whose publication
// is scheduled for later is not public yet, and neither are its figures.
func TestFiguresOfABrandScheduledForLater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		// All public figures: no filter through the brand, whose own
		// visibility would hide them anyway.
		count := func() int {
			var got struct{ Figures struct{ TotalCount int } }
			mustQuery(t, e.h, `{ figures(first: 1) { totalCount } }`, nil, &got)
			return got.Figures.TotalCount
		}
		before := count()
		b := e.db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(e.all())
		own := e.db.Client.Figure.Query().Where(figure.BrandID(b.ID), figure.StatusEQ("PUBLISHED")).CountX(e.all())
		if own == 0 {
			t.Fatal("the demo brand has no published figures: the test would prove nothing")
		}
		b.Update().SetPublishAt(time.Now().Add(24 * time.Hour)).ExecX(e.all())
		if after := count(); after != before-own {
			t.Errorf("%d public figures with the brand scheduled for tomorrow, want %d - %d", after, before, own)
		}
	})
}
