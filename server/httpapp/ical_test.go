package httpapp_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"brandshow/ent/brand"
	"brandshow/ent/event"
	"brandshow/ent/region"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
	"brandshow/server/httpapp"
	"brandshow/server/store/storetest"
)

type calendarEvent struct {
	seq, status, start, end, summary string
	startParams                      map[string][]string
}

// parseCalendar reads a feed with golang-ical's parser, by UID.
func parseCalendar(t *testing.T, h http.Handler, path string) map[string]calendarEvent {
	t.Helper()
	res := do(h, http.MethodGet, path, nil)
	if res.code != 200 || !strings.HasPrefix(res.header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("%s: %d %s %s", path, res.code, res.header.Get("Content-Type"), res.body)
	}
	if res.header.Get("ETag") == "" || !contains(res.header.Get("Cache-Control"), "max-age") {
		t.Errorf("%s: not cacheable: %v", path, res.header)
	}
	if again := do(h, http.MethodGet, path, map[string]string{"If-None-Match": res.header.Get("ETag")}); again.code != http.StatusNotModified {
		t.Errorf("%s: If-None-Match gave %d", path, again.code)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(res.body))
	if err != nil {
		t.Fatalf("%s: %v\n%s", path, err, res.body)
	}
	if len(cal.Timezones()) != 1 {
		t.Errorf("%s: want the Asia/Shanghai VTIMEZONE", path)
	}
	out := map[string]calendarEvent{}
	for _, e := range cal.Events() {
		get := func(p ics.ComponentProperty) string {
			if v := e.GetProperty(p); v != nil {
				return v.Value
			}
			return ""
		}
		ce := calendarEvent{seq: get(ics.ComponentPropertySequence), status: get(ics.ComponentPropertyStatus),
			start: get(ics.ComponentPropertyDtStart), end: get(ics.ComponentPropertyDtEnd), summary: get(ics.ComponentPropertySummary)}
		if p := e.GetProperty(ics.ComponentPropertyDtStart); p != nil {
			ce.startParams = p.ICalParameters
		}
		if get(ics.ComponentPropertyDtstamp) == "" {
			t.Errorf("%s: %s has no DTSTAMP", path, e.Id())
		}
		out[e.Id()] = ce
	}
	return out
}

// TestEventCalendarsRoundTrip: the iCalendar feeds parse with golang-ical;
// UIDs stay the same across an update and a cancellation, SEQUENCE goes
// up, the cancelled event stays with STATUS:CANCELLED; times are in
// Asia/Shanghai and all-day events are DATE values; drafts never appear.
func TestEventCalendarsRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := visibility.WithSystem(context.Background())
		c := db.Client
		province := c.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel(region.LevelPROVINCE).SaveX(ctx)
		b := c.Brand.Create().SetSlug("hongan-dasao").SetNameZh("红安大嫂").SetRegion(province).SetCategory(brand.CategoryQUALITY_SERVICE).
			SetLevel(brand.LevelCOUNTY).SetStatus(schematype.StatusPublished).SaveX(ctx)
		draftBrand := c.Brand.Create().SetSlug("secret").SetNameZh("草稿品牌").SetRegion(province).SetCategory(brand.CategoryQUALITY_SERVICE).
			SetLevel(brand.LevelCOUNTY).SaveX(ctx)
		v := c.Venue.Create().SetSlug("hall").SetNameZh("体验馆").SetKind(venue.KindEXPERIENCE_HALL).SetLatitude(31.2).SetLongitude(114.6).
			SetRegion(province).SetStatus(schematype.StatusPublished).SaveX(ctx)
		sh, _ := time.LoadLocation("Asia/Shanghai")
		soon := time.Now().In(sh).AddDate(0, 1, 0)
		day := time.Date(soon.Year(), soon.Month(), soon.Day(), 0, 0, 0, 0, sh)
		timed := c.Event.Create().SetSlug("forum").SetTitleZh("论坛").SetKind(event.KindFORUM).
			SetStartsAt(day.Add(9*time.Hour + 30*time.Minute)).SetEndsAt(day.Add(17 * time.Hour)).
			SetRegion(province).SetVenue(v).AddBrands(b).SetStatus(schematype.StatusPublished).SaveX(ctx)
		allDay := c.Event.Create().SetSlug("fair").SetTitleZh("招聘会").SetKind(event.KindJOB_FAIR).SetAllDay(true).
			SetStartsAt(day).SetEndsAt(day.AddDate(0, 0, 2)).SetRegion(province).SetRegistrationURL("https://example.com/r").
			SetStatus(schematype.StatusPublished).SaveX(ctx)
		c.Event.Create().SetSlug("draft-event").SetTitleZh("草稿活动").SetKind(event.KindFORUM).SetStartsAt(day).
			SetRegion(province).AddBrands(b).SaveX(ctx)
		c.Event.Create().SetSlug("draft-brand-event").SetTitleZh("活动").SetKind(event.KindFORUM).SetStartsAt(day).
			SetRegion(province).AddBrands(draftBrand).SetStatus(schematype.StatusPublished).SaveX(ctx)
		h := httpapp.New(httpapp.Config{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})

		before := parseCalendar(t, h, "/feeds/events.ics")
		forum, fair := before["event-forum@brandshow"], before["event-fair@brandshow"]
		if len(before) != 3 || forum.seq != "0" || fair.seq != "0" {
			t.Fatalf("feed before: %+v", before)
		}
		if _, ok := before["event-draft-event@brandshow"]; ok {
			t.Fatal("a draft event in the feed")
		}
		if forum.start != day.Format("20060102")+"T093000" || forum.startParams["TZID"][0] != "Asia/Shanghai" || forum.status != "CONFIRMED" {
			t.Errorf("timed event: %+v", forum)
		}
		if fair.start != day.Format("20060102") || fair.startParams["VALUE"][0] != "DATE" || fair.end != day.AddDate(0, 0, 3).Format("20060102") {
			t.Errorf("all-day event (three days, DTEND exclusive): %+v", fair)
		}

		c.Event.UpdateOne(timed).SetTitleZh("论坛（改期）").SetStartsAt(day.Add(10 * time.Hour)).SaveX(ctx)
		c.Event.UpdateOne(allDay).SetCancelled(true).SaveX(ctx)
		after := parseCalendar(t, h, "/feeds/events.ics")
		if len(after) != len(before) {
			t.Fatalf("UIDs before %v, after %v", before, after)
		}
		for uid := range before {
			if _, ok := after[uid]; !ok {
				t.Errorf("UID %s is gone after the update", uid)
			}
		}
		if f := after["event-forum@brandshow"]; f.seq != "1" || f.summary != "论坛（改期）" || f.start != day.Format("20060102")+"T100000" {
			t.Errorf("updated event: %+v", f)
		}
		if f := after["event-fair@brandshow"]; f.seq != "1" || f.status != "CANCELLED" {
			t.Errorf("cancelled event: %+v", f)
		}

		brandFeed := parseCalendar(t, h, "/feeds/brands/hongan-dasao/events.ics")
		if len(brandFeed) != 1 || brandFeed["event-forum@brandshow"].seq != "1" {
			t.Errorf("brand feed: %+v", brandFeed)
		}
		for _, path := range []string{"/feeds/brands/secret/events.ics", "/feeds/brands/no-such/events.ics"} {
			if res := do(h, http.MethodGet, path, nil); res.code != 404 {
				t.Errorf("%s: %d, want 404", path, res.code)
			}
		}
	})
}
