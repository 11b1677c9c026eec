package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"brandshow/ent/alliance"
	"brandshow/ent/auditentry"
	"brandshow/ent/brand"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/revision"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/token"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/httpapp"
	"brandshow/server/ratelimit"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

// editors holds a token per role on a fresh database with the demo content.
type editors struct {
	db     *store.DB
	h      http.Handler
	tokens map[string]string // role → token; "" is anonymous
}

func newEditors(t *testing.T, dia string) *editors {
	t.Helper()
	db, _ := storetest.Fresh(t, dia, true)
	e := &editors{db: db, h: handlerFor(db), tokens: map[string]string{"anonymous": ""}}
	for _, role := range []string{"editor", "publisher", "admin"} {
		tok, hash, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		db.Client.Token.Create().SetName("test-" + role).SetRole(token.Role(strings.ToUpper(role))).SetHash(hash).SaveX(visibility.WithSystem(context.Background()))
		e.tokens[role] = tok
	}
	return e
}

// as sends a GraphQL request with the role's token.
func (e *editors) as(t *testing.T, role, query string, vars map[string]any) response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tok := e.tokens[role]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var r response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("decode %s: %v", rec.Body.String(), err)
	}
	r.status = rec.Code
	return r
}

// all is the context of the tests' own fixtures: it sees and writes
// everything, as the seed loader does.
func (e *editors) all() context.Context { return visibility.WithSystem(context.Background()) }

func (e *editors) regionID(t *testing.T) string {
	r := e.db.Client.Region.Query().Where(region.Code("421122")).OnlyX(context.Background())
	return strconv.Itoa(r.ID)
}

// draftBrandID creates a fresh draft brand directly and returns its ID.
func (e *editors) draftBrandID(t *testing.T, slug string) string {
	r := e.db.Client.Region.Query().Where(region.Code("421122")).OnlyX(context.Background())
	b := e.db.Client.Brand.Create().SetSlug(slug).SetNameZh("测试品牌").SetRegion(r).
		SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY).SaveX(e.all())
	return strconv.Itoa(b.ID)
}

// draftID creates a draft of a content type directly and returns its ID.
func (e *editors) draftID(t *testing.T, typ, slug string) string {
	ctx, c := e.all(), e.db.Client
	r := c.Region.Query().Where(region.Code("421122")).OnlyX(context.Background())
	var id int
	switch typ {
	case "RoleModel":
		id = c.RoleModel.Create().SetSlug(slug).SetNameZh("示例人物").SetKind(rolemodel.KindFOUNDER).SaveX(ctx).ID
	case "Enterprise":
		id = c.Enterprise.Create().SetSlug(slug).SetNameZh("示例企业").SaveX(ctx).ID
	case "Alliance":
		id = c.Alliance.Create().SetSlug(slug).SetNameZh("示例联盟").SetScope(alliance.ScopeREGION).SaveX(ctx).ID
	case "Venue":
		id = c.Venue.Create().SetSlug(slug).SetNameZh("示例场馆").SetKind(venue.KindTRAINING_BASE).SetLatitude(31).SetLongitude(114.5).SetRegion(r).SaveX(ctx).ID
	case "MediaCoverage":
		id = c.MediaCoverage.Create().SetSlug(slug).SetTitleZh("示例报道").SetOutlet("示例日报").SetMedium(mediacoverage.MediumRADIO).SetPublishedOn(time.Now()).SaveX(ctx).ID
	default:
		t.Fatalf("no draft maker for %s", typ)
	}
	return strconv.Itoa(id)
}

// pendingRevisionID creates a published brand with a pending revision (an
// editor's edit) and returns the revision's ID.
func (e *editors) pendingRevisionID(t *testing.T, slug string) string {
	t.Helper()
	id, _ := strconv.Atoi(e.brandID(t, slug, false))
	editor := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "test-editor", Role: visibility.RoleEditor})
	e.db.Client.Brand.UpdateOneID(id).SetSummaryZh("修订").ExecX(editor)
	rev := e.db.Client.Revision.Query().Where(revision.ItemID(id), revision.StatusEQ(revision.StatusPENDING)).OnlyX(e.all())
	return strconv.Itoa(rev.ID)
}

// brandID creates a published brand, featured or not.
func (e *editors) brandID(t *testing.T, slug string, featured bool) string {
	r := e.db.Client.Region.Query().Where(region.Code("421122")).OnlyX(context.Background())
	b := e.db.Client.Brand.Create().SetSlug(slug).SetNameZh("测试品牌").SetRegion(r).SetStatus(schematype.StatusPublished).
		SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY).SetFeatured(featured).SaveX(e.all())
	return strconv.Itoa(b.ID)
}

func (e *editors) publishedBrandID(t *testing.T) string {
	b := e.db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(context.Background())
	return strconv.Itoa(b.ID)
}

func code(r response) string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// TestMutationRoleMatrix runs each mutation as anonymous, editor, publisher
// and admin and checks who may do what.
func TestMutationRoleMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		type mutation struct {
			name    string
			minRole string // editor, publisher
			query   string
			vars    func(role string) map[string]any
			action  string // the audit action a successful run records
		}
		n := 0
		uniq := func(prefix string) string { n++; return fmt.Sprintf("%s-%d", prefix, n) }
		mutations := []mutation{
			{"createBrand", "editor", `mutation($in: CreateBrandInput!) { createBrand(input: $in) { id slug status } }`,
				func(string) map[string]any {
					return map[string]any{"in": map[string]any{"slug": uniq("new-brand"), "nameZh": "新品牌", "category": "QUALITY_SERVICE", "level": "COUNTY", "regionID": e.regionID(t)}}
				}, "CREATE"},
			{"updateBrand (draft)", "editor", `mutation($id: ID!) { updateBrand(id: $id, input: {summaryZh: "更新后的简介"}) { id summaryZh } }`,
				func(string) map[string]any { return map[string]any{"id": e.draftBrandID(t, uniq("draft"))} }, "UPDATE"},
			// Editing a published item is a pending revision (no audit entry
			// until it is published: TestPendingRevisions); publishing it
			// is for publishers.
			{"updateBrand (published)", "editor", `mutation($id: ID!, $text: String!) { updateBrand(id: $id, input: {summaryEn: $text}) { id } }`,
				func(role string) map[string]any {
					return map[string]any{"id": e.publishedBrandID(t), "text": "Updated by " + role}
				}, ""},
			{"publishRevision", "publisher", `mutation($id: ID!) { publishRevision(id: $id) { status } }`,
				func(role string) map[string]any { return map[string]any{"id": e.pendingRevisionID(t, uniq("revised"))} }, "UPDATE"},
			{"deleteBrand", "publisher", `mutation($id: ID!) { deleteBrand(id: $id) }`,
				func(string) map[string]any { return map[string]any{"id": e.draftBrandID(t, uniq("doomed"))} }, "DELETE"},
			{"publish", "publisher", `mutation($id: ID!) { publish(id: $id) { id ... on Brand { status } } }`,
				func(string) map[string]any { return map[string]any{"id": e.draftBrandID(t, uniq("to-publish"))} }, "PUBLISH"},
			{"unpublish", "publisher", `mutation($id: ID!) { unpublish(id: $id) { id } }`,
				func(string) map[string]any { return map[string]any{"id": e.publishedBrandID(t)} }, "UNPUBLISH"},
			{"featureBrand", "publisher", `mutation($id: ID!) { featureBrand(id: $id, rank: 1) { featured featuredRank } }`,
				func(string) map[string]any { return map[string]any{"id": e.brandID(t, uniq("plain"), false)} }, "FEATURE"},
			{"unfeatureBrand", "publisher", `mutation($id: ID!) { unfeatureBrand(id: $id) { featured } }`,
				func(string) map[string]any { return map[string]any{"id": e.brandID(t, uniq("starred"), true)} }, "UNFEATURE"},
			{"createVenue", "editor", `mutation($in: CreateVenueInput!) { createVenue(input: $in) { id } }`,
				func(string) map[string]any {
					return map[string]any{"in": map[string]any{"slug": uniq("venue"), "nameZh": "新场馆", "kind": "EXPERIENCE_HALL", "latitude": 30.5, "longitude": 114.3, "regionID": e.regionID(t)}}
				}, "CREATE"},
			{"createRoleModel", "editor", `mutation($in: CreateRoleModelInput!) { createRoleModel(input: $in) { id } }`,
				func(string) map[string]any {
					return map[string]any{"in": map[string]any{"slug": uniq("person"), "nameZh": "示例人物", "kind": "FOUNDER"}}
				}, "CREATE"},
			{"createMediaCoverage", "editor", `mutation($in: CreateMediaCoverageInput!) { createMediaCoverage(input: $in) { id } }`,
				func(string) map[string]any {
					return map[string]any{"in": map[string]any{"slug": uniq("report"), "titleZh": "报道", "outlet": "示例日报", "medium": "NEWSPAPER", "publishedOn": "2024-05-01T00:00:00Z", "url": "https://example.com/a"}}
				}, "CREATE"},
			{"createEnterprise", "editor", `mutation($in: CreateEnterpriseInput!) { createEnterprise(input: $in) { id } }`,
				func(string) map[string]any {
					return map[string]any{"in": map[string]any{"slug": uniq("company"), "nameZh": "示例企业"}}
				}, "CREATE"},
			{"createAlliance", "editor", `mutation($in: CreateAllianceInput!) { createAlliance(input: $in) { id } }`,
				func(string) map[string]any {
					return map[string]any{"in": map[string]any{"slug": uniq("alliance"), "nameZh": "示例联盟", "scope": "INDUSTRY"}}
				}, "CREATE"},
		}
		for _, typ := range []string{"RoleModel", "Enterprise", "Alliance", "Venue", "MediaCoverage"} {
			mutations = append(mutations,
				mutation{"update" + typ + " (draft)", "editor", fmt.Sprintf(`mutation($id: ID!) { update%s(id: $id, input: {%s: "Edited"}) { id } }`, typ, map[bool]string{true: "titleEn", false: "nameEn"}[typ == "MediaCoverage"]),
					func(string) map[string]any { return map[string]any{"id": e.draftID(t, typ, uniq("d"))} }, "UPDATE"},
				mutation{"delete" + typ, "publisher", fmt.Sprintf(`mutation($id: ID!) { delete%s(id: $id) }`, typ),
					func(string) map[string]any { return map[string]any{"id": e.draftID(t, typ, uniq("d"))} }, "DELETE"},
				mutation{"publish " + typ, "publisher", `mutation($id: ID!) { publish(id: $id) { id } }`,
					func(string) map[string]any { return map[string]any{"id": e.draftID(t, typ, uniq("d"))} }, "PUBLISH"},
			)
		}
		admin := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin})
		rank := map[string]int{"anonymous": 0, "editor": 1, "publisher": 2, "admin": 3}
		for _, m := range mutations {
			for _, role := range []string{"anonymous", "editor", "publisher", "admin"} {
				audited := e.db.Client.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.Action(m.action)), auditentry.Actor("test-"+role)).CountX(admin)
				r := e.as(t, role, m.query, m.vars(role))
				allowed := rank[role] >= rank[m.minRole]
				if allowed && len(r.Errors) == 0 && m.action != "" {
					after := e.db.Client.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.Action(m.action)), auditentry.Actor("test-"+role)).CountX(admin)
					if after != audited+1 {
						t.Errorf("%s as %s: %d new %s audit entries, want 1", m.name, role, after-audited, m.action)
					}
				}
				switch {
				case allowed && len(r.Errors) > 0:
					t.Errorf("%s as %s: refused: %+v", m.name, role, r.Errors)
				case !allowed && role == "anonymous" && code(r) != "UNAUTHENTICATED":
					t.Errorf("%s as anonymous: %+v, want UNAUTHENTICATED", m.name, r.Errors)
				case !allowed && role != "anonymous" && code(r) != "FORBIDDEN":
					t.Errorf("%s as %s: %+v, want FORBIDDEN", m.name, role, r.Errors)
				}
			}
		}
		// A revoked or unknown token is refused with 401, not treated as anonymous.
		e.db.Client.Token.Update().Where(token.Name("test-editor")).SetRevokedAt(e.db.Client.Token.Query().FirstX(context.Background()).CreatedAt).ExecX(visibility.WithSystem(context.Background()))
		if r := e.as(t, "editor", `{ viewer { name } }`, nil); r.status != 401 || code(r) != "UNAUTHENTICATED" {
			t.Errorf("revoked token: %d %+v", r.status, r.Errors)
		}
		e.tokens["bogus"] = "bs_not-a-real-token"
		if r := e.as(t, "bogus", `{ stats { brandCount } }`, nil); r.status != 401 {
			t.Errorf("unknown token: %d", r.status)
		}
		var v struct{ Viewer struct{ Name, Role string } }
		r := e.as(t, "publisher", `{ viewer { name role } }`, nil)
		_ = json.Unmarshal(r.Data, &v)
		if v.Viewer.Name != "test-publisher" || v.Viewer.Role != "PUBLISHER" {
			t.Errorf("viewer = %+v", v.Viewer)
		}
	})
}

// TestAuditLog checks that a mutation records who, what and the changed
// fields, and that only admins read the log.
func TestAuditLog(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.draftBrandID(t, "audited-brand")
		r := e.as(t, "editor", `mutation($id: ID!) { updateBrand(id: $id, input: {summaryZh: "新简介", industryZh: "家政服务"}) { id } }`, map[string]any{"id": id})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		r = e.as(t, "publisher", `mutation($id: ID!) { publish(id: $id) { id } }`, map[string]any{"id": id})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		q := `query($id: ID!) { auditLog(where: {entityID: $id}, orderBy: {field: AT, direction: ASC}) { totalCount edges { node { actor action entityType entityID changes { field from to } } } } }`
		r = e.as(t, "admin", q, map[string]any{"id": id})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var got struct {
			AuditLog struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Actor, Action, EntityType, EntityID string
						Changes                             []struct{ Field, From, To string }
					}
				}
			}
		}
		_ = json.Unmarshal(r.Data, &got)
		if got.AuditLog.TotalCount != 2 {
			t.Fatalf("audit entries %+v", got.AuditLog)
		}
		upd, pub := got.AuditLog.Edges[0].Node, got.AuditLog.Edges[1].Node
		if upd.Actor != "test-editor" || upd.Action != "UPDATE" || upd.EntityType != "Brand" || upd.EntityID != id {
			t.Errorf("update entry %+v", upd)
		}
		changed := map[string][2]string{}
		for _, c := range upd.Changes {
			changed[c.Field] = [2]string{c.From, c.To}
		}
		// (Worker numbers are not audited on the brand: they are its
		// figures', see TestWorkersAreTheLatestPublicFigure.)
		if changed["summary_zh"] != [2]string{"", "新简介"} || changed["industry_zh"] != [2]string{"", "家政服务"} {
			t.Errorf("changes %+v", upd.Changes)
		}
		if pub.Actor != "test-publisher" || pub.Action != "PUBLISH" {
			t.Errorf("publish entry %+v", pub)
		}
		for role, want := range map[string]string{"anonymous": "UNAUTHENTICATED", "editor": "FORBIDDEN", "publisher": "FORBIDDEN"} {
			if r := e.as(t, role, q, map[string]any{"id": id}); code(r) != want {
				t.Errorf("auditLog as %s: %+v", role, r.Errors)
			}
		}
		// A node lookup of an entry is guarded the same way.
		entry := e.db.Client.AuditEntry.Query().FirstX(visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin}))
		if r := e.as(t, "anonymous", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": strconv.Itoa(entry.ID)}); !strings.Contains(string(r.Data), "null") || len(r.Errors) == 0 {
			t.Errorf("node(audit entry) as anonymous: %s %+v", r.Data, r.Errors)
		}
		// Only content is audited, not the search index that mirrors it.
		admin := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin})
		if n := e.db.Client.AuditEntry.Query().Where(auditentry.EntityTypeNEQ("Brand")).CountX(admin); n != 0 {
			t.Errorf("%d audit entries for other types than Brand", n)
		}
		// Links are recorded as LINK entries (the brand is published: the
		// link waits in a pending revision until it is published).
		person := e.db.Client.RoleModel.Query().FirstX(e.all())
		r = e.as(t, "publisher", `mutation($id: ID!, $p: ID!) { updateBrand(id: $id, input: {addRoleModelIDs: [$p]}) { id } }`, map[string]any{"id": id, "p": strconv.Itoa(person.ID)})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		e.publishPending(t, id)
		n := e.db.Client.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionLINK)).CountX(visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin}))
		if n != 1 {
			t.Errorf("%d LINK entries, want 1", n)
		}
	})
}

// TestValidationChangesNothing sends bad input for each rule and checks the
// error names the field and nothing was written.
func TestValidationChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		region := e.regionID(t)
		valid := func() map[string]any {
			return map[string]any{"slug": "valid-slug", "nameZh": "有效品牌", "category": "QUALITY_SERVICE", "level": "COUNTY", "regionID": region}
		}
		with := func(k string, v any) map[string]any { in := valid(); in[k] = v; return in }
		cases := []struct {
			name  string
			input map[string]any
			want  string
		}{
			{"empty Chinese name", with("nameZh", ""), "nameZh"},
			{"name too long", with("nameZh", strings.Repeat("长", 65)), "nameZh"},
			{"negative workers", with("workersEmployed", -5), "workersEmployed"},
			{"year out of range", with("foundedYear", 3000), "foundedYear"},
			{"bad slug", with("slug", "Not A Slug!"), "slug"},
			{"duplicate slug", with("slug", publishedBrands()[0].Slug), "slug"},
			{"script in text", with("storyZh", `好<script>alert(1)</script>`), "storyZh"},
			{"javascript logo", with("logo", map[string]any{"url": "javascript:alert(1)", "alt": "x"}), "logo"},
			{"data picture", with("pictures", []any{map[string]any{"url": "data:text/html,hi", "alt": "x"}}), "pictures"},
			{"unknown region", with("regionID", "17179869184999"), ""},
			{"unknown linked person", with("roleModelIDs", []any{"21474836480999"}), ""},
		}
		before := e.db.Client.Brand.Query().CountX(e.all())
		audits := e.db.Client.AuditEntry.Query().CountX(visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin}))
		for _, c := range cases {
			r := e.as(t, "publisher", `mutation($in: CreateBrandInput!) { createBrand(input: $in) { id } }`, map[string]any{"in": c.input})
			if len(r.Errors) == 0 {
				t.Errorf("%s: accepted", c.name)
				continue
			}
			msg := r.Errors[0].Message
			if code(r) != "BAD_USER_INPUT" && code(r) != "NOT_FOUND" {
				t.Errorf("%s: code %s (%s)", c.name, code(r), msg)
			}
			if c.want != "" && !strings.Contains(msg, c.want) {
				t.Errorf("%s: message %q does not name %s", c.name, msg, c.want)
			}
			// Forms show the message at the field named by extensions.field
			// (a duplicate slug is known from the database's constraint only).
			if f, _ := r.Errors[0].Extensions["field"].(string); c.want != "" && c.name != "duplicate slug" && f != c.want {
				t.Errorf("%s: extensions.field %q, want %q", c.name, f, c.want)
			}
			if strings.Contains(strings.ToLower(msg), "insert") || strings.Contains(msg, "pq:") || strings.Contains(msg, "SQL") {
				t.Errorf("%s: message leaks SQL: %q", c.name, msg)
			}
		}
		for _, c := range []struct{ name, lat string }{{"latitude", "95"}, {"longitude", "200"}} {
			in := map[string]any{"slug": "bad-venue", "nameZh": "场馆", "kind": "EXPERIENCE_HALL", "latitude": 30.0, "longitude": 114.0, "regionID": region}
			v, _ := strconv.ParseFloat(c.lat, 64)
			in[c.name] = v
			if r := e.as(t, "editor", `mutation($in: CreateVenueInput!) { createVenue(input: $in) { id } }`, map[string]any{"in": in}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, c.name) {
				t.Errorf("venue %s out of range: %+v", c.name, r.Errors)
			}
		}
		if r := e.as(t, "editor", `mutation($in: CreateMediaCoverageInput!) { createMediaCoverage(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"slug": "bad-url", "titleZh": "报道", "outlet": "示例日报", "medium": "TV", "publishedOn": "2024-01-01T00:00:00Z", "url": "javascript:alert(1)"}}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "url") {
			t.Errorf("javascript: URL: %+v", r.Errors)
		}
		if after := e.db.Client.Brand.Query().CountX(e.all()); after != before {
			t.Errorf("bad input changed the brands: %d → %d", before, after)
		}
		if n := e.db.Client.AuditEntry.Query().CountX(visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin})); n != audits {
			t.Errorf("bad input left %d audit entries", n-audits)
		}
	})
}

// TestEditorsSeeDrafts: the public never sees a draft; a token holder does,
// and can filter by status.
func TestEditorsSeeDrafts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		draft := draftBrand(t)
		q := `query($s: String!) { brand(slug: $s) { slug status } brands(where: {status: DRAFT}) { totalCount } }`
		var anon, ed struct {
			Brand  *struct{ Slug, Status string }
			Brands struct{ TotalCount int }
		}
		_ = json.Unmarshal(e.as(t, "anonymous", q, map[string]any{"s": draft.Slug}).Data, &anon)
		_ = json.Unmarshal(e.as(t, "editor", q, map[string]any{"s": draft.Slug}).Data, &ed)
		if anon.Brand != nil || anon.Brands.TotalCount != 0 {
			t.Errorf("anonymous sees drafts: %+v", anon)
		}
		drafts := 0
		for _, b := range seed.DemoBrands() {
			if b.Draft {
				drafts++
			}
		}
		if ed.Brand == nil || ed.Brand.Status != "DRAFT" || ed.Brands.TotalCount != drafts {
			t.Errorf("editor: %+v, want the draft and %d drafts", ed, drafts)
		}
	})
}

// TestTokenHoldersAreLimitedByToken: an editor's requests use the token's
// bucket, not the IP's, and an anonymous client at the same address keeps
// its own.
func TestTokenHoldersAreLimitedByToken(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", true)
	tok, hash, _ := auth.NewToken()
	db.Client.Token.Create().SetName("limited").SetRole(token.RoleEDITOR).SetHash(hash).SaveX(visibility.WithSystem(context.Background()))
	h := httpapp.New(httpapp.Config{DB: db, Logger: quiet(),
		RateLimit: ratelimit.Config{Rate: 0.001, Burst: 2, TokenRate: 0.001, TokenBurst: 3}})
	send := func(withToken bool) int {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ viewer { name } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = "198.51.100.20:1"
		if withToken {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := range 3 {
		if c := send(true); c != 200 {
			t.Fatalf("token request %d: %d", i, c)
		}
	}
	if c := send(true); c != http.StatusTooManyRequests {
		t.Fatalf("4th token request: %d, want 429", c)
	}
	for i := range 2 {
		if c := send(false); c != 200 {
			t.Fatalf("anonymous request %d from the same IP: %d", i, c)
		}
	}
}
