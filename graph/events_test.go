package graph_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/event"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
	"brandshow/graph"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

// brandPageWithEvents is a brand page that lists the brand's events with
// their venue, region, people and coverage, and the brand's upcoming ones.
const brandPageWithEvents = `query($slug: String!) {
  brand(slug: $slug) {
    slug name
    events(first: 50, orderBy: { field: STARTS_AT, direction: ASC }) {
      totalCount
      edges { node { slug title(lang: EN) kind startsAt endsAt allDay cancelled sequence
        venue { slug name } region { code name parent { code } }
        roleModels(first: 3) { edges { node { slug name } } }
        mediaCoverages { totalCount } } }
    }
  }
  upcomingEvents(first: 50, brandSlug: $slug) { slug venue { name } region { code } brands(first: 3) { edges { node { slug } } } }
}`

// TestBrandPageWithEventsHasNoNPlusOne: the statements of a brand page with
// events do not grow with the number of events.
func TestBrandPageWithEventsHasNoNPlusOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		county := c.Region.Create().SetCode("421122").SetNameZh("红安县").SetLevel(region.LevelCOUNTY).SetParent(province).SaveX(ctx)
		brands := map[int]*ent.Brand{}
		for _, n := range []int{5, 40} {
			b := c.Brand.Create().SetSlug(fmt.Sprintf("brand-%d", n)).SetNameZh("品牌").SetRegion(county).
				SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelCOUNTY).SetStatus(schematype.StatusPublished).SaveX(ctx)
			brands[n] = b
			v := c.Venue.Create().SetSlug(fmt.Sprintf("venue-%d", n)).SetNameZh("场馆").SetKind(venue.KindEXPERIENCE_HALL).
				SetLatitude(31).SetLongitude(114).SetRegion(county).SetStatus(schematype.StatusPublished).SaveX(ctx)
			for i := range n {
				p := c.RoleModel.Create().SetSlug(fmt.Sprintf("p-%d-%d", n, i)).SetNameZh("人物").SetKind(rolemodel.KindFOUNDER).
					SetStatus(schematype.StatusPublished).SaveX(ctx)
				e := c.Event.Create().SetSlug(fmt.Sprintf("event-%d-%d", n, i)).SetTitleZh("活动").SetKind(event.KindFORUM).
					SetStartsAt(time.Now().Add(time.Duration(i+1) * 24 * time.Hour)).SetRegion(county).
					SetStatus(schematype.StatusPublished).AddBrands(b).AddRoleModels(p)
				if i%2 == 0 {
					e.SetVenue(v)
				}
				e.SaveX(ctx)
			}
		}
		h := uncachedHandler(db)
		statements := map[int]int64{}
		for _, n := range []int{5, 40} {
			var got struct {
				Brand struct {
					Events struct {
						TotalCount int
						Edges      []struct {
							Node struct {
								Slug       string
								Venue      *struct{ Slug string }
								RoleModels struct {
									Edges []struct{ Node struct{ Slug string } }
								}
							}
						}
					}
				}
				UpcomingEvents []struct{ Slug string }
			}
			counter.Reset()
			mustQuery(t, h, brandPageWithEvents, map[string]any{"slug": brands[n].Slug}, &got)
			statements[n] = counter.Count()
			if got.Brand.Events.TotalCount != n || len(got.Brand.Events.Edges) != n || len(got.UpcomingEvents) != n {
				t.Fatalf("brand with %d events: %d listed, %d upcoming", n, len(got.Brand.Events.Edges), len(got.UpcomingEvents))
			}
			if got.Brand.Events.Edges[0].Node.Venue == nil || len(got.Brand.Events.Edges[0].Node.RoleModels.Edges) != 1 {
				t.Fatalf("first event: %+v", got.Brand.Events.Edges[0].Node)
			}
		}
		t.Logf("%s: brand page with events = %d statements for 5 events, %d for 40", dia, statements[5], statements[40])
		if statements[5] != statements[40] {
			t.Fatalf("N+1: %d statements for 5 events, %d for 40", statements[5], statements[40])
		}
	})
}

// TestEventsInTheDemo: the root connection, one event by slug, the back
// edges of a brand, a venue and a region, and upcomingEvents' filters, on
// both databases; the draft event never shows.
func TestEventsInTheDemo(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		published := 0
		for _, e := range seed.DemoEvents() {
			if e.Status == schematype.StatusPublished {
				published++
			}
		}
		var all struct {
			Events struct {
				TotalCount int
				Edges      []struct {
					Node struct{ Slug, StartsAt string }
				}
			}
		}
		mustQuery(t, h, `{ events(first: 100, orderBy: {field: STARTS_AT, direction: ASC}) { totalCount edges { node { slug startsAt } } } }`, nil, &all)
		if all.Events.TotalCount != published || published == 0 {
			t.Fatalf("events: %d, want the %d published demo events", all.Events.TotalCount, published)
		}
		for i := 1; i < len(all.Events.Edges); i++ {
			if all.Events.Edges[i].Node.StartsAt < all.Events.Edges[i-1].Node.StartsAt {
				t.Fatalf("not in start order: %+v", all.Events.Edges)
			}
		}
		var one struct {
			Event *struct {
				Title, Kind string
				Cancelled   bool
				Venue       struct{ Slug string }
				Region      struct{ Code string }
				Brands      struct{ TotalCount int }
			}
			Draft *struct{ Slug string }
			Venue struct {
				Events struct{ TotalCount int }
			}
			Region struct {
				Events struct{ TotalCount int }
			}
			Brand struct {
				Events struct{ TotalCount int }
			}
		}
		mustQuery(t, h, `{
		  event(slug: "2027-10-jiazheng-dasai") { title(lang: EN) kind cancelled venue { slug } region { code } brands { totalCount } }
		  draft: event(slug: "2027-09-zhuangbei-luntan") { slug }
		  venue(slug: "hongan-dasao-peixun-jidi") { events { totalCount } }
		  region(code: "421122") { events { totalCount } }
		  brand(slug: "hongan-dasao") { events { totalCount } }
		}`, nil, &one)
		if one.Event == nil || !one.Event.Cancelled || one.Event.Kind != "COMPETITION" || one.Event.Venue.Slug != "hongan-dasao-peixun-jidi" ||
			one.Event.Region.Code != "421122" || one.Event.Brands.TotalCount != 2 {
			t.Fatalf("event(slug:) = %+v", one.Event)
		}
		if one.Draft != nil {
			t.Fatal("a draft event reached an anonymous caller")
		}
		if one.Venue.Events.TotalCount != 1 || one.Region.Events.TotalCount != 2 || one.Brand.Events.TotalCount != 3 {
			t.Fatalf("back edges: venue %d, region %d, brand %d", one.Venue.Events.TotalCount, one.Region.Events.TotalCount, one.Brand.Events.TotalCount)
		}
		var bad response
		bad = post(t, h, `{ upcomingEvents(first: 101) { slug } }`, nil)
		if len(bad.Errors) == 0 || bad.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Fatalf("first: 101 must be refused: %+v", bad.Errors)
		}
	})
}

// TestUpcomingEvents: what "not ended yet" means for timed, open-ended and
// all-day events, in Asia/Shanghai; region (with its counties) and brand
// filters; order.
func TestUpcomingEvents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		pref := c.Region.Create().SetCode("421100").SetNameZh("黄冈市").SetLevel(region.LevelPREFECTURE).SetParent(province).SaveX(ctx)
		county := c.Region.Create().SetCode("421122").SetNameZh("红安县").SetLevel(region.LevelCOUNTY).SetParent(pref).SaveX(ctx)
		other := c.Region.Create().SetCode("420100").SetNameZh("武汉市").SetLevel(region.LevelPREFECTURE).SetParent(province).SaveX(ctx)
		b := c.Brand.Create().SetSlug("b").SetNameZh("品牌").SetRegion(county).SetCategory(brand.CategoryQUALITY_SERVICE).
			SetLevel(brand.LevelCOUNTY).SetStatus(schematype.StatusPublished).SaveX(ctx)
		// now: 2027-03-10 15:00 in Shanghai.
		now := time.Date(2027, 3, 10, 15, 0, 0, 0, graph.Shanghai)
		day := func(d int) time.Time { return time.Date(2027, 3, d, 0, 0, 0, 0, graph.Shanghai) }
		mk := func(slug string, r *ent.Region, start time.Time, end *time.Time, allDay bool, status schematype.Status) {
			q := c.Event.Create().SetSlug(slug).SetTitleZh(slug).SetKind(event.KindFORUM).SetStartsAt(start).
				SetNillableEndsAt(end).SetAllDay(allDay).SetRegion(r).SetStatus(status)
			if slug != "elsewhere" {
				q.AddBrands(b)
			}
			q.SaveX(ctx)
		}
		at := func(d, h int) *time.Time { v := day(d).Add(time.Duration(h) * time.Hour); return &v }
		mk("ended-at-noon", county, day(10).Add(9*time.Hour), at(10, 12), false, schematype.StatusPublished)
		mk("ends-tonight", county, day(10).Add(9*time.Hour), at(10, 20), false, schematype.StatusPublished)
		mk("today-no-end", county, day(10).Add(8*time.Hour), nil, false, schematype.StatusPublished)
		mk("yesterday-no-end", county, day(9).Add(8*time.Hour), nil, false, schematype.StatusPublished)
		mk("all-day-until-today", county, day(8), at(10, 0), true, schematype.StatusPublished)
		mk("all-day-until-yesterday", county, day(7), at(9, 0), true, schematype.StatusPublished)
		mk("next-week", county, day(17), nil, true, schematype.StatusPublished)
		mk("draft", county, day(18), nil, true, schematype.StatusDraft)
		mk("elsewhere", other, day(12), nil, true, schematype.StatusPublished)
		slugs := func(regionCode, brandSlug *string) []string {
			es, err := graph.UpcomingEvents(ctx, c, now, nil, regionCode, brandSlug)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, e := range es {
				if e.Status == schematype.StatusPublished {
					out = append(out, e.Slug)
				}
			}
			return out
		}
		str := func(s string) *string { return &s }
		want := []string{"all-day-until-today", "today-no-end", "ends-tonight", "elsewhere", "next-week"}
		if got := slugs(nil, nil); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("upcoming = %v, want %v", got, want)
		}
		want = []string{"all-day-until-today", "today-no-end", "ends-tonight", "next-week"}
		if got := slugs(str("421100"), nil); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("upcoming in 421100 (with its counties) = %v, want %v", got, want)
		}
		if got := slugs(nil, str("b")); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("upcoming of brand b = %v, want %v", got, want)
		}
	})
}

// TestEventSequenceAndRegistrationURL: every change raises the calendar
// sequence, and a registration link must be https.
func TestEventSequenceAndRegistrationURL(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		e := c.Event.Create().SetSlug("e").SetTitleZh("活动").SetKind(event.KindJOB_FAIR).SetStartsAt(time.Now()).
			SetRegion(province).SaveX(ctx)
		if e.Sequence != 0 {
			t.Fatalf("a new event's sequence is %d, want 0", e.Sequence)
		}
		e = c.Event.UpdateOne(e).SetTitleZh("新标题").SaveX(ctx)
		e = c.Event.UpdateOne(e).SetCancelled(true).SaveX(ctx)
		if e.Sequence != 2 {
			t.Fatalf("sequence after two changes = %d, want 2", e.Sequence)
		}
		if _, err := c.Event.UpdateOne(e).SetRegistrationURL("http://example.com/register").Save(ctx); err == nil {
			t.Fatal("an http registration link must be refused")
		}
		if _, err := c.Event.UpdateOne(e).SetRegistrationURL("https://example.com/register").Save(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
