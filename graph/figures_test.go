package graph_test

import (
	"encoding/json"
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

// TestStatsAddsUpFigures: stats(year:) adds up the published brands'
// figures of the year per metric, and stats without a year each brand's
// latest, with the years and as-of dates they stand at; workersEmployed and
// workersExported of a year are its figures' totals; a year out of range
// is refused.
func TestStatsAddsUpFigures(t *testing.T) {
	type total struct {
		Metric            string
		Total, BrandCount int
		FromYear, ToYear  *int
		AsOf, OldestAsOf  *time.Time
		UndatedCount      int
	}
	drafts := map[string]bool{}
	for _, b := range seed.DemoBrands() {
		drafts[b.Slug] = b.Draft
	}
	// want computes the totals from the demo's figures: those of year, or
	// each brand's latest (year 0).
	want := func(year int) map[string]*total {
		latest := map[string]int{} // brand and metric → its latest year
		for _, f := range seed.DemoFigures() {
			if f.Status == "PUBLISHED" && !drafts[f.Brand] {
				latest[f.Brand+f.Metric] = max(latest[f.Brand+f.Metric], f.Period)
			}
		}
		out := map[string]*total{}
		for _, f := range seed.DemoFigures() {
			if f.Status != "PUBLISHED" || drafts[f.Brand] || (year != 0 && f.Period != year) || (year == 0 && f.Period != latest[f.Brand+f.Metric]) {
				continue
			}
			tot := out[f.Metric]
			if tot == nil {
				tot = &total{Metric: f.Metric, FromYear: &f.Period, ToYear: &f.Period}
				out[f.Metric] = tot
			}
			tot.Total += f.Value
			tot.BrandCount++
			tot.FromYear, tot.ToYear = ptr(min(*tot.FromYear, f.Period)), ptr(max(*tot.ToYear, f.Period))
			if f.AsOf == nil {
				tot.UndatedCount++
				continue
			}
			if tot.AsOf == nil || f.AsOf.After(*tot.AsOf) {
				tot.AsOf = &f.AsOf.Time
			}
			if tot.OldestAsOf == nil || f.AsOf.Before(*tot.OldestAsOf) {
				tot.OldestAsOf = &f.AsOf.Time
			}
		}
		return out
	}
	eachDemo(t, func(t *testing.T, h http.Handler) {
		var got struct {
			Latest, Y2023 struct {
				Year                             *int
				WorkersEmployed, WorkersExported int
				Figures                          []total
			}
		}
		fields := `year workersEmployed workersExported figures { metric total brandCount fromYear toYear asOf oldestAsOf undatedCount }`
		mustQuery(t, h, `{ latest: stats { `+fields+` } y2023: stats(year: 2023) { `+fields+` } }`, nil, &got)
		if got.Latest.Year != nil || got.Y2023.Year == nil || *got.Y2023.Year != 2023 {
			t.Fatalf("year: %v and %v", got.Latest.Year, got.Y2023.Year)
		}
		for _, c := range []struct {
			name  string
			year  int
			stats []total
		}{{"latest", 0, got.Latest.Figures}, {"2023", 2023, got.Y2023.Figures}} {
			w := want(c.year)
			if len(c.stats) != 6 {
				t.Fatalf("%s: %d metrics listed, want all 6", c.name, len(c.stats))
			}
			dated := 0
			for _, g := range c.stats {
				e := w[g.Metric]
				if e == nil {
					e = &total{Metric: g.Metric}
				}
				same := func(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }
				samei := func(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
				if g.Total != e.Total || g.BrandCount != e.BrandCount || g.UndatedCount != e.UndatedCount ||
					!samei(g.FromYear, e.FromYear) || !samei(g.ToYear, e.ToYear) || !same(g.AsOf, e.AsOf) || !same(g.OldestAsOf, e.OldestAsOf) {
					t.Errorf("%s %s: got %s, want %s", c.name, g.Metric, show(g), show(*e))
				}
				if g.AsOf != nil {
					dated++
				}
			}
			if len(w) < 2 || dated == 0 {
				t.Fatalf("%s: the demo has figures of %d metrics, %d dated: the test would prove little", c.name, len(w), dated)
			}
			if c.year == 2023 && (got.Y2023.WorkersEmployed != w["WORKERS_EMPLOYED"].Total || got.Y2023.WorkersExported != w["WORKERS_EXPORTED"].Total) {
				t.Errorf("2023 workers %d/%d, want the figures' %d/%d", got.Y2023.WorkersEmployed, got.Y2023.WorkersExported,
					w["WORKERS_EMPLOYED"].Total, w["WORKERS_EXPORTED"].Total)
			}
		}
		if want(2023)["WORKERS_EMPLOYED"].Total == want(0)["WORKERS_EMPLOYED"].Total {
			t.Fatal("the demo's 2023 and latest employment totals are equal: the test cannot tell the year from the latest")
		}
		mustFail(t, h, `{ stats(year: 1900) { brandCount } }`, nil, "year must be between 1949 and 2100", "BAD_USER_INPUT")
	})
}

func ptr[T any](v T) *T { return &v }

func show(v any) string { b, _ := json.Marshal(v); return string(b) }
