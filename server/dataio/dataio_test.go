package dataio_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/auditentry"
	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/dataio"
	"brandshow/server/store/storetest"

	"github.com/xuri/excelize/v2"
)

var ctx = visibility.WithSystem(context.Background())

func exportBytes(t *testing.T, c *ent.Client) []byte {
	t.Helper()
	doc, err := dataio.Export(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dataio.WriteJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importBytes(t *testing.T, c *ent.Client, name string, data []byte, opts dataio.Options) (dataio.Report, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return dataio.ImportFile(ctx, c, path, opts) // as the import command: visibility.WithSystem
}

// problems returns the import's problems as text, failing on other errors.
func problems(t *testing.T, err error) string {
	t.Helper()
	var ps dataio.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// enrich gives the demo content the fields it leaves empty, so the round
// trip covers every column: pictures, logo, portrait, featured window,
// English honours.
func enrich(t *testing.T, c *ent.Client) {
	t.Helper()
	pic := &schematype.Picture{URL: "https://example.com/logo.png", Alt: "标志", AltEn: "Logo", Width: 100, Height: 80,
		Credit: "示例", License: schematype.LicenseCCBY4, Source: "https://example.com/src", FocalPoint: &schematype.FocalPoint{X: 0.25, Y: 0.5}}
	b := c.Brand.Query().Order(brand.BySlug()).FirstX(ctx)
	from := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	c.Brand.UpdateOne(b).SetLogo(pic).SetPictures([]schematype.Picture{*pic, *pic}).
		SetFeaturedFrom(from).SetFeaturedUntil(from.AddDate(1, 0, 0)).SetCreditRating(brand.CreditRatingAA).
		ExecX(ctx)
	p := c.RoleModel.Query().FirstX(ctx)
	c.RoleModel.UpdateOne(p).SetPortrait(pic).SetHonoursEn([]string{"Model worker"}).ExecX(ctx)
	v := c.Venue.Query().FirstX(ctx)
	c.Venue.UpdateOne(v).SetPictures([]schematype.Picture{*pic}).SetWebsite("https://example.com/v?a=1&b=2").ExecX(ctx)
	m := c.MediaCoverage.Query().FirstX(ctx)
	c.MediaCoverage.UpdateOne(m).SetImage(pic).SetPoster(pic).SetVideoURL("https://example.com/film.mp4").ExecX(ctx)
}

func TestExportImportRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		src, _ := storetest.Fresh(t, dia, true)
		enrich(t, src.Client)
		first := exportBytes(t, src.Client)

		dst, _ := storetest.Fresh(t, dia, false)
		rep, err := importBytes(t, dst.Client, "all.json", first, dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Brands.Created == 0 || rep.Regions.Created == 0 || rep.MediaCoverage.Created == 0 || rep.Brands.Updated != 0 {
			t.Fatalf("report: %v", rep.Lines())
		}
		second := exportBytes(t, dst.Client)
		if !bytes.Equal(first, second) {
			t.Fatalf("export after import differs:\n%s", firstDiff(first, second))
		}
		// Importing the same content again changes nothing.
		rep, err = importBytes(t, dst.Client, "all.json", first, dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Brands.Created+rep.Brands.Updated+rep.Regions.Updated+rep.MediaCoverage.Updated != 0 {
			t.Fatalf("re-import changed something: %v", rep.Lines())
		}
		// Imports are audited under the file's name.
		admin := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "root", Role: visibility.RoleAdmin})
		n := dst.Client.AuditEntry.Query().Where(auditentry.Actor("import:all.json"), auditentry.EntityType("Brand")).CountX(admin)
		if n < rep.Brands.Unchanged {
			t.Fatalf("%d audit entries for %d brands", n, rep.Brands.Unchanged)
		}
	})
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return "lengths differ"
}

func TestBadRowChangesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		before := exportBytes(t, db.Client)
		doc, err := dataio.Export(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		doc.Brands[0].NameZh = "改了的名字" // a good change that must not land
		doc.Brands[3].RegionCode = "999999"
		doc.Brands[4].Category = "NOPE"
		doc.Venues[0].SummaryZh = "<script>alert(1)</script>" // caught by ent's validator on write
		var buf bytes.Buffer
		if err := dataio.WriteJSON(&buf, doc); err != nil {
			t.Fatal(err)
		}
		_, err = importBytes(t, db.Client, "bad.json", buf.Bytes(), dataio.Options{})
		got := problems(t, err)
		for _, want := range []string{
			"brands[3] (slug " + doc.Brands[3].Slug + ") regionCode: unknown region 999999",
			"brands[4] (slug " + doc.Brands[4].Slug + ") category: \"NOPE\" is not one of",
			"venues[0] (slug " + doc.Venues[0].Slug + ") summaryZh: text is plain text",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("problems lack %q:\n%s", want, got)
			}
		}
		if strings.Count(got, "\n") != 2 {
			t.Errorf("want exactly 3 problems:\n%s", got)
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("a refused import changed the database")
		}

		csv := "slug,name_zh,region_code,category,level\n" +
			"new-one,新品牌,421122,QUALITY_SERVICE,COUNTY\n" +
			"\n" +
			"new-two,新品牌二,421122,FOO,county\n"
		_, err = importBytes(t, db.Client, "bad.csv", []byte(csv), dataio.Options{})
		if got := problems(t, err); got != `line 4, column category (slug new-two): "FOO" is not one of HIGH_END_SKILLED, QUALITY_SERVICE, CULTURE_TOURISM, LIVELIHOOD` {
			t.Fatalf("got %q", got)
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("a refused CSV import changed the database")
		}
	})
}

func TestDryRunWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		before := exportBytes(t, db.Client)
		csv := "slug,name_zh,region_code,category,level,status\nnew-one,新品牌,421122,quality service,COUNTY,published\n"
		rep, err := importBytes(t, db.Client, "new.csv", []byte(csv), dataio.Options{DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Brands.Created != 1 || !rep.DryRun {
			t.Fatalf("report: %v", rep.Lines())
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("dry run changed the database")
		}
		// A dry run reports bad rows like a real import.
		_, err = importBytes(t, db.Client, "new.csv", []byte(strings.Replace(csv, "421122", "1", 1)), dataio.Options{DryRun: true})
		if got := problems(t, err); !strings.Contains(got, "line 2, column region_code (slug new-one): unknown region 1") {
			t.Fatalf("got %q", got)
		}
	})
}

func TestSpreadsheets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		existing := c.Brand.Query().Order(brand.BySlug()).FirstX(ctx)

		// CSV: one new brand, and an upsert that changes only the columns given.
		csv := "\ufeffSlug,Name_ZH,name_en,region_code,category,level,workers_employed,founded_year,in_resource_library,credit_rating,status\n" +
			"csv-brand,表格品牌,Sheet Brand,421122,high-end skilled,Provincial,\"1,200\",2015,是,aa,PUBLISHED\n"
		rep, err := importBytes(t, c, "brands.csv", []byte(csv), dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Brands.Created != 1 {
			t.Fatalf("report: %v", rep.Lines())
		}
		b := c.Brand.Query().Where(brand.Slug("csv-brand")).OnlyX(ctx)
		if b.NameEn != "Sheet Brand" || b.WorkersEmployed != 1200 || *b.FoundedYear != 2015 || !b.InResourceLibrary ||
			b.Category != brand.CategoryHIGH_END_SKILLED || b.Level != brand.LevelPROVINCIAL ||
			*b.CreditRating != brand.CreditRatingAA || b.Status != schematype.StatusPublished || b.PublishedAt == nil {
			t.Fatalf("imported brand: %+v", b)
		}

		upsert := "slug,workers_employed\n" + existing.Slug + ",4321\n"
		rep, err = importBytes(t, c, "update.csv", []byte(upsert), dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Brands.Updated != 1 || rep.Brands.Created != 0 {
			t.Fatalf("report: %v", rep.Lines())
		}
		updated := c.Brand.Query().Where(brand.Slug(existing.Slug)).WithRoleModels().OnlyX(ctx)
		if updated.WorkersEmployed != 4321 || updated.NameZh != existing.NameZh || updated.StoryZh != existing.StoryZh ||
			updated.Status != existing.Status || updated.Category != existing.Category {
			t.Fatalf("upsert changed more than workers_employed: %+v", updated)
		}
		if len(updated.Edges.RoleModels) != existing.QueryRoleModels().CountX(ctx) {
			t.Fatal("a spreadsheet must not touch links")
		}

		// XLSX: the first sheet is read.
		f := excelize.NewFile()
		rows := [][]any{
			{"slug", "name_zh", "region_code", "category", "level", "workers_exported", "in_guidance_catalogue"},
			{"xlsx-brand", "工作簿品牌", "421122", "LIVELIHOOD", "CITY", 77, true},
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		rep, err = importBytes(t, c, "brands.xlsx", buf.Bytes(), dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		x := c.Brand.Query().Where(brand.Slug("xlsx-brand")).OnlyX(ctx)
		if rep.Brands.Created != 1 || x.WorkersExported != 77 || !x.InGuidanceCatalogue || x.Status != schematype.StatusDraft {
			t.Fatalf("xlsx brand: %+v, %v", x, rep.Lines())
		}
		admin := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "root", Role: visibility.RoleAdmin})
		if n := c.AuditEntry.Query().Where(auditentry.Actor("import:brands.xlsx"), auditentry.EntityType("Brand"),
			auditentry.ActionEQ(auditentry.ActionCREATE)).CountX(admin); n != 1 {
			t.Fatalf("%d audit entries for the XLSX import, want 1", n)
		}
		// The brand has no role models: no empty link entry either.
		for _, e := range c.AuditEntry.Query().Where(auditentry.Actor("import:brands.xlsx"), auditentry.ActionEQ(auditentry.ActionLINK)).AllX(admin) {
			for _, ch := range e.Changes {
				if ch.To == "" || ch.To == "[]" {
					t.Errorf("empty LINK audit entry: %+v", ch)
				}
			}
		}
	})
}

func TestUnknownColumnsRefused(t *testing.T) {
	for _, in := range []struct{ name, data string }{
		{"a.csv", "slug,name_zh,colour\nx,名,red\n"},
		{"b.csv", "name_zh\n名\n"},
	} {
		_, err := dataio.ReadCSV(in.name, strings.NewReader(in.data))
		var ps dataio.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("%s: want problems, got %v", in.name, err)
		}
	}
	_, err := dataio.ReadCSV("a.csv", strings.NewReader("slug,name_zh,colour\nx,名,red\n"))
	if got := err.(dataio.Problems)[0].String(); !strings.HasPrefix(got, "line 1, column 3 (colour): unknown column") {
		t.Fatalf("got %q", got)
	}
}

// Every write-time validation failure is reported, with its record and
// field, not just the first of each collection or of each record; and
// nothing is written.
func TestEveryInvalidRowIsReported(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		before := exportBytes(t, db.Client)
		doc, err := dataio.Export(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		doc.Brands[1].SummaryZh = "<b>粗体</b>"
		doc.Brands[2].StoryZh = "<i>斜体</i>"
		doc.Brands[2].NameEn = strings.Repeat("x", 10000) // the same record's second bad field
		doc.Venues[0].SummaryZh = "<script>alert(1)</script>"
		doc.Venues[1].Website = "javascript:alert(1)"
		doc.MediaCoverage[0].URL = "not a url"
		doc.MediaCoverage[1].URL = "ftp://example.com/a"
		doc.RoleModels[0].BioZh = "<img src=x>"
		doc.RoleModels[1].BioZh = "<img src=y>"
		var buf bytes.Buffer
		if err := dataio.WriteJSON(&buf, doc); err != nil {
			t.Fatal(err)
		}
		_, err = importBytes(t, db.Client, "bad.json", buf.Bytes(), dataio.Options{})
		got := problems(t, err)
		want := []string{
			"brands[1] (slug " + doc.Brands[1].Slug + ") summaryZh: text is plain text",
			"brands[2] (slug " + doc.Brands[2].Slug + ") nameEn: ",
			"brands[2] (slug " + doc.Brands[2].Slug + ") storyZh: text is plain text",
			"venues[0] (slug " + doc.Venues[0].Slug + ") summaryZh: text is plain text",
			"venues[1] (slug " + doc.Venues[1].Slug + ") website: \"javascript:alert(1)\" is not an http or https URL",
			"mediaCoverage[0] (slug " + doc.MediaCoverage[0].Slug + ") url: ",
			"mediaCoverage[1] (slug " + doc.MediaCoverage[1].Slug + ") url: ",
			"roleModels[0] (slug " + doc.RoleModels[0].Slug + ") bioZh: text is plain text",
			"roleModels[1] (slug " + doc.RoleModels[1].Slug + ") bioZh: text is plain text",
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("problems lack %q", w)
			}
		}
		if n := strings.Count(got, "\n") + 1; n != len(want) {
			t.Errorf("%d problems, want %d:\n%s", n, len(want), got)
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("a refused import changed the database")
		}

		// A spreadsheet: every bad line is reported by line and column.
		csv := "slug,name_zh,region_code,category,level,summary_zh,workers_employed\n" +
			"sheet-one,表格一,421122,LIVELIHOOD,COUNTY,<b>一</b>,1\n" +
			"sheet-two,表格二,421122,LIVELIHOOD,COUNTY,好的,-5\n" +
			"sheet-three,表格三,421122,LIVELIHOOD,COUNTY,<i>三</i>,-1\n"
		_, err = importBytes(t, db.Client, "bad.csv", []byte(csv), dataio.Options{})
		got = problems(t, err)
		want = []string{
			"line 2, column summary_zh (slug sheet-one): text is plain text",
			"line 3, column workers_employed (slug sheet-two): ",
			"line 4, column summary_zh (slug sheet-three): text is plain text",
			"line 4, column workers_employed (slug sheet-three): ",
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("problems lack %q", w)
			}
		}
		if n := strings.Count(got, "\n") + 1; n != len(want) {
			t.Errorf("%d problems, want %d:\n%s", n, len(want), got)
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("a refused CSV import changed the database")
		}
	})
}

// TestJSONSpellsEnumsAsSheets: a JSON file may write enum values as a
// spreadsheet may (any case, spaces or hyphens for _), through the same rule.
func TestJSONSpellsEnumsAsSheets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		doc, err := dataio.Export(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		doc.Brands[0].Category = "quality service"
		doc.Brands[0].Level = "Provincial"
		doc.Brands[0].Status = schematype.Status(strings.ToLower(string(doc.Brands[0].Status)))
		doc.RoleModels[0].Kind = strings.ToLower(doc.RoleModels[0].Kind)
		doc.Events[0].Kind = strings.ReplaceAll(strings.ToLower(doc.Events[0].Kind), "_", "-")
		var buf bytes.Buffer
		if err := dataio.WriteJSON(&buf, doc); err != nil {
			t.Fatal(err)
		}
		if _, err := importBytes(t, db.Client, "lower.json", buf.Bytes(), dataio.Options{}); err != nil {
			t.Fatal(err)
		}
		b := db.Client.Brand.Query().Where(brand.Slug(doc.Brands[0].Slug)).OnlyX(ctx)
		if b.Category != brand.CategoryQUALITY_SERVICE || b.Level != brand.LevelPROVINCIAL {
			t.Errorf("brand category %s, level %s", b.Category, b.Level)
		}
		after, err := dataio.Export(ctx, db.Client)
		if err != nil {
			t.Fatal(err)
		}
		if k := after.RoleModels[0].Kind; k != strings.ToUpper(doc.RoleModels[0].Kind) {
			t.Errorf("role model kind %s", k)
		}
		if k := after.Events[0].Kind; k != strings.ToUpper(strings.ReplaceAll(doc.Events[0].Kind, "-", "_")) {
			t.Errorf("event kind %s", k)
		}
	})
}

// TestJSONUnknownKeysAllReported: every unknown key is reported with its
// path, together with the other problems of the file, and nothing is written.
func TestJSONUnknownKeysAllReported(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		before := exportBytes(t, db.Client)
		var doc map[string]any
		if err := json.Unmarshal(before, &doc); err != nil {
			t.Fatal(err)
		}
		brands := doc["brands"].([]any)
		brands[3].(map[string]any)["regon"] = "420103"
		brands[5].(map[string]any)["nmeZh"] = "名字"
		brands[5].(map[string]any)["logo"] = map[string]any{"url": "https://example.com/l.png", "alt": "标志", "colour": "red"}
		brands[4].(map[string]any)["category"] = "NOPE"
		doc["venues"].([]any)[0].(map[string]any)["openingHours"] = "9-17"
		doc["brand"] = []any{}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		_, err = importBytes(t, db.Client, "keys.json", data, dataio.Options{})
		got := problems(t, err)
		for _, want := range []string{
			"brands[3].regon: unknown key; did you mean regionCode?",
			"brands[5].nmeZh: unknown key; did you mean nameZh?",
			"brands[5].logo.colour: unknown key",
			"venues[0].openingHours: unknown key; did you mean openingHoursEn?",
			"brand: unknown key; did you mean brands?",
			"brands[4] (slug " + brands[4].(map[string]any)["slug"].(string) + ") category: \"NOPE\" is not one of",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("problems lack %q:\n%s", want, got)
			}
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("a refused import changed the database")
		}
	})
}
