package graph_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/changelog"
	"brandshow/ent/figure"
	"brandshow/ent/schematype"
	"brandshow/ent/workers"
	"brandshow/server/store/storetest"
)

// TestWorkersAreTheLatestPublicFigure: Brand.workersEmployed, its filter
// and its ordering answer from the brand's latest public figure of the
// metric: a draft figure changes nothing, publishing it does, a figure
// scheduled for later counts from the moment the schedule's timer logs it,
// deleting it gives the previous one back; updateBrand's workersEmployed
// becomes the brand's undated figure of the current year, and is refused
// where that year has a figure from a named source.
func TestWorkersAreTheLatestPublicFigure(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		anon := uncachedHandler(e.db)
		ctx := e.all()
		b := e.db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
		type answer struct {
			Brand struct {
				WorkersEmployed int
				LatestFigures   []struct {
					Metric string
					Period int
					Value  int
					AsOf   *string
					Source string
				}
			}
			Top struct {
				Edges []struct{ Node struct{ Slug string } }
			}
			Over struct{ TotalCount int }
		}
		stale := false // the moment between a scheduled time and the timer
		read := func() answer {
			t.Helper()
			var got answer
			mustQuery(t, anon, `{
  brand(slug: "hongan-dasao") { workersEmployed latestFigures { metric period value asOf source } }
  top: brands(first: 1, orderBy: {field: WORKERS_EMPLOYED, direction: DESC}) { edges { node { slug } } }
  over: brands(first: 1, where: {workersEmployedGTE: 190000}) { totalCount }
}`, nil, &got)
			for _, f := range got.Brand.LatestFigures {
				if !stale && f.Metric == "WORKERS_EMPLOYED" && f.Value != got.Brand.WorkersEmployed {
					t.Fatalf("workersEmployed %d, latest figure %d", got.Brand.WorkersEmployed, f.Value)
				}
			}
			return got
		}
		before := read()
		if before.Brand.WorkersEmployed == 0 || before.Brand.WorkersEmployed >= 190000 || before.Over.TotalCount != 0 {
			t.Fatalf("demo: hongan-dasao employs %d, %d brands over 190000", before.Brand.WorkersEmployed, before.Over.TotalCount)
		}
		f := e.db.Client.Figure.Create().SetBrandID(b.ID).SetMetric(figure.MetricWORKERS_EMPLOYED).SetPeriod(2025).
			SetValue(199999).SetSlug("hongan-dasao-workers-employed-2025").SetSourceZh("测试").SaveX(ctx)
		if got := read(); got.Brand.WorkersEmployed != before.Brand.WorkersEmployed || got.Over.TotalCount != 0 || got.Top.Edges[0].Node.Slug != before.Top.Edges[0].Node.Slug {
			t.Fatalf("a draft figure changed the public answer: %+v", got)
		}
		f.Update().SetStatus(schematype.StatusPublished).ExecX(ctx)
		if got := read(); got.Brand.WorkersEmployed != 199999 || got.Over.TotalCount != 1 || got.Top.Edges[0].Node.Slug != "hongan-dasao" {
			t.Fatalf("published 2025 figure: %+v", got)
		}
		f.Update().SetPublishAt(time.Now().Add(time.Hour)).ExecX(ctx)
		if got := read(); got.Brand.WorkersEmployed != before.Brand.WorkersEmployed || got.Over.TotalCount != 0 {
			t.Fatalf("a figure scheduled for later counts already: %+v", got)
		}
		// The hour passes: the row says so, without a write of the figure
		// (the hook would refresh), and the timer logs the transition.
		if _, err := e.db.SQL.ExecContext(ctx, `UPDATE figures SET publish_at = `+placeholder(dia)+` WHERE id = `+strconv.Itoa(f.ID), time.Now().UTC().Add(-time.Second)); err != nil {
			t.Fatal(err)
		}
		stale = true
		if got := read(); got.Brand.WorkersEmployed != before.Brand.WorkersEmployed {
			t.Fatalf("the column changed by itself: %+v", got)
		}
		stale = false
		if _, err := changelog.WriteDueTransitions(ctx, e.db.Client, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if got := read(); got.Brand.WorkersEmployed != 199999 {
			t.Fatalf("after the scheduled publication: %+v", got)
		}
		e.db.Client.Figure.DeleteOne(f).ExecX(ctx)
		if got := read(); got.Brand.WorkersEmployed != before.Brand.WorkersEmployed {
			t.Fatalf("after deleting the 2025 figure: %+v", got)
		}

		// updateBrand writes an undated figure of this year (the brand is
		// published: once its pending revision is published).
		year := time.Now().UTC().Year()
		id := strconv.Itoa(b.ID)
		for _, n := range []int{1234, 1235} {
			r := e.as(t, "publisher", `mutation($id: ID!, $n: Int!) { updateBrand(id: $id, input: {workersEmployed: $n}) { workersEmployed } }`, map[string]any{"id": id, "n": n})
			if len(r.Errors) > 0 {
				t.Fatalf("updateBrand workersEmployed %d: %s %v", n, r.Data, r.Errors)
			}
			e.publishPending(t, id)
			got := read()
			if got.Brand.WorkersEmployed != n {
				t.Fatalf("after updateBrand %d: %+v", n, got)
			}
			l := got.Brand.LatestFigures[0]
			if l.Metric != "WORKERS_EMPLOYED" || l.Period != year || l.AsOf != nil || l.Source != workers.UndatedSourceZh {
				t.Fatalf("the undated figure: %+v", l)
			}
		}
		if n := e.db.Client.Figure.Query().Where(figure.BrandID(b.ID), figure.Period(year)).CountX(ctx); n != 1 {
			t.Fatalf("%d figures of %d, want the one undated figure", n, year)
		}
		// A figure of this year from a named source is not overwritten.
		e.db.Client.Figure.Update().Where(figure.BrandID(b.ID), figure.Period(year)).SetSourceZh("某县人社局").ExecX(ctx)
		// The edit waits in a revision; publishing it is refused whole.
		if r := e.as(t, "publisher", `mutation($id: ID!) { updateBrand(id: $id, input: {workersEmployed: 5, summaryZh: "不该写入"}) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("updateBrand: %v", r.Errors)
		}
		rev := e.pendingRevision(t, "publisher", id)
		if rev == nil {
			t.Fatal("no pending revision")
		}
		r := e.as(t, "publisher", `mutation($id: ID!) { publishRevision(id: $id) { id } }`, map[string]any{"id": rev.ID})
		if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "updateFigure") {
			t.Fatalf("overwriting a cited figure: %s %v", r.Data, r.Errors)
		}
		if got := read(); got.Brand.WorkersEmployed != 1235 || e.db.Client.Brand.GetX(ctx, b.ID).SummaryZh == "不该写入" {
			t.Fatalf("a refused update changed something: %+v", got)
		}
	})
}

// TestWorkersCarriedOver: a brand whose column holds a number and that has
// no published figure of the metric (a database from before figures)
// gets it as an undated figure, once; the column keeps the number.
func TestWorkersCarriedOver(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		ctx := e.all()
		b := e.db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
		e.db.Client.Figure.Update().Where(figure.BrandID(b.ID), figure.MetricEQ(figure.MetricWORKERS_EXPORTED)).
			SetStatus(schematype.StatusDraft).ExecX(ctx)
		if got := e.db.Client.Brand.GetX(ctx, b.ID).WorkersExported; got != 0 {
			t.Fatalf("workersExported with draft figures only: %d", got)
		}
		if _, err := e.db.SQL.ExecContext(ctx, `UPDATE brands SET workers_exported = 777 WHERE id = `+strconv.Itoa(b.ID)); err != nil {
			t.Fatal(err)
		}
		tx, err := e.db.Client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		carried, skipped, err := workers.CarryOver(ctx, tx.Client())
		if err != nil || tx.Commit() != nil {
			t.Fatal(err)
		}
		if carried != 1 || skipped != 0 {
			t.Fatalf("carried %d, skipped %d, want 1 and 0", carried, skipped)
		}
		f := e.db.Client.Figure.Query().Where(figure.BrandID(b.ID), figure.MetricEQ(figure.MetricWORKERS_EXPORTED),
			figure.StatusEQ(schematype.StatusPublished)).OnlyX(ctx)
		if f.Value != 777 || f.AsOf != nil || f.SourceZh != workers.UndatedSourceZh {
			t.Fatalf("carried figure: %+v", f)
		}
		if got := e.db.Client.Brand.GetX(ctx, b.ID).WorkersExported; got != 777 {
			t.Fatalf("workersExported after the carry-over: %d", got)
		}
		if carried, _, err := workers.CarryOver(ctx, e.db.Client); err != nil || carried != 0 {
			t.Fatalf("second carry-over: %d carried, %v", carried, err)
		}
	})
}

func placeholder(dia string) string {
	if dia == "postgres" {
		return "$1"
	}
	return "?"
}
