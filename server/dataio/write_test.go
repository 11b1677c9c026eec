package dataio_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/schematype"
	"brandshow/server/dataio"
	"brandshow/server/store/storetest"
)

// TestUpsertWritesEveryField checks that the create and the update path of
// every type write every column. One record of each type goes through an
// import as a create with every optional field set, an update to a version
// in which every field differs (optional fields cleared, links replaced),
// an update back, and a create of the second version in an empty database;
// after each import the export must be the imported document exactly. A
// column that either path forgets to set or to clear shows as a difference.
func TestUpsertWritesEveryField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		src, _ := storetest.Fresh(t, dia, true)
		full, err := dataio.Export(ctx, src.Client)
		if err != nil {
			t.Fatal(err)
		}
		setEveryField(t, full)
		cleared := cloneDoc(t, full)
		changeEveryField(t, cleared)
		everyFieldDiffers(t, full, cleared)

		dst, _ := storetest.Fresh(t, dia, false)
		rep := importDoc(t, dst.Client, full)
		if rep.Brands.Created != len(full.Brands) || rep.Brands.Updated != 0 {
			t.Fatalf("first import: %v", rep.Lines())
		}
		rep = importDoc(t, dst.Client, cleared)
		for name, c := range map[string]dataio.Counts{
			"regions": rep.Regions, "brands": rep.Brands, "roleModels": rep.RoleModels, "enterprises": rep.Enterprises,
			"alliances": rep.Alliances, "venues": rep.Venues, "mediaCoverage": rep.MediaCoverage,
		} {
			if c.Updated != 1 || c.Created != 0 {
				t.Errorf("%s: want exactly one record updated, got %+v", name, c)
			}
		}
		importDoc(t, dst.Client, full)

		empty, _ := storetest.Fresh(t, dia, false)
		importDoc(t, empty.Client, cleared)
	})
}

// importDoc imports the document and fails unless exporting gives it back.
func importDoc(t *testing.T, c *ent.Client, doc *dataio.Document) dataio.Report {
	t.Helper()
	want := docBytes(t, doc)
	rep, err := importBytes(t, c, "every-field.json", want, dataio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := exportBytes(t, c); !bytes.Equal(want, got) {
		t.Fatalf("export after import differs:\n%s", firstDiff(want, got))
	}
	return rep
}

func docBytes(t *testing.T, doc *dataio.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := dataio.WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func cloneDoc(t *testing.T, doc *dataio.Document) *dataio.Document {
	t.Helper()
	var out dataio.Document
	if err := json.Unmarshal(docBytes(t, doc), &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

// The records under test: the first of each collection, and the first
// region that has a parent (so that clearing the parent is covered).
func regionUnderTest(t *testing.T, doc *dataio.Document) *dataio.Region {
	t.Helper()
	for i := range doc.Regions {
		if doc.Regions[i].ParentCode != "" {
			return &doc.Regions[i]
		}
	}
	t.Fatal("the demo content has no region with a parent")
	return nil
}

func at(day int) *dataio.Time {
	v := dataio.NewTime(time.Date(2021, 3, day, 8, 30, 0, 0, time.UTC))
	return &v
}

func ptr[T any](v T) *T { return &v }

// other returns an item of all that is not among not.
func other(t *testing.T, all []string, not ...string) string {
	t.Helper()
	for _, s := range all {
		if !slices.Contains(not, s) {
			return s
		}
	}
	t.Fatalf("no item of %v other than %v", all, not)
	return ""
}

func slugs[T any](items []T, slug func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, slug(it))
	}
	return out
}

// setEveryField gives each record under test a value in every optional
// field and at least one link.
func setEveryField(t *testing.T, d *dataio.Document) {
	pic := schematype.Picture{URL: "https://example.com/a.png", Alt: "图", AltEn: "Picture", Width: 100, Height: 80, Credit: "示例", License: schematype.LicenseCC0}
	brands := slugs(d.Brands, func(b dataio.Brand) string { return b.Slug })
	people := slugs(d.RoleModels, func(p dataio.RoleModel) string { return p.Slug })

	r := regionUnderTest(t, d)
	r.Latitude, r.Longitude = ptr(30.5), ptr(114.25)

	p := &d.RoleModels[0]
	p.Status, p.PublishedAt = schematype.StatusPublished, at(1)
	p.PublishAt, p.UnpublishAt = at(1), at(4)
	p.HonoursZh, p.HonoursEn = []string{"劳动模范"}, []string{"Model worker"}
	p.Portrait, p.RegionCode = &pic, r.Code

	b := &d.Brands[0]
	b.Status, b.PublishedAt = schematype.StatusPublished, at(1)
	b.PublishAt, b.UnpublishAt = at(1), at(4)
	b.FoundedYear, b.CreditRating = ptr(2001), "AA"
	b.Logo, b.Pictures = &pic, []schematype.Picture{pic, pic}
	b.FeaturedFrom, b.FeaturedUntil = at(2), at(3)
	b.RoleModels = []string{people[0]}

	e := &d.Enterprises[0]
	e.Status, e.PublishedAt = schematype.StatusPublished, at(1)
	e.PublishAt, e.UnpublishAt = at(1), at(4)
	e.RecognizedYear, e.Logo, e.RegionCode = ptr(2019), &pic, r.Code
	e.Brands = []string{brands[0]}

	a := &d.Alliances[0]
	a.Status, a.PublishedAt = schematype.StatusPublished, at(1)
	a.PublishAt, a.UnpublishAt = at(1), at(4)
	a.FoundedOn, a.LeadEnterprise = at(4), e.Slug
	a.Brands = []string{brands[0]}

	v := &d.Venues[0]
	v.Status, v.PublishedAt = schematype.StatusPublished, at(1)
	v.PublishAt, v.UnpublishAt = at(1), at(4)
	v.Pictures = []schematype.Picture{pic}
	v.Brands = []string{brands[0]}

	m := &d.MediaCoverage[0]
	m.Status, m.PublishedAt = schematype.StatusPublished, at(1)
	m.PublishAt, m.UnpublishAt = at(1), at(4)
	m.Brands, m.RoleModels = []string{brands[0]}, []string{people[0]}
	m.Image, m.Poster, m.VideoURL = &pic, &pic, "https://example.com/film.mp4"
}

// changeEveryField gives each record under test a different value in
// every field but its key and creation time: optional fields are cleared,
// links replaced. (A publication time cannot be cleared by an import, which
// keeps the current one when the record has none: it changes instead.)
func changeEveryField(t *testing.T, d *dataio.Document) {
	brands := slugs(d.Brands, func(b dataio.Brand) string { return b.Slug })
	people := slugs(d.RoleModels, func(p dataio.RoleModel) string { return p.Slug })
	regions := slugs(d.Regions, func(r dataio.Region) string { return r.Code })
	changed := func(s *string) { *s += "（改）" }

	r := regionUnderTest(t, d)
	r.Level = other(t, []string{"PROVINCE", "PREFECTURE", "COUNTY"}, r.Level)
	changed(&r.NameZh)
	changed(&r.NameEn)
	r.Latitude, r.Longitude, r.ParentCode = nil, nil, ""

	p := &d.RoleModels[0]
	p.Status, p.PublishedAt = schematype.StatusDraft, at(5)
	p.PublishAt, p.UnpublishAt = nil, nil
	for _, s := range []*string{&p.NameZh, &p.NameEn, &p.TitleZh, &p.TitleEn, &p.BioZh, &p.BioEn, &p.StudioZh, &p.StudioEn} {
		changed(s)
	}
	p.Kind = other(t, []string{"FOUNDER", "INHERITOR"}, p.Kind)
	p.HonoursZh, p.HonoursEn, p.Portrait, p.RegionCode = nil, nil, nil, ""

	b := &d.Brands[0]
	b.Status, b.PublishedAt = schematype.StatusDraft, at(5)
	b.PublishAt, b.UnpublishAt = nil, nil
	for _, s := range []*string{&b.NameZh, &b.NameEn, &b.SummaryZh, &b.SummaryEn, &b.StoryZh, &b.StoryEn, &b.IndustryZh, &b.IndustryEn} {
		changed(s)
	}
	b.RegionCode = other(t, regions, b.RegionCode)
	b.Category = other(t, []string{"HIGH_END_SKILLED", "LIVELIHOOD"}, b.Category)
	b.Level = other(t, []string{"COUNTY", "CITY"}, b.Level)
	b.InResourceLibrary, b.InGuidanceCatalogue = !b.InResourceLibrary, !b.InGuidanceCatalogue
	// workersEmployed/workersExported are the brand's latest figures,
	// which the file has: they change with those figures (figures.go).
	b.WorkersEmployed++
	b.WorkersExported++
	latest := map[string]*dataio.Figure{}
	for i := range d.Figures {
		f := &d.Figures[i]
		if f.Brand == b.Slug && (latest[f.Metric] == nil || f.Period > latest[f.Metric].Period) {
			latest[f.Metric] = f
		}
	}
	if latest["WORKERS_EMPLOYED"] == nil || latest["WORKERS_EXPORTED"] == nil {
		t.Fatalf("brand %s has no workers figures in the file", b.Slug)
	}
	latest["WORKERS_EMPLOYED"].Value, latest["WORKERS_EXPORTED"].Value = b.WorkersEmployed, b.WorkersExported
	b.TrademarkCount++
	b.PatentCount++
	b.FoundedYear, b.CreditRating, b.Logo, b.Pictures = nil, "", nil, nil
	b.Featured = !b.Featured
	b.FeaturedRank++
	b.FeaturedFrom, b.FeaturedUntil = nil, nil
	b.RoleModels = []string{other(t, people, b.RoleModels...)}

	e := &d.Enterprises[0]
	e.Status, e.PublishedAt = schematype.StatusDraft, at(5)
	e.PublishAt, e.UnpublishAt = nil, nil
	for _, s := range []*string{&e.NameZh, &e.NameEn, &e.SummaryZh, &e.SummaryEn} {
		changed(s)
	}
	e.ProvincialLeading = !e.ProvincialLeading
	e.Website = other(t, []string{"https://example.com/e", "https://example.com/e2"}, e.Website)
	e.RecognizedYear, e.Logo, e.RegionCode = nil, nil, ""
	e.Brands = []string{other(t, brands, e.Brands...)}

	a := &d.Alliances[0]
	a.Status, a.PublishedAt = schematype.StatusDraft, at(5)
	a.PublishAt, a.UnpublishAt = nil, nil
	for _, s := range []*string{&a.NameZh, &a.NameEn, &a.SummaryZh, &a.SummaryEn, &a.PurposeZh, &a.PurposeEn} {
		changed(s)
	}
	a.Scope = other(t, []string{"INDUSTRY", "REGION"}, a.Scope)
	a.FoundedOn, a.LeadEnterprise = nil, ""
	a.Brands = []string{other(t, brands, a.Brands...)}

	v := &d.Venues[0]
	v.Status, v.PublishedAt = schematype.StatusDraft, at(5)
	v.PublishAt, v.UnpublishAt = nil, nil
	for _, s := range []*string{&v.NameZh, &v.NameEn, &v.SummaryZh, &v.SummaryEn, &v.AddressZh, &v.AddressEn,
		&v.OpeningHoursZh, &v.OpeningHoursEn, &v.Phone} {
		changed(s)
	}
	v.Kind = other(t, []string{"EXPERIENCE_HALL", "TRAINING_BASE"}, v.Kind)
	v.Latitude += 0.5
	v.Longitude += 0.5
	v.Website = other(t, []string{"https://example.com/v", "https://example.com/v2"}, v.Website)
	v.Pictures = nil
	v.RegionCode = other(t, regions, v.RegionCode)
	v.Brands = []string{other(t, brands, v.Brands...)}

	m := &d.MediaCoverage[0]
	m.Status, m.PublishedAt = schematype.StatusDraft, at(5)
	m.PublishAt, m.UnpublishAt = nil, nil
	for _, s := range []*string{&m.TitleZh, &m.TitleEn, &m.SummaryZh, &m.SummaryEn, &m.BodyZh, &m.BodyEn, &m.Outlet, &m.Author} {
		changed(s)
	}
	m.Medium = other(t, []string{"ONLINE", "TV"}, m.Medium)
	m.PublishedOn = *at(6)
	m.URL = other(t, []string{"https://example.com/m", "https://example.com/m2"}, m.URL)
	m.Brands = []string{other(t, brands, m.Brands...)}
	m.RoleModels = []string{other(t, people, m.RoleModels...)}
	m.Image, m.Poster, m.VideoURL = nil, nil, "https://example.com/film2.mp4"
}

// everyFieldDiffers fails when the two documents' records under test agree
// on a field other than the key and the creation time, so a field added to
// the format later must be added to this test too.
func everyFieldDiffers(t *testing.T, x, y *dataio.Document) {
	t.Helper()
	pairs := []struct {
		name string
		a, b any
	}{
		{"region", regionUnderTest(t, x), regionUnderTest(t, y)},
		{"role model", x.RoleModels[0], y.RoleModels[0]},
		{"brand", x.Brands[0], y.Brands[0]},
		{"enterprise", x.Enterprises[0], y.Enterprises[0]},
		{"alliance", x.Alliances[0], y.Alliances[0]},
		{"venue", x.Venues[0], y.Venues[0]},
		{"media coverage", x.MediaCoverage[0], y.MediaCoverage[0]},
	}
	for _, p := range pairs {
		fieldsDiffer(t, p.name, reflect.Indirect(reflect.ValueOf(p.a)), reflect.Indirect(reflect.ValueOf(p.b)))
	}
}

func fieldsDiffer(t *testing.T, name string, a, b reflect.Value) {
	t.Helper()
	for i := range a.NumField() {
		f := a.Type().Field(i)
		if f.Anonymous {
			fieldsDiffer(t, name, a.Field(i), b.Field(i))
			continue
		}
		if f.Name == "Slug" || f.Name == "Code" || f.Name == "CreatedAt" {
			continue
		}
		x, _ := json.Marshal(a.Field(i).Interface())
		y, _ := json.Marshal(b.Field(i).Interface())
		if bytes.Equal(x, y) {
			t.Errorf("%s: %s is %s in both versions", name, f.Name, x)
		}
	}
}
