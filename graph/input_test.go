package graph_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/server/store/storetest"
)

// xss is what an attacker (or a careless copy from a web page) puts in a
// text field, hoping that a client inserts it as HTML.
const xss = "<img src=x onerror=alert(1)>"

// refused checks that a request failed with BAD_USER_INPUT whose message
// names want.
func refused(t *testing.T, what string, r response, want string) {
	t.Helper()
	if len(r.Errors) == 0 {
		t.Errorf("%s: accepted: %s", what, r.Data)
		return
	}
	if c := code(r); c != "BAD_USER_INPUT" {
		t.Errorf("%s: code %s (%s), want BAD_USER_INPUT", what, c, r.Errors[0].Message)
	}
	if !strings.Contains(r.Errors[0].Message, want) {
		t.Errorf("%s: message %q does not name %s", what, r.Errors[0].Message, want)
	}
}

// TestCountsOutOfRangeAreRefused: every count that stats adds up has an
// upper bound, so 2^63-1 workers is a BAD_USER_INPUT, not an overflow of
// the public key figures later.
func TestCountsOutOfRangeAreRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.publishedBrandID(t)
		for _, c := range []struct {
			field string
			value int64
		}{
			{"workersEmployed", math.MaxInt64},
			{"workersExported", math.MaxInt64},
			{"workersEmployed", schematype.MaxWorkers + 1},
			{"trademarkCount", schematype.MaxRegistrations + 1},
			{"patentCount", math.MaxInt64},
		} {
			r := e.as(t, "publisher", `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { id } }`,
				map[string]any{"id": id, "in": map[string]any{c.field: c.value}})
			refused(t, fmt.Sprintf("%s = %d", c.field, c.value), r, c.field)
		}
		r := e.as(t, "publisher", `mutation($id: ID!) { featureBrand(id: $id, rank: 2000000) { id } }`, map[string]any{"id": id})
		refused(t, "featured rank 2000000", r, "featuredRank")
		// The largest allowed values are accepted, and stats adds them up.
		r = e.as(t, "publisher", `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { id } }`,
			map[string]any{"id": id, "in": map[string]any{"workersEmployed": schematype.MaxWorkers, "workersExported": schematype.MaxWorkers}})
		if len(r.Errors) > 0 {
			t.Fatalf("largest counts refused: %+v", r.Errors)
		}
		e.publishPending(t, id) // the brand is published: the counts wait in a revision
		var out struct {
			Stats struct{ WorkersEmployed int64 }
		}
		mustQuery(t, e.h, `{ stats { workersEmployed } }`, nil, &out)
		if out.Stats.WorkersEmployed < schematype.MaxWorkers {
			t.Errorf("stats.workersEmployed = %d, want at least %d", out.Stats.WorkersEmployed, schematype.MaxWorkers)
		}
	})
}

// TestStatsSurviveOutOfRangeCounts: a database written before the ranges
// existed (or by hand) may hold counts beyond them; the public key figures
// still answer, counting each brand at most the largest allowed value,
// instead of failing with an integer overflow.
func TestStatsSurviveOutOfRangeCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		ctx := context.Background()
		published := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).CountX(ctx)
		if _, err := db.SQL.ExecContext(ctx, "UPDATE brands SET workers_employed = "+strconv.FormatInt(math.MaxInt64, 10)+
			", workers_exported = -5 WHERE status = 'PUBLISHED'"); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Stats struct{ BrandCount, WorkersEmployed, WorkersExported int64 }
		}
		mustQuery(t, handlerFor(db), `{ stats { brandCount workersEmployed workersExported } }`, nil, &out)
		if want := int64(published) * schematype.MaxWorkers; out.Stats.WorkersEmployed != want || out.Stats.WorkersExported != 0 {
			t.Errorf("stats = %+v, want workersEmployed %d (clamped) and workersExported 0", out.Stats, want)
		}
	})
}

// TestControlCharactersAreBadUserInput: a NUL (which PostgreSQL cannot
// take) or another control character in any string argument, variable or
// literal, of a query or a mutation, is refused before anything runs.
func TestControlCharactersAreBadUserInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		nul := "hongan\x00dasao"
		for _, c := range []struct {
			name, query string
			vars        map[string]any
		}{
			{"slug variable", `query($s: String!) { brand(slug: $s) { id } }`, map[string]any{"s": nul}},
			{"slug literal", `{ roleModel(slug: "a\u0000b") { id } }`, nil},
			{"region code", `query($s: String!) { region(code: $s) { id } }`, map[string]any{"s": "4211\x0022"}},
			{"regionCode argument", `query($s: String) { featuredBrands(regionCode: $s) { id } }`, map[string]any{"s": "\x00"}},
			{"where contains", `query($s: String) { brands(where: {nameZhContains: $s}) { totalCount } }`, map[string]any{"s": "红\x00"}},
			{"nested where literal", `{ regions(where: {hasBrandsWith: [{or: [{slugHasPrefix: "a\u0000"}]}]}) { totalCount } }`, nil},
			{"search query", `query($s: String!) { search(query: $s) { totalCount } }`, map[string]any{"s": "大嫂\x00"}},
			{"escape character", `query($s: String!) { brand(slug: $s) { id } }`, map[string]any{"s": "a\x1bb"}},
			{"in a list", `query($s: [String!]) { brands(where: {slugIn: $s}) { totalCount } }`, map[string]any{"s": []any{"ok", "a\x00"}}},
		} {
			for _, role := range []string{"anonymous", "editor"} {
				r := e.as(t, role, c.query, c.vars)
				refused(t, c.name+" as "+role, r, "control character")
			}
		}
		region := e.regionID(t)
		create := `mutation($in: CreateBrandInput!) { createBrand(input: $in) { id } }`
		n := 0
		in := func(k, v string) map[string]any {
			n++
			return map[string]any{"in": map[string]any{"slug": fmt.Sprintf("ctl-test-%d", n), "nameZh": "测试", "category": "LIVELIHOOD", "level": "COUNTY", "regionID": region, k: v}}
		}
		refused(t, "NUL in a mutation", e.as(t, "publisher", create, in("storyZh", "第一段\x00")), "control character")
		refused(t, "line break in a name", e.as(t, "publisher", create, in("nameZh", "红安\n大嫂")), "nameZh")
		if r := e.as(t, "publisher", create, in("storyZh", "第一段\n\n\t第二段\r\n")); len(r.Errors) > 0 {
			t.Errorf("line breaks and tabs in a long text refused: %+v", r.Errors)
		}
	})
}

// TestEveryTextFieldIsPlainText: the plain-text rule and a length limit
// hold for every text field, not only the Chinese/English pairs: outlet,
// author, studios, phone, honours (each entry, and how many) and the alt
// texts of pictures.
func TestEveryTextFieldIsPlainText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		region := e.regionID(t)
		pic := func(alt, altEn string) map[string]any {
			return map[string]any{"url": "https://example.com/a.jpg", "alt": alt, "altEn": altEn}
		}
		coverage := func(k string, v any) map[string]any {
			in := map[string]any{"slug": "xss-coverage", "titleZh": "报道", "outlet": "示例日报", "medium": "TV", "publishedOn": "2024-01-01T00:00:00Z"}
			in[k] = v
			return in
		}
		person := func(k string, v any) map[string]any {
			in := map[string]any{"slug": "xss-person", "nameZh": "示例人物", "kind": "FOUNDER"}
			in[k] = v
			return in
		}
		venue := func(k string, v any) map[string]any {
			in := map[string]any{"slug": "xss-venue", "nameZh": "场馆", "kind": "EXPERIENCE_HALL", "latitude": 30.0, "longitude": 114.0, "regionID": region}
			in[k] = v
			return in
		}
		brandIn := func(k string, v any) map[string]any {
			in := map[string]any{"slug": "xss-brand", "nameZh": "品牌", "category": "LIVELIHOOD", "level": "COUNTY", "regionID": region}
			in[k] = v
			return in
		}
		manyHonours := make([]string, 8000)
		for i := range manyHonours {
			manyHonours[i] = "荣"
		}
		for i, c := range []struct {
			name, mutation string
			input          map[string]any
			want           string
		}{
			{"outlet", "createMediaCoverage(input: $in: CreateMediaCoverageInput!)", coverage("outlet", xss), "outlet"},
			{"author", "createMediaCoverage(input: $in: CreateMediaCoverageInput!)", coverage("author", xss), "author"},
			{"studioZh", "createRoleModel(input: $in: CreateRoleModelInput!)", person("studioZh", xss), "studioZh"},
			{"studioEn", "createRoleModel(input: $in: CreateRoleModelInput!)", person("studioEn", xss), "studioEn"},
			{"honoursZh entry", "createRoleModel(input: $in: CreateRoleModelInput!)", person("honoursZh", []any{"劳动模范", xss}), "honoursZh"},
			{"honoursEn entry", "createRoleModel(input: $in: CreateRoleModelInput!)", person("honoursEn", []any{xss}), "honoursEn"},
			{"8000 honours", "createRoleModel(input: $in: CreateRoleModelInput!)", person("honoursZh", manyHonours), "honoursZh"},
			{"60000-character honour", "createRoleModel(input: $in: CreateRoleModelInput!)", person("honoursEn", []any{strings.Repeat("a", 60000)}), "honoursEn"},
			{"portrait alt", "createRoleModel(input: $in: CreateRoleModelInput!)", person("portrait", pic(xss, "")), "portrait"},
			{"phone", "createVenue(input: $in: CreateVenueInput!)", venue("phone", xss), "phone"},
			{"picture alt", "createVenue(input: $in: CreateVenueInput!)", venue("pictures", []any{pic(xss, "")}), "pictures"},
			{"picture altEn", "createVenue(input: $in: CreateVenueInput!)", venue("pictures", []any{pic("图", xss)}), "pictures"},
			{"logo alt", "createBrand(input: $in: CreateBrandInput!)", brandIn("logo", pic("标志", xss)), "logo"},
		} {
			c.input["slug"] = fmt.Sprintf("xss-%d", i)
			field, args, _ := strings.Cut(c.mutation, "(")
			decl := strings.TrimSuffix(strings.TrimPrefix(args, "input: "), ")")
			q := fmt.Sprintf("mutation(%s) { %s(input: $in) { id } }", decl, field)
			refused(t, c.name, e.as(t, "publisher", q, map[string]any{"in": c.input}), c.want)
		}
		if n := e.db.Client.RoleModel.Query().CountX(e.all()); n == 0 {
			t.Fatal("no role models")
		}
	})
}

// TestAppendInputsAppendAndValidate: appendPictures, appendHonoursZh and
// appendHonoursEn add their entries at the end of the list (after the set
// value when both are given), and the resulting list passes the same
// checks as a set one: plain text, entry length and count.
func TestAppendInputsAppendAndValidate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		ctx := e.all()
		person := e.draftID(t, "RoleModel", "append-person")
		updatePerson := `mutation($id: ID!, $in: UpdateRoleModelInput!) { updateRoleModel(id: $id, input: $in) { id } }`
		honours := func() ([]string, []string) {
			id, _ := strconv.Atoi(person)
			p := e.db.Client.RoleModel.GetX(ctx, id)
			return p.HonoursZh, p.HonoursEn
		}
		mustUpdate := func(q, id string, in map[string]any) {
			t.Helper()
			if r := e.as(t, "editor", q, map[string]any{"id": id, "in": in}); len(r.Errors) > 0 {
				t.Fatalf("update %v: %+v", in, r.Errors)
			}
		}
		mustUpdate(updatePerson, person, map[string]any{"honoursZh": []any{"一"}})
		mustUpdate(updatePerson, person, map[string]any{"appendHonoursZh": []any{"二"}, "appendHonoursEn": []any{"Two"}})
		if zh, en := honours(); !reflect.DeepEqual(zh, []string{"一", "二"}) || !reflect.DeepEqual(en, []string{"Two"}) {
			t.Fatalf("after append: honoursZh %q, honoursEn %q", zh, en)
		}
		mustUpdate(updatePerson, person, map[string]any{"honoursZh": []any{"甲"}, "appendHonoursZh": []any{"乙"}})
		if zh, _ := honours(); !reflect.DeepEqual(zh, []string{"甲", "乙"}) {
			t.Fatalf("set and append: honoursZh %q, want [甲 乙]", zh)
		}
		mustUpdate(updatePerson, person, map[string]any{"clearHonoursEn": true, "appendHonoursEn": []any{"Only"}})
		if _, en := honours(); !reflect.DeepEqual(en, []string{"Only"}) {
			t.Fatalf("clear and append: honoursEn %q, want [Only]", en)
		}

		many := make([]any, schematype.MaxListEntries-1)
		for i := range many {
			many[i] = "荣誉"
		}
		refused(t, "append a tag", e.as(t, "editor", updatePerson, map[string]any{"id": person, "in": map[string]any{"appendHonoursZh": []any{xss}}}), "honoursZh")
		refused(t, "append past the entry limit", e.as(t, "editor", updatePerson, map[string]any{"id": person, "in": map[string]any{"appendHonoursZh": many}}), "honoursZh")
		refused(t, "append an overlong entry", e.as(t, "editor", updatePerson, map[string]any{"id": person, "in": map[string]any{"appendHonoursEn": []any{strings.Repeat("a", schematype.MaxListEntryLen+1)}}}), "honoursEn")
		if zh, en := honours(); !reflect.DeepEqual(zh, []string{"甲", "乙"}) || !reflect.DeepEqual(en, []string{"Only"}) {
			t.Fatalf("a refused append changed the lists: %q, %q", zh, en)
		}

		pic := func(n int) map[string]any {
			return map[string]any{"url": fmt.Sprintf("https://example.com/%d.jpg", n), "alt": fmt.Sprintf("图%d", n)}
		}
		for _, c := range []struct{ typ, id, update string }{
			{"Brand", e.draftBrandID(t, "append-brand"), `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { id } }`},
			{"Venue", e.draftID(t, "Venue", "append-venue"), `mutation($id: ID!, $in: UpdateVenueInput!) { updateVenue(id: $id, input: $in) { id } }`},
		} {
			pictures := func() []schematype.Picture {
				id, _ := strconv.Atoi(c.id)
				if c.typ == "Brand" {
					return e.db.Client.Brand.GetX(ctx, id).Pictures
				}
				return e.db.Client.Venue.GetX(ctx, id).Pictures
			}
			mustUpdate(c.update, c.id, map[string]any{"pictures": []any{pic(1)}})
			mustUpdate(c.update, c.id, map[string]any{"appendPictures": []any{pic(2)}})
			if got := pictures(); len(got) != 2 || got[0].Alt != "图1" || got[1].Alt != "图2" {
				t.Fatalf("%s after appendPictures: %+v", c.typ, got)
			}
			bad := pic(3)
			bad["alt"] = xss
			refused(t, c.typ+" append a picture with a tag", e.as(t, "editor", c.update, map[string]any{"id": c.id, "in": map[string]any{"appendPictures": []any{bad}}}), "pictures")
			bad = pic(3)
			bad["url"] = "javascript:alert(1)"
			refused(t, c.typ+" append a javascript: picture", e.as(t, "editor", c.update, map[string]any{"id": c.id, "in": map[string]any{"appendPictures": []any{bad}}}), "pictures")
			gallery := make([]any, schematype.MaxPictures-1)
			for i := range gallery {
				gallery[i] = pic(i + 10)
			}
			refused(t, c.typ+" append past the gallery limit", e.as(t, "editor", c.update, map[string]any{"id": c.id, "in": map[string]any{"appendPictures": gallery}}), "pictures")
			if got := pictures(); len(got) != 2 {
				t.Fatalf("%s: a refused append changed the pictures: %d", c.typ, len(got))
			}
		}
	})
}

// TestFeedSlugWithControlCharacterIsNotFound: the slug in a feed's path is
// input too; a NUL in it (%00) is an unknown brand, not a database error.
func TestFeedSlugWithControlCharacterIsNotFound(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		for _, path := range []string{"/feeds/brands/hongan%00dasao.atom", "/feeds/brands/%1b.atom", "/feeds/brands/%ff.atom"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
			if rec.Code != http.StatusNotFound {
				t.Errorf("GET %s: %d, want 404", path, rec.Code)
			}
		}
	})
}
