package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"brandshow/ent/changelogentry"
	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/schedule"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

// scheduledHandler is the handler main builds: a response cache that
// follows db's writes and the schedule timer that empties it at each
// scheduled transition. The timer's safety net is off (an hour), so only
// the armed transition can change a cached answer within the test.
func scheduledHandler(t *testing.T, db *store.DB) (http.Handler, *respcache.Cache) {
	t.Helper()
	rc := respcache.New(respcache.Options{MaxBytes: 8 << 20, TTL: time.Hour})
	db.OnChange(rc.OnChange)
	tm := schedule.New(schedule.Options{Client: db.Client, Logger: testLogger(), Recheck: time.Hour,
		OnDue: func() { rc.OnChange(store.Scheduled) }})
	db.OnChange(tm.OnChange)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go tm.Run(ctx)
	return httpapp.New(httpapp.Config{
		DB: db, SampleContent: true, AllowedOrigins: []string{"*"}, Logger: testLogger(),
		ResponseCache: rc, Schedule: tm,
	}), rc
}

// publicView is what an anonymous reader sees of one brand, on every path
// at once: by slug, in a filtered list, in the figures, in search and in
// the changes feed (one query, so one cache entry).
const publicView = `query P($slug: String!, $q: String!, $since: Cursor) {
  brand(slug: $slug) { slug }
  brands(where: {slug: $slug}) { totalCount }
  stats { brandCount }
  search(query: $q, types: [BRAND], correct: false) { totalCount }
  changes(since: $since) { changes { kind id } }
}`

type publicAnswer struct {
	Brand  *struct{ Slug string }
	Brands struct{ TotalCount int }
	Stats  struct{ BrandCount int }
	Search struct{ TotalCount int }
	Change struct {
		Changes []struct{ Kind, ID string }
	} `json:"changes"`
}

// kinds lists the changes feed's kinds for id.
func (a publicAnswer) kinds(id string) string {
	var ks []string
	for _, c := range a.Change.Changes {
		if c.ID == id {
			ks = append(ks, c.Kind)
		}
	}
	return strings.Join(ks, ",")
}

// TestScheduledPublicationNeedsNoWrite: a brand scheduled a moment ahead is
// hidden from every path (by slug, list, count, search, sitemap, changes
// feed, node) until publishAt, then shown on all of them without any write,
// the cached answer included; from unpublishAt it is hidden again, and the
// changes feed tells UPSERT then TOMBSTONE. Nothing is asserted against a
// clock: the test waits for each change (the cache's TTL is an hour, so only
// the schedule timer can change a cached answer), and when the checks before
// publishAt took longer than the lead it was given, it starts again with a
// longer one.
func TestScheduledPublicationNeedsNoWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		h, rc := scheduledHandler(t, e.db)
		id := e.draftBrandID(t, "runmiao-sao")
		e.db.Client.Brand.UpdateOneID(atoi(t, id)).SetNameZh("闰秒嫂").ExecX(e.all())
		vars := map[string]any{"slug": "runmiao-sao", "q": "闰秒嫂", "since": changesHeadCursor(t, e.db.Client)}
		view := func() (publicAnswer, string) {
			t.Helper()
			status, body := send(t, h, "", publicView, vars)
			var r struct {
				Data   publicAnswer
				Errors []any
			}
			if err := json.Unmarshal([]byte(body), &r); err != nil || len(r.Errors) > 0 {
				t.Fatalf("public view: %v %s", err, body)
			}
			return r.Data, status
		}
		inSitemap := func() bool {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sitemaps/brands-1.xml", nil))
			return strings.Contains(rec.Body.String(), "/brands/runmiao-sao<")
		}
		nodeVisible := func() bool {
			r := post(t, h, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			return strings.Contains(string(r.Data), id)
		}
		hidden, _ := view()
		if hidden.Brand != nil || hidden.Brands.TotalCount != 0 || hidden.Search.TotalCount != 0 {
			t.Fatalf("a draft is public: %+v", hidden)
		}

		same := func(a, b publicAnswer) bool {
			return (a.Brand == nil) == (b.Brand == nil) && a.Brands == b.Brands && a.Stats == b.Stats && a.Search == b.Search
		}
		// ahead schedules a window whose next bound is lead from now, checks
		// that the public answer is still want (and cached: only the timer
		// can change it now), and starts again with a longer lead when the
		// checks outlasted it. It returns the scheduled bound.
		ahead := func(window func(bound time.Time) map[string]any, want publicAnswer, wantShown bool) time.Time {
			t.Helper()
			for lead := 2 * time.Second; ; lead *= 2 {
				bound := time.Now().Add(lead).UTC().Truncate(time.Millisecond)
				r := e.as(t, "publisher", `mutation($id: ID!, $at: Time, $until: Time) { schedule(id: $id, publishAt: $at, unpublishAt: $until) { id } }`, window(bound))
				if len(r.Errors) > 0 {
					t.Fatalf("schedule: %+v", r.Errors)
				}
				now, _ := view()
				_, cached := view()
				sitemap, node := inSitemap(), nodeVisible()
				if time.Now().Before(bound) {
					if !same(now, want) || sitemap != wantShown || node != wantShown {
						t.Fatalf("before %s: %+v sitemap %v node %v, want %+v", bound, now, sitemap, node, want)
					}
					if cached != "hit" {
						t.Fatalf("the answer was not cached (%s): the test would prove nothing", cached)
					}
					return bound
				}
				t.Logf("the checks took longer than %s; again with a longer lead", lead)
			}
		}
		rfc := func(t time.Time) string { return t.Format(time.RFC3339Nano) }

		// Scheduled for later: as hidden as a draft until publishAt.
		publishAt := ahead(func(at time.Time) map[string]any { return map[string]any{"id": id, "at": rfc(at)} }, hidden, false)
		// At publishAt, with no write: the cached answer changes.
		shown := waitFor(t, view, func(a publicAnswer) bool { return a.Brand != nil })
		if shown.Brands.TotalCount != 1 || shown.Stats.BrandCount != hidden.Stats.BrandCount+1 || shown.Search.TotalCount != 1 || !strings.HasSuffix(shown.kinds(id), "UPSERT") {
			t.Errorf("after publishAt: %+v, want it in the list, the count, search and the changes feed", shown)
		}
		if !inSitemap() || !nodeVisible() {
			t.Errorf("after publishAt: sitemap %v node %v", inSitemap(), nodeVisible())
		}
		// Other tests' writes (PostgreSQL's notifications are heard across
		// schemas) may empty the cache first; the timer must still fire.
		for limit := time.Now().Add(30 * time.Second); rc.Stats().Invalidations[store.Scheduled.String()] == 0; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(limit) {
				t.Fatal("the response cache was not emptied by the schedule")
			}
		}

		// A withdrawal ahead (the change of a public item is an UPSERT).
		shown, _ = view()
		unpublishAt := ahead(func(until time.Time) map[string]any {
			return map[string]any{"id": id, "at": rfc(publishAt), "until": rfc(until)}
		}, shown, true)
		gone := waitFor(t, view, func(a publicAnswer) bool { return a.Brand == nil })
		if gone.Brands.TotalCount != 0 || gone.Stats != hidden.Stats || gone.Search.TotalCount != 0 || inSitemap() || nodeVisible() {
			t.Errorf("after unpublishAt: %+v sitemap %v node %v", gone, inSitemap(), nodeVisible())
		}
		if k := gone.kinds(id); !strings.HasSuffix(k, "UPSERT,TOMBSTONE") {
			t.Errorf("changes feed after unpublishAt: %s, want the TOMBSTONE last", k)
		}
		// Each transition is logged once, dated at its time.
		entries := e.db.Client.ChangeLogEntry.Query().Where(changelogentry.EntityID(atoi(t, id))).
			Order(changelogentry.ByID()).AllX(context.Background()) // no order is no order on PostgreSQL
		var ats []time.Time
		for _, en := range entries {
			if en.TransitionAt != nil {
				ats = append(ats, en.At)
			}
		}
		// (A retry with a longer lead may have logged an earlier one too.)
		if n := len(ats); n < 2 || !ats[n-2].Equal(publishAt) || !ats[n-1].Equal(unpublishAt) {
			t.Errorf("scheduled entries at %v, want %s and %s", ats, publishAt, unpublishAt)
		}
	})
}

// waitFor asks view until ok holds, and fails only after minutes: the
// schedule decides when, not the test.
func waitFor(t *testing.T, view func() (publicAnswer, string), ok func(publicAnswer) bool) publicAnswer {
	t.Helper()
	limit := time.Now().Add(2 * time.Minute)
	for {
		a, _ := view()
		if ok(a) {
			return a
		}
		if time.Now().After(limit) {
			t.Fatalf("still %+v", a)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

const scheduleMutation = `mutation($id: ID!, $at: Time, $until: Time) {
  schedule(id: $id, publishAt: $at, unpublishAt: $until) { id ... on Brand { status publishAt unpublishAt publishedAt } }
}`

// TestScheduleNeedsPublisherAndAValidWindow: only publishers schedule; a
// window that ends in the past or before it starts is refused with
// BAD_USER_INPUT and changes nothing; a scheduled item's first publication
// is dated at publishAt; publish drops the window.
func TestScheduleNeedsPublisherAndAValidWindow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.draftBrandID(t, "paiqi-juese")
		at := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
		rfc := func(t time.Time) string { return t.Format(time.RFC3339) }
		for role, want := range map[string]string{"anonymous": "UNAUTHENTICATED", "editor": "FORBIDDEN"} {
			if r := e.as(t, role, scheduleMutation, map[string]any{"id": id, "at": rfc(at)}); code(r) != want {
				t.Errorf("%s schedules: %+v, want %s", role, r.Errors, want)
			}
		}
		for what, vars := range map[string]map[string]any{
			"unpublishAt before publishAt": {"id": id, "at": rfc(at), "until": rfc(at.Add(-time.Minute))},
			"unpublishAt in the past":      {"id": id, "until": rfc(time.Now().Add(-time.Minute))},
		} {
			r := e.as(t, "publisher", scheduleMutation, vars)
			if code(r) != "BAD_USER_INPUT" {
				t.Errorf("%s: %+v, want BAD_USER_INPUT", what, r.Errors)
				continue
			}
			// The console shows the message beside the unpublishAt input.
			if f, _ := r.Errors[0].Extensions["field"].(string); f != "unpublishAt" {
				t.Errorf("%s: extensions.field %q, want unpublishAt", what, f)
			}
		}
		b := e.db.Client.Brand.GetX(e.all(), atoi(t, id))
		if b.Status != "DRAFT" || b.PublishAt != nil || b.UnpublishAt != nil {
			t.Fatalf("refused schedules changed the brand: %s %v %v", b.Status, b.PublishAt, b.UnpublishAt)
		}

		r := e.as(t, "publisher", scheduleMutation, map[string]any{"id": id, "at": at.In(time.FixedZone("CST", 8*3600)).Format(time.RFC3339), "until": rfc(at.Add(time.Hour))})
		var got struct {
			Schedule struct{ Status, PublishAt, UnpublishAt, PublishedAt string }
		}
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &got) != nil {
			t.Fatalf("publisher schedules: %+v", r.Errors)
		}
		s := got.Schedule
		if s.Status != "PUBLISHED" || !sameTime(t, s.PublishAt, at) || !sameTime(t, s.UnpublishAt, at.Add(time.Hour)) || !sameTime(t, s.PublishedAt, at) {
			t.Errorf("scheduled: %+v, want PUBLISHED from %s for an hour, first published then", s, at)
		}
		if r := post(t, e.h, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); strings.Contains(string(r.Data), id) {
			t.Error("the public sees a brand scheduled for later")
		}
		if r := e.as(t, "publisher", `mutation($id: ID!) { publish(id: $id) { id ... on Brand { publishAt unpublishAt } } }`, map[string]any{"id": id}); !strings.Contains(string(r.Data), `"publishAt":null,"unpublishAt":null`) {
			t.Errorf("publish keeps the window: %s %+v", r.Data, r.Errors)
		}
		if r := post(t, e.h, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); !strings.Contains(string(r.Data), id) {
			t.Error("published now, but the public does not see it")
		}
	})
}

func sameTime(t *testing.T, s string, want time.Time) bool {
	t.Helper()
	got, err := time.Parse(time.RFC3339Nano, s)
	return err == nil && got.Equal(want)
}
