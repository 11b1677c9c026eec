package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"brandshow/ent/mediacoverage"
	"brandshow/server/store/storetest"
)

// TestTimeInputs: a Time input takes a date alone (midnight UTC, as server
// import reads it) or RFC 3339 with any offset; both databases store and
// answer the same instant, and filters take the same forms.
func TestTimeInputs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		var created struct {
			CreateMediaCoverage struct {
				ID          string
				PublishedOn string
			}
		}
		r := e.as(t, "editor", `mutation($in: CreateMediaCoverageInput!) { createMediaCoverage(input: $in) { id publishedOn } }`,
			map[string]any{"in": map[string]any{"slug": "dated-by-day", "titleZh": "报道", "outlet": "示例日报", "medium": "TV", "publishedOn": "2024-03-08"}})
		if len(r.Errors) > 0 {
			t.Fatalf("plain date: %+v", r.Errors)
		}
		_ = json.Unmarshal(r.Data, &created)
		if got := created.CreateMediaCoverage.PublishedOn; got != "2024-03-08T00:00:00Z" {
			t.Errorf("plain date answered %s", got)
		}
		id := created.CreateMediaCoverage.ID
		stored := e.db.Client.MediaCoverage.Query().Where(mediacoverage.Slug("dated-by-day")).OnlyX(e.all()).PublishedOn
		if !stored.Equal(time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("plain date stored as %s", stored)
		}

		// An offset: the same instant, stored in UTC.
		r = e.as(t, "editor", `mutation($id: ID!, $in: UpdateMediaCoverageInput!) { updateMediaCoverage(id: $id, input: $in) { publishedOn } }`,
			map[string]any{"id": id, "in": map[string]any{"publishedOn": "2024-03-08T09:30:00+08:00"}})
		if len(r.Errors) > 0 {
			t.Fatalf("+08:00: %+v", r.Errors)
		}
		if !strings.Contains(string(r.Data), `"2024-03-08T01:30:00Z"`) {
			t.Errorf("+08:00 answered %s", r.Data)
		}
		r = e.as(t, "editor", `query($id: ID!) { node(id: $id) { ... on MediaCoverage { publishedOn } } }`, map[string]any{"id": id})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"2024-03-08T01:30:00Z"`) {
			t.Errorf("+08:00 read back: %s %+v", r.Data, r.Errors)
		}
		// Filters take the same forms, and compare instants.
		for _, where := range []map[string]any{
			{"publishedOnGTE": "2024-03-08", "publishedOnLT": "2024-03-09"},
			{"publishedOnGTE": "2024-03-08T09:00:00+08:00", "publishedOnLT": "2024-03-08T10:00:00+08:00"},
		} {
			where["slug"] = "dated-by-day"
			r = e.as(t, "editor", `query($w: MediaCoverageWhereInput) { mediaCoverages(where: $w) { totalCount } }`, map[string]any{"w": where})
			if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"totalCount":1`) {
				t.Errorf("filter %v: %s %+v", where, r.Data, r.Errors)
			}
		}

		// Events, featuring and alliances take the same forms.
		r = e.as(t, "editor", `mutation($in: CreateEventInput!) { createEvent(input: $in) { startsAt endsAt } }`, map[string]any{"in": map[string]any{
			"slug": "dated-event", "titleZh": "活动", "kind": "FORUM", "regionCode": "421122",
			"startsAt": "2027-04-22T09:00:00+08:00", "endsAt": "2027-04-23"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"startsAt":"2027-04-22T01:00:00Z","endsAt":"2027-04-23T00:00:00Z"`) {
			t.Errorf("event: %s %+v", r.Data, r.Errors)
		}
		brandID := e.draftBrandID(t, "dated-brand")
		r = e.as(t, "publisher", `mutation($id: ID!) { featureBrand(id: $id, rank: 1, from: "2024-03-08", until: "2024-03-09T08:00:00+08:00") { featuredFrom featuredUntil } }`, map[string]any{"id": brandID})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"featuredFrom":"2024-03-08T00:00:00Z","featuredUntil":"2024-03-09T00:00:00Z"`) {
			t.Errorf("featureBrand: %s %+v", r.Data, r.Errors)
		}
		r = e.as(t, "editor", `mutation($in: CreateAllianceInput!) { createAlliance(input: $in) { foundedOn } }`, map[string]any{"in": map[string]any{
			"slug": "dated-alliance", "nameZh": "联盟", "scope": "REGION", "foundedOn": "2019-05-04"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"2019-05-04T00:00:00Z"`) {
			t.Errorf("alliance: %s %+v", r.Data, r.Errors)
		}

		// Not a time: BAD_USER_INPUT naming the value, nothing written.
		before := e.db.Client.MediaCoverage.Query().CountX(e.all())
		for _, bad := range []string{"2024-13-45", "8 March 2024", "2024-03-08T09:30:00"} {
			r = e.as(t, "editor", `mutation($in: CreateMediaCoverageInput!) { createMediaCoverage(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"slug": "bad-date", "titleZh": "报道", "outlet": "示例日报", "medium": "TV", "publishedOn": bad}})
			if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, bad) {
				t.Errorf("%q: %+v", bad, r.Errors)
			}
		}
		if n := e.db.Client.MediaCoverage.Query().CountX(e.all()); n != before {
			t.Errorf("bad dates wrote %d items", n-before)
		}
	})
}
