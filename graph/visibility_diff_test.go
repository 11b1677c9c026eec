package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/changelogentry"
	"brandshow/ent/figure"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/recognition"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
	"brandshow/graph"
	"brandshow/server/httpapp"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect/sql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestDraftsChangeNoAnonymousAnswer is the differential proof of "the public
// never sees a draft": it generates, from the GraphQL schema, a query for every
// where-input field path reachable from every root connection (the type's
// own fields, has<Edge>With two levels deep, and each wrapped in not/and/or)
// and every ordering, runs them anonymously against a database whose drafts
// are linked to everything, deletes the drafts, runs them again, and requires
// the same answers. A draft that influences any answer — through an edge
// predicate, an edge count or a cursor — fails it.
func TestDraftsChangeNoAnonymousAnswer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		since := changesHeadCursor(t, db.Client)
		drafts := linkDraftsToEverything(t, db.Client)
		drafts.changesSince = since
		queries := visibilityProbes(t, drafts)
		h := probeHandler(db)

		before := runProbes(t, h, queries)
		// A probe the schema refuses would answer the same error twice and
		// prove nothing: the generator must only write valid probes.
		for i, a := range before {
			if strings.Contains(a, "GRAPHQL_VALIDATION_FAILED") || strings.Contains(a, "GRAPHQL_PARSE_FAILED") || a == "" {
				t.Fatalf("probe is not a valid query (%s):\n  %s", a, queries[i])
			}
		}
		// A preview probe proves something only if the link answers.
		for i, q := range queries {
			if strings.HasPrefix(q, "preview(") && !strings.Contains(before[i], `"roleModels"`) && !strings.Contains(before[i], `"brands"`) {
				t.Errorf("a preview link does not answer its item:\n  %.200s\n  %.300s", q, before[i])
			}
		}
		// The change log keeps its entries when the drafts are deleted, so
		// comparing answers could not tell a logged draft: its answers
		// must name no draft at all.
		for i, q := range queries {
			if !strings.HasPrefix(q, "changes") {
				continue
			}
			for _, id := range drafts.ids {
				if strings.Contains(before[i], `"`+id+`"`) {
					t.Errorf("the changes feed names draft %s:\n  %s\n  %.500s", id, q, before[i])
				}
			}
		}
		deleteDrafts(t, db.Client)
		after := runProbes(t, h, queries)

		differ := 0
		for i, q := range queries {
			if before[i] != after[i] {
				differ++
				if differ <= 10 {
					t.Errorf("a draft changes the anonymous answer of\n  %s\nwith drafts:    %.300s\nwithout drafts: %.300s", q, before[i], after[i])
				}
			}
		}
		if differ > 0 {
			t.Errorf("%d of %d probes answer differently with drafts present", differ, len(queries))
		}
		t.Logf("%s: %d probes, all equal with and without drafts", dia, len(queries))
	})
}

// probeHandler is the real handler with limits wide enough for the probes'
// batches (many aliases in one request) and no response cache, so that the
// second run reads the database again.
func probeHandler(db *store.DB) http.Handler {
	return httpapp.New(httpapp.Config{
		DB: db, SampleContent: true, AllowedOrigins: []string{"*"}, Logger: testLogger(),
		// A batch of 150 probes on a loaded CI machine can take longer than
		// a public request may; runProbes still re-runs a timed-out probe.
		QueryTimeout: 3 * time.Minute,
		Limits:       &graph.Limits{MaxQueryBytes: 4 << 20, MaxDepth: 50, MaxCost: 1 << 30, MaxFields: 1 << 20, MaxAliases: 1 << 20},
	})
}

// draftProbes are the values the probes filter on: the IDs of the drafts
// and the markers their texts and figures carry, so a predicate that reached
// a draft would match it and only it.
type draftProbes struct {
	ids []string
	// byType are the drafts' IDs by their GraphQL type ("Brand"): an ID
	// condition of a type's where-input is probed with these, since IDs are
	// allotted in ranges by type and another type's ID can only match all
	// of the type's items or none of them (one such is probed too).
	byType map[string][]string
	// previews are the secrets of preview links to published items with
	// draft neighbours: a preview shows its one item, never the drafts
	// linked to it, so its answer must not change when they go.
	previews []struct{ secret, typ string }
	// changesSince is the change log's cursor before the drafts were made.
	changesSince string
}

const (
	draftMarker  = "秘"        // every draft's Chinese name starts with it
	draftSlug    = "mi-draft" // every draft's slug starts with it
	draftWorkers = 987654     // the draft brand's workersEmployed
)

// linkDraftsToEverything adds one draft of every content type, each linked to
// published items on every edge, and published items whose only neighbours
// are drafts (so has<Edge> alone would tell). It returns the drafts' IDs.
func linkDraftsToEverything(t *testing.T, c *ent.Client) draftProbes {
	t.Helper()
	ctx := visibility.WithSystem(context.Background())
	draft, published := schematype.StatusDraft, schematype.StatusPublished
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	wuhan, err := c.Region.Query().Where(region.Code("420100")).Only(ctx)
	must(err)
	// A county whose only brand, venue and person are drafts.
	county, err := c.Region.Create().SetCode("420199").SetNameZh("秘县").SetLevel(region.LevelCOUNTY).
		SetParentID(wuhan.ID).SetLatitude(30.5).SetLongitude(114.3).Save(ctx)
	must(err)
	pubBrand, err := c.Brand.Query().Where(brand.StatusEQ(published)).Order(ent.Asc(brand.FieldID)).First(ctx)
	must(err)
	pubPerson, err := c.RoleModel.Query().Where(rolemodel.StatusEQ(published)).First(ctx)
	must(err)
	pubReport, err := c.MediaCoverage.Query().Where(mediacoverage.StatusEQ(published)).First(ctx)
	must(err)
	pubVenue, err := c.Venue.Query().Where(venue.StatusEQ(published)).First(ctx)
	must(err)
	pubAlliance, err := c.Alliance.Query().Where(alliance.StatusEQ(published)).First(ctx)
	must(err)
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)

	// The drafts, linked to published items.
	// Some "drafts" are PUBLISHED items outside their schedule, which the
	// public must not see either: a person and a venue scheduled for later,
	// an alliance whose window has passed.
	later, past := time.Now().UTC().AddDate(50, 0, 0), time.Now().UTC().Add(-time.Hour)
	dPerson, err := c.RoleModel.Create().SetSlug(draftSlug + "-person").SetNameZh(draftMarker + "人").SetStatus(published).SetPublishAt(later).
		SetKind(rolemodel.KindFOUNDER).SetRegionID(county.ID).SetBioZh(draftMarker + "传").
		AddBrandIDs(pubBrand.ID).AddMediaCoverageIDs(pubReport.ID).Save(ctx)
	must(err)
	dBrand, err := c.Brand.Create().SetSlug(draftSlug+"-brand").SetNameZh(draftMarker+"嫂").SetStatus(draft).
		SetRegionID(county.ID).SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelNATIONAL).
		SetWorkersEmployed(draftWorkers).SetWorkersExported(draftWorkers).SetFoundedYear(1990).
		SetStoryZh(draftMarker+"史").SetFeatured(true).SetFeaturedRank(-1000).
		AddRoleModelIDs(pubPerson.ID, dPerson.ID).Save(ctx)
	must(err)
	dFirm, err := c.Enterprise.Create().SetSlug(draftSlug+"-firm").SetNameZh(draftMarker+"司").SetStatus(draft).
		SetRegionID(county.ID).SetProvincialLeading(true).AddBrandIDs(pubBrand.ID, dBrand.ID).Save(ctx)
	must(err)
	// A published enterprise whose only brand and only led alliance are drafts.
	lonelyFirm, err := c.Enterprise.Create().SetSlug("lonely-firm").SetNameZh("孤司").SetStatus(published).
		SetPublishedAt(time.Now()).AddBrandIDs(dBrand.ID).Save(ctx)
	must(err)
	dAlliance, err := c.Alliance.Create().SetSlug(draftSlug+"-alliance").SetNameZh(draftMarker+"盟").SetStatus(published).
		SetPublishAt(past.Add(-time.Hour)).SetUnpublishAt(past).
		SetScope(alliance.ScopeREGION).SetLeadEnterpriseID(lonelyFirm.ID).AddBrandIDs(pubBrand.ID, dBrand.ID).Save(ctx)
	must(err)
	dVenue, err := c.Venue.Create().SetSlug(draftSlug+"-venue").SetNameZh(draftMarker+"馆").SetStatus(published).SetPublishAt(later).
		SetKind(venue.KindEXPERIENCE_HALL).SetLatitude(30.5).SetLongitude(114.3).SetRegionID(county.ID).
		AddBrandIDs(pubBrand.ID, dBrand.ID).Save(ctx)
	must(err)
	dReport, err := c.MediaCoverage.Create().SetSlug(draftSlug+"-report").SetTitleZh(draftMarker+"闻").SetStatus(draft).
		SetOutlet(draftMarker+"报").SetMedium(mediacoverage.MediumTV).SetPublishedOn(day).SetBodyZh(draftMarker+"文").
		AddBrandIDs(pubBrand.ID, dBrand.ID).AddRoleModelIDs(pubPerson.ID, dPerson.ID).Save(ctx)
	must(err)

	// Published items whose only neighbours are drafts.
	now := time.Now()
	lonelyBrand, err := c.Brand.Create().SetSlug("lonely-brand").SetNameZh("孤品").SetStatus(published).SetPublishedAt(now).
		SetRegionID(county.ID).SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY).
		AddRoleModelIDs(dPerson.ID).Save(ctx)
	must(err)
	must(c.Enterprise.UpdateOne(dFirm).AddBrandIDs(lonelyBrand.ID).Exec(ctx))
	must(c.Alliance.UpdateOne(dAlliance).AddBrandIDs(lonelyBrand.ID).Exec(ctx))
	must(c.Venue.UpdateOne(dVenue).AddBrandIDs(lonelyBrand.ID).Exec(ctx))
	must(c.MediaCoverage.UpdateOne(dReport).AddBrandIDs(lonelyBrand.ID).Exec(ctx))
	_, err = c.RoleModel.Create().SetSlug("lonely-person").SetNameZh("孤人").SetStatus(published).SetPublishedAt(now).
		SetKind(rolemodel.KindAMBASSADOR).AddBrandIDs(dBrand.ID).AddMediaCoverageIDs(dReport.ID).Save(ctx)
	must(err)
	_, err = c.Alliance.Create().SetSlug("lonely-alliance").SetNameZh("孤盟").SetStatus(published).SetPublishedAt(now).
		SetScope(alliance.ScopeINDUSTRY).SetLeadEnterpriseID(dFirm.ID).AddBrandIDs(dBrand.ID).Save(ctx)
	must(err)
	_, err = c.Venue.Create().SetSlug("lonely-venue").SetNameZh("孤馆").SetStatus(published).SetPublishedAt(now).
		SetKind(venue.KindHERITAGE_WORKSHOP).SetLatitude(30.6).SetLongitude(114.2).SetRegionID(county.ID).
		AddBrandIDs(dBrand.ID).Save(ctx)
	must(err)
	_, err = c.MediaCoverage.Create().SetSlug("lonely-report").SetTitleZh("孤闻").SetStatus(published).SetPublishedAt(now).
		SetOutlet("孤报").SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(day).
		AddBrandIDs(dBrand.ID).AddRoleModelIDs(dPerson.ID).Save(ctx)
	must(err)
	// The published items on the drafts' other side get a draft neighbour too.
	must(c.Venue.UpdateOne(pubVenue).AddBrandIDs(dBrand.ID).Exec(ctx))
	must(c.Alliance.UpdateOne(pubAlliance).AddBrandIDs(dBrand.ID).Exec(ctx))

	// Recognitions: a draft one of a published brand (and of the brand whose
	// only recognition it is), and published ones of the draft brand,
	// person, enterprise and venue (their owner key reads as none).
	recognize := func(slug string, status schematype.Status) *ent.RecognitionCreate {
		return c.Recognition.Create().SetSlug(slug).SetTitleZh(draftMarker + "认定").SetIssuerZh(draftMarker + "厅").
			SetLevel(recognition.LevelNATIONAL).SetYear(2024).SetDocumentNumber(draftMarker + "〔2024〕1号").SetStatus(status)
	}
	dRecognition, err := recognize(draftSlug+"-recognition", draft).SetBrandID(pubBrand.ID).
		SetEndedOn(day).SetEndReason(recognition.EndReasonWITHDRAWN).Save(ctx)
	must(err)
	_, err = recognize(draftSlug+"-recognition-2", draft).SetBrandID(lonelyBrand.ID).Save(ctx)
	must(err)
	for i, owner := range []func(*ent.RecognitionCreate) *ent.RecognitionCreate{
		func(r *ent.RecognitionCreate) *ent.RecognitionCreate { return r.SetBrandID(dBrand.ID) },
		func(r *ent.RecognitionCreate) *ent.RecognitionCreate { return r.SetRoleModelID(dPerson.ID) },
		func(r *ent.RecognitionCreate) *ent.RecognitionCreate { return r.SetEnterpriseID(dFirm.ID) },
		func(r *ent.RecognitionCreate) *ent.RecognitionCreate { return r.SetVenueID(dVenue.ID) },
	} {
		_, err = owner(recognize(fmt.Sprintf("orphan-recognition-%d", i), published).SetPublishedAt(now)).Save(ctx)
		must(err)
	}

	// Figures: a draft one of a published brand, and a published one of the
	// draft brand (hidden with its brand, and deleted with it).
	dFigure, err := c.Figure.Create().SetSlug(draftSlug + "-figure").SetBrandID(pubBrand.ID).SetMetric(figure.MetricTRAINED).
		SetPeriod(2030).SetValue(draftWorkers).SetSourceZh(draftMarker + "厅").SetStatus(draft).Save(ctx) // a year the demo has none of
	must(err)
	hiddenFigure, err := c.Figure.Create().SetSlug("figure-of-a-draft").SetBrandID(dBrand.ID).SetMetric(figure.MetricTRAINED).
		SetPeriod(2024).SetValue(draftWorkers).SetSourceZh(draftMarker + "厅").SetStatus(published).SetPublishedAt(now).Save(ctx)
	must(err)

	editor := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "diff-test", Role: visibility.RoleEditor})

	// Pending revisions: an editor's edits of published items, with draft
	// values in the probed fields (the marker in names and texts, the draft
	// county, the draft's numbers and place, links), which ent/pending holds
	// back. They are on items without a preview link (a preview shows its
	// item's pending revision, on purpose) but next to those that have one.
	revised, err := c.Brand.Query().Where(brand.StatusEQ(published), brand.IDNEQ(pubBrand.ID)).Order(ent.Asc(brand.FieldID)).First(ctx)
	must(err)
	must(c.Brand.UpdateOne(revised).SetNameZh(draftMarker+"改").SetSummaryZh(draftMarker+"改").SetStoryZh(draftMarker+"改").
		SetWorkersEmployed(draftWorkers).SetWorkersExported(draftWorkers).SetFoundedYear(1990).SetRegionID(county.ID).
		SetCategory(brand.CategoryQUALITY_SERVICE).SetLevel(brand.LevelNATIONAL).
		AddRoleModelIDs(pubPerson.ID).AddMediaCoverageIDs(pubReport.ID).Exec(editor))
	revisedPerson, err := c.RoleModel.Query().Where(rolemodel.StatusEQ(published), rolemodel.PublishAtIsNil(), rolemodel.IDNEQ(pubPerson.ID)).Order(ent.Asc(rolemodel.FieldID)).First(ctx)
	must(err)
	must(c.RoleModel.UpdateOne(revisedPerson).SetNameZh(draftMarker+"改人").SetBioZh(draftMarker+"传").SetRegionID(county.ID).
		AddBrandIDs(pubBrand.ID, lonelyBrand.ID).Exec(editor))
	revisedVenue, err := c.Venue.Query().Where(venue.StatusEQ(published), venue.PublishAtIsNil(), venue.IDNEQ(pubVenue.ID)).Order(ent.Asc(venue.FieldID)).First(ctx)
	must(err)
	must(c.Venue.UpdateOne(revisedVenue).SetNameZh(draftMarker+"改馆").SetLatitude(30.5).SetLongitude(114.3).SetRegionID(county.ID).
		AddBrandIDs(pubBrand.ID).Exec(editor))
	must(c.MediaCoverage.UpdateOne(pubReport).SetTitleZh(draftMarker+"改闻").SetOutlet(draftMarker+"报").SetBodyZh(draftMarker+"文").
		SetPublishedOn(day).AddBrandIDs(lonelyBrand.ID).Exec(editor))
	must(c.Alliance.UpdateOne(pubAlliance).SetNameZh(draftMarker+"改盟").SetLeadEnterpriseID(lonelyFirm.ID).Exec(editor))
	must(c.Enterprise.UpdateOne(lonelyFirm).SetNameZh(draftMarker+"改司").SetRegionID(county.ID).SetProvincialLeading(true).Exec(editor))
	must(c.RoleModel.UpdateOne(dPerson).SetNameZh(draftMarker+"改人二").Exec(editor)) // scheduled for later: held back too
	if revs := c.Revision.Query().AllX(ctx); len(revs) != 7 {
		for _, r := range revs {
			t.Logf("revision of %s %d: %+v %+v", r.ItemType, r.ItemID, r.Changes, r.Links)
		}
		t.Fatalf("%d pending revisions, want 7: an edit of a published item was not held back", len(revs))
	}

	p := draftProbes{byType: map[string][]string{}}
	for _, item := range []struct {
		id  int
		typ string
	}{{pubBrand.ID, "Brand"}, {lonelyBrand.ID, "Brand"}, {pubPerson.ID, "RoleModel"}, {pubVenue.ID, "Venue"}} {
		link, err := graph.CreatePreviewLink(editor, c, item.id, nil)
		must(err)
		p.previews = append(p.previews, struct{ secret, typ string }{strings.TrimPrefix(link.URL, graph.PreviewPath), item.typ})
	}
	for _, d := range []struct {
		typ string
		id  int
	}{
		{"Brand", dBrand.ID}, {"RoleModel", dPerson.ID}, {"Enterprise", dFirm.ID}, {"Alliance", dAlliance.ID},
		{"Venue", dVenue.ID}, {"MediaCoverage", dReport.ID}, {"Recognition", dRecognition.ID},
		{"Figure", dFigure.ID}, {"Figure", hiddenFigure.ID},
	} {
		p.ids = append(p.ids, strconv.Itoa(d.id))
		p.byType[d.typ] = append(p.byType[d.typ], strconv.Itoa(d.id))
	}
	return p
}

// changesHeadCursor is the change log's newest cursor, as the API writes it.
func changesHeadCursor(t *testing.T, c *ent.Client) string {
	t.Helper()
	e, err := c.ChangeLogEntry.Query().Order(ent.Desc(changelogentry.FieldID)).First(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	entgql.Cursor[int]{ID: e.ID}.MarshalGQL(&b)
	cur, err := strconv.Unquote(b.String())
	if err != nil {
		t.Fatal(err)
	}
	return cur
}

// deleteDrafts deletes every draft the way a publisher would (links go with
// them), and every pending revision, leaving the database as it would be
// had they never existed. A
// draft is whatever the public does not see: DRAFT, or PUBLISHED outside
// its schedule.
func deleteDrafts(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := visibility.WithSystem(context.Background())
	hidden := func(s *sql.Selector) { s.Where(sql.Not(visibility.Public(s.C, visibility.Now()))) }
	for _, del := range []func() (int, error){
		func() (int, error) { return c.Revision.Delete().Exec(ctx) },
		func() (int, error) { return c.Recognition.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.Figure.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.MediaCoverage.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.Alliance.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.Venue.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.Enterprise.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.Brand.Delete().Where(hidden).Exec(ctx) },
		func() (int, error) { return c.RoleModel.Delete().Where(hidden).Exec(ctx) },
	} {
		if _, err := del(); err != nil {
			t.Fatalf("deleting drafts: %v", err)
		}
	}
}

// visibilityProbes generates the probe queries from the executable schema.
// Each is a complete selection of one root connection field, to be aliased
// into batches. Every condition of the root's own where-input is probed, and
// every condition of each neighbour's where-input inside has<Edge>With, each
// with a value that would match a draft; two levels down, and inside
// not/and/or, the conditions that tell a draft apart (status, IDs,
// has<Edge>) are probed with every value. That keeps the count near 23,500.
func visibilityProbes(t *testing.T, p draftProbes) []string {
	t.Helper()
	s := graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}).Schema()
	var roots []*ast.FieldDefinition
	for _, f := range s.Query.Fields {
		if f.Arguments.ForName("where") != nil && strings.HasSuffix(f.Type.Name(), "Connection") && f.Name != "auditLog" {
			roots = append(roots, f)
		}
	}
	if len(roots) < 7 {
		t.Fatalf("found %d root connections with a where argument, want at least 7", len(roots))
	}
	for typ := range p.byType {
		if s.Types[typ+"WhereInput"] == nil {
			t.Fatalf("drafts are listed under %q, which has no where-input", typ)
		}
	}
	var out []string
	for _, root := range roots {
		conn := s.Types[root.Type.Name()]
		node := s.Types[s.Types[conn.Fields.ForName("edges").Type.Name()].Fields.ForName("node").Type.Name()]
		// Every field of every item once; the filters and orders select IDs.
		out = append(out, fmt.Sprintf("%s(first: 100) { totalCount edges { cursor node %s } }", root.Name, nodeSelection(s, node)))
		selection := "{ totalCount edges { cursor node { id } } }"
		where := s.Types[root.Arguments.ForName("where").Type.Name()]
		var preds []string
		preds = append(preds, wherePredicates(s, where, p, firstValues)...)
		for _, edge := range withFields(where) {
			neighbour := s.Types[edge.Type.Name()]
			for _, inner := range wherePredicates(s, neighbour, p, firstValues) {
				preds = append(preds, fmt.Sprintf("{%s: [%s]}", edge.Name, inner))
			}
			telling := wherePredicates(s, neighbour, p, tellingConditions)
			for _, inner := range telling {
				for _, w := range []string{"{not: " + inner + "}", "{and: [" + inner + "]}", "{or: [" + inner + ", {idIn: []}]}"} {
					preds = append(preds, fmt.Sprintf("{%s: [%s]}", edge.Name, w))
				}
				preds = append(preds, fmt.Sprintf("{not: {%s: [%s]}}", edge.Name, inner))
			}
			for _, edge2 := range withFields(neighbour) {
				for _, inner := range wherePredicates(s, s.Types[edge2.Type.Name()], p, tellingConditions) {
					preds = append(preds, fmt.Sprintf("{%s: [{%s: [%s]}]}", edge.Name, edge2.Name, inner))
				}
			}
		}
		for _, w := range preds {
			out = append(out, fmt.Sprintf("%s(first: 100, where: %s) %s", root.Name, w, selection))
		}
		if arg := root.Arguments.ForName("orderBy"); arg != nil {
			order := s.Types[arg.Type.Name()]
			for _, v := range s.Types[order.Fields.ForName("field").Type.Name()].EnumValues {
				for _, dir := range []string{"ASC", "DESC"} {
					out = append(out, fmt.Sprintf("%s(first: 100, orderBy: {field: %s, direction: %s}) %s", root.Name, v.Name, dir, selection))
				}
			}
		}
	}
	out = append(out, entryPointProbes(s, p)...)
	sort.Strings(out)
	return out
}

// entryPointProbes are the other public entry points, each with every field
// of its answer: key figures, featured brands, venues near the drafts,
// search and suggestions for their markers, lookups of the drafts and of the
// county whose only items are drafts, node and nodes of the drafts.
func entryPointProbes(s *ast.Schema, p draftProbes) []string {
	sel := func(typ string) string { return nodeSelection(s, s.Types[typ]) }
	hit := "{ __typename ... on Node { id } }"
	out := []string{
		"stats " + sel("Stats"),
		"about " + sel("About"),
		"featuredBrands(first: 100) " + sel("Brand"),
		"featuredBrands(first: 100, regionCode: \"420100\") { id }",
		"venuesNear(lat: 30.5, lng: 114.3, radiusKm: 50, first: 100) { distanceKm venue { id } }",
		"region(code: \"420199\") " + sel("Region"),
		"region(code: \"420100\") " + sel("Region"),
		"nodes(ids: [" + strings.Join(quoteAll(p.ids), ", ") + "]) { id }",
		"changesHead",
		fmt.Sprintf("changes(since: %q, first: 100) { hasMore cursor changes { cursor kind type id at node { id } } }", p.changesSince),
		"changes(first: 100) { hasMore cursor changes { cursor kind type id at node { id } } }",
	}
	for _, q := range []string{draftMarker, "孤", "mi draft", "lonely"} {
		out = append(out,
			fmt.Sprintf("search(query: %q, first: 100) { totalCount edges { cursor node { score item %s highlights { field } } } }", q, hit),
			fmt.Sprintf("suggest(prefix: %q, first: 20) { text type item %s }", q, hit))
	}
	for _, id := range p.ids {
		out = append(out, fmt.Sprintf("node(id: %q) { id }", id))
	}
	for _, pv := range p.previews {
		out = append(out, fmt.Sprintf("preview(secret: %q) { __typename ... on %s %s }", pv.secret, pv.typ, nodeSelection(s, s.Types[pv.typ])))
	}
	for _, f := range []string{"brand", "roleModel", "enterprise", "alliance", "venue", "mediaCoverage"} {
		for _, slug := range []string{"person", "brand", "firm", "alliance", "venue", "report"} {
			out = append(out, fmt.Sprintf("%s(slug: %q) { id }", f, draftSlug+"-"+slug))
		}
	}
	return out
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, v := range ss {
		out[i] = strconv.Quote(v)
	}
	return out
}

// nodeSelection selects every field of an item that takes no required
// argument: scalars and enums as they are, objects and connections by their
// IDs, so a draft that shows through any field (a foreign key, an edge, a
// count) changes the answer.
func nodeSelection(s *ast.Schema, def *ast.Definition) string {
	var b strings.Builder
	b.WriteString("{")
	for _, f := range def.Fields {
		required := false
		for _, a := range f.Arguments {
			required = required || (a.Type.NonNull && a.DefaultValue == nil)
		}
		if required || strings.HasPrefix(f.Name, "__") {
			continue
		}
		t := s.Types[f.Type.Name()]
		switch {
		case t.Kind == ast.Scalar || t.Kind == ast.Enum:
			b.WriteString(" " + f.Name)
		case strings.HasSuffix(t.Name, "Connection"):
			b.WriteString(" " + f.Name + "(first: 100) { totalCount edges { cursor node { id } } }")
		case t.Fields.ForName("id") != nil:
			b.WriteString(" " + f.Name + " { id }")
		case t.Kind == ast.Object:
			// Pictures and other value objects: their scalar fields.
			var sub []string
			for _, g := range t.Fields {
				if gt := s.Types[g.Type.Name()]; gt.Kind == ast.Scalar || gt.Kind == ast.Enum {
					sub = append(sub, g.Name)
				}
			}
			b.WriteString(" " + f.Name + " { " + strings.Join(sub, " ") + " }")
		}
	}
	b.WriteString(" }")
	return b.String()
}

// withFields are a where-input's has<Edge>With conditions.
func withFields(in *ast.Definition) []*ast.FieldDefinition {
	var out []*ast.FieldDefinition
	for _, f := range in.Fields {
		if strings.HasPrefix(f.Name, "has") && strings.HasSuffix(f.Name, "With") {
			out = append(out, f)
		}
	}
	return out
}

// How many conditions and values wherePredicates probes.
type probeDepth int

const (
	firstValues       probeDepth = iota // every condition, its first probe value (all for telling ones)
	tellingConditions                   // status, IDs and has<Edge>, every value
)

// wherePredicates lists one-condition filters of a where-input type (not
// has<Edge>With, which visibilityProbes nests itself).
func wherePredicates(s *ast.Schema, in *ast.Definition, p draftProbes, depth probeDepth) []string {
	var out []string
	for _, f := range in.Fields {
		if f.Name == "and" || f.Name == "or" || f.Name == "not" || strings.HasSuffix(f.Name, "With") {
			continue
		}
		telling := strings.HasPrefix(f.Name, "status") || strings.HasPrefix(f.Name, "id") || strings.HasPrefix(f.Name, "has")
		if depth == tellingConditions && !telling {
			continue
		}
		values := probeValues(s, strings.TrimSuffix(in.Name, "WhereInput"), f, p)
		if depth == firstValues && !telling && len(values) > 1 {
			values = values[:1]
		}
		for _, v := range values {
			out = append(out, fmt.Sprintf("{%s: %s}", f.Name, v))
		}
	}
	return out
}

// probeValues gives the values a scalar condition is probed with: values
// that match drafts (their IDs, markers and figures) first, then values that
// match most items. IsNil/NotNil conditions are probed with true only:
// false is no condition at all.
func probeValues(s *ast.Schema, typ string, f *ast.FieldDefinition, p draftProbes) []string {
	named := f.Type.Name()
	list := f.Type.Elem != nil
	wrap := func(vs ...string) []string {
		if !list {
			return vs
		}
		for i, v := range vs {
			vs[i] = "[" + v + "]"
		}
		return vs
	}
	if def := s.Types[named]; def != nil && def.Kind == ast.Enum {
		var vs []string
		for _, v := range def.EnumValues {
			vs = append(vs, v.Name)
		}
		return wrap(vs...)
	}
	switch named {
	case "Boolean":
		if strings.HasSuffix(f.Name, "IsNil") || strings.HasSuffix(f.Name, "NotNil") {
			return []string{"true"}
		}
		return []string{"true", "false"}
	case "ID":
		if list {
			return []string{"[" + strings.Join(quoteAll(p.ids), ", ") + "]"}
		}
		// The type's own drafts, and one ID of another type's draft.
		ids := append([]string{}, p.byType[typ]...)
		for _, id := range p.ids {
			if !slices.Contains(ids, id) {
				return quoteAll(append(ids, id))
			}
		}
		return quoteAll(ids)
	case "Int":
		return wrap(strconv.Itoa(draftWorkers), "1950")
	case "Float":
		return wrap("30.5", "0")
	case "Time":
		return wrap(`"2024-05-01T00:00:00Z"`, `"2000-01-01T00:00:00Z"`)
	case "String":
		return wrap(strconv.Quote(draftMarker), strconv.Quote(draftSlug), `""`)
	}
	return nil
}

// runProbes runs the probes in batches of aliased fields and returns each
// probe's answer (its field of data, or its errors' messages and codes). A
// batch in which one probe fails as a whole (data null) is run probe by probe,
// and so is a probe that timed out: a timeout is no answer, and two of them
// would differ from an answer without telling anything about drafts. One
// that times out alone fails the test.
func runProbes(t *testing.T, h http.Handler, queries []string) []string {
	t.Helper()
	const batch, workers = 150, 4
	answers := make([]string, len(queries))
	starts := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for start := range starts {
				end := min(start+batch, len(queries))
				got, ok := runProbeBatch(t, h, queries, start, end)
				if !ok {
					got = got[:0]
					for i := start; i < end; i++ {
						one, _ := runProbeBatch(t, h, queries, i, i+1)
						got = append(got, one...)
					}
				}
				for i, a := range got {
					if !strings.Contains(a, "("+graph.CodeTimeout+")") {
						continue
					}
					one, _ := runProbeBatch(t, h, queries, start+i, start+i+1)
					if got[i] = one[0]; strings.Contains(got[i], "("+graph.CodeTimeout+")") {
						t.Errorf("probe timed out alone, so it proves nothing:\n  %s", queries[start+i])
					}
				}
				copy(answers[start:end], got)
			}
		}()
	}
	for start := 0; start < len(queries); start += batch {
		starts <- start
	}
	close(starts)
	wg.Wait()
	return answers
}

// runProbeBatch runs queries[start:end] as one request; ok is false when
// the answer has no data at all. It runs on runProbes' workers, so it
// reports with t.Errorf, never t.Fatal.
func runProbeBatch(t *testing.T, h http.Handler, queries []string, start, end int) (answers []string, ok bool) {
	t.Helper()
	var doc strings.Builder
	doc.WriteString("{\n")
	for i := start; i < end; i++ {
		fmt.Fprintf(&doc, "p%d: %s\n", i, queries[i])
	}
	doc.WriteString("}")
	body, _ := json.Marshal(map[string]any{"query": doc.String()})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var r struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []gqlError                 `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Errorf("decode %.500q: %v", rec.Body.String(), err) // not Fatal: runs on a worker goroutine
		return make([]string, end-start), true
	}
	errs := map[string][]string{}
	for _, e := range r.Errors {
		key := ""
		if len(e.Path) > 0 {
			key = fmt.Sprint(e.Path[0])
		}
		errs[key] = append(errs[key], fmt.Sprintf("%s (%v)", e.Message, e.Extensions["code"]))
	}
	for i := start; i < end; i++ {
		key := "p" + strconv.Itoa(i)
		answers = append(answers, string(r.Data[key])+strings.Join(errs[key], "; ")+strings.Join(errs[""], "; "))
	}
	return answers, r.Data != nil
}
