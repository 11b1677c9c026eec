package dataio_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"brandshow/ent/figure"
	"brandshow/server/dataio"
	"brandshow/server/store/storetest"
)

// TestFigureSpreadsheets: a department's yearly figures come in from CSV
// and XLSX (a header with metric makes a figure sheet; the brand, metric
// and period are the key when there is no slug), a second sheet for the
// same year updates instead of adding, an empty as_of is "no date", and bad
// rows write nothing.
func TestFigureSpreadsheets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		before := c.Figure.Query().CountX(ctx)

		csv := "\ufeffbrand,metric,period,value,as_of,source_zh,status\n" +
			"yunyang-fangzhi-gong,certified,2025,\"1,234\",2025-06-30,十堰市人社局,PUBLISHED\n" +
			"yunyang-fangzhi-gong,Returnee entrepreneurs,2025,56,,十堰市人社局,\n"
		rep, err := importBytes(t, c, "figures.csv", []byte(csv), dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Figures.Created != 2 {
			t.Fatalf("report: %v", rep.Lines())
		}
		f := c.Figure.Query().Where(figure.Slug("yunyang-fangzhi-gong-certified-2025")).WithBrand().OnlyX(ctx)
		if f.Value != 1234 || f.Metric != figure.MetricCERTIFIED || f.AsOf == nil || !f.AsOf.Equal(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)) || f.Edges.Brand.Slug != "yunyang-fangzhi-gong" {
			t.Fatalf("imported figure: %+v", f)
		}
		if r := c.Figure.Query().Where(figure.Slug("yunyang-fangzhi-gong-returnee-entrepreneurs-2025")).OnlyX(ctx); r.AsOf != nil || r.Value != 56 {
			t.Fatalf("figure without a date: %+v", r)
		}

		// The department corrects its number: same brand, metric and year.
		rep, err = importBytes(t, c, "fix.csv", []byte("brand,metric,period,value\nyunyang-fangzhi-gong,CERTIFIED,2025,1300\n"), dataio.Options{})
		if err != nil || rep.Figures.Updated != 1 || rep.Figures.Created != 0 {
			t.Fatalf("correction: %v %v", rep.Lines(), err)
		}
		if f := c.Figure.Query().Where(figure.Slug("yunyang-fangzhi-gong-certified-2025")).OnlyX(ctx); f.Value != 1300 || f.SourceZh != "十堰市人社局" || f.AsOf == nil {
			t.Fatalf("after the correction: %+v", f)
		}

		bad := "brand,metric,period,value,source_zh\n" +
			"hongan-dasao,SMILES,2025,1,厅\n" +
			"no-such-brand,TRAINED,2025,1,厅\n" +
			"hongan-dasao,TRAINED,2025,-5,厅\n" +
			"hongan-dasao,TRAINED,2026,lots,厅\n" +
			"hongan-dasao,CERTIFIED,2025,1,\n"
		_, err = importBytes(t, c, "bad.csv", []byte(bad), dataio.Options{})
		msg := problems(t, err)
		for _, want := range []string{"line 2, column metric", "line 3, column brand", "line 4, column value", "line 5, column value", "line 6, column source_zh"} {
			if !strings.Contains(msg, want) {
				t.Errorf("problems do not mention %q:\n%s", want, msg)
			}
		}
		if n := c.Figure.Query().CountX(ctx); n != before+2 {
			t.Fatalf("%d figures, want %d: bad rows were written", n, before+2)
		}

		x := excelize.NewFile()
		rows := [][]any{
			{"brand", "metric", "period", "value", "as_of", "source_zh", "source_url"},
			{"hongan-dasao", "TRAINED", 2025, 8000, 46022, "黄冈市人社局", "https://example.com/2025"},
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := x.SetSheetRow("Sheet1", cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			t.Fatal(err)
		}
		rep, err = importBytes(t, c, "figures.xlsx", buf.Bytes(), dataio.Options{})
		if err != nil || rep.Figures.Created != 1 {
			t.Fatalf("xlsx: %v %v", rep.Lines(), err)
		}
		// 46022 is Excel's serial number of 2025-12-31.
		if g := c.Figure.Query().Where(figure.Slug("hongan-dasao-trained-2025")).OnlyX(ctx); g.Value != 8000 || g.AsOf == nil || g.AsOf.Format(time.DateOnly) != "2025-12-31" {
			t.Fatalf("xlsx figure: %+v", g)
		}

		// Out and back in: nothing changes.
		doc, err := dataio.Export(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		rep, err = dataio.Import(ctx, c, dataio.DocumentSource("export.json", doc), dataio.Options{})
		if err != nil || rep.Figures.Created+rep.Figures.Updated != 0 || len(doc.Figures) == 0 {
			t.Fatalf("re-import of the export: %v %v", rep.Lines(), err)
		}
	})
}

// TestFigureConflictIsAProblem: a figure whose brand, metric and year
// another figure holds already (under another slug) is reported at its row
// in words, without the database's message, and nothing is written.
func TestFigureConflictIsAProblem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		before := c.Figure.Query().CountX(ctx)
		taken := c.Figure.Query().Where(figure.PeriodEQ(2024), figure.MetricEQ(figure.MetricWORKERS_EMPLOYED)).WithBrand().FirstX(ctx)
		csv := "slug,brand,metric,period,value,source_zh\n" +
			"brand-new-figure,yunyang-fangzhi-gong,TRAINED,2031,7,厅\n" +
			fmt.Sprintf("another-slug,%s,WORKERS_EMPLOYED,2024,1,厅\n", taken.Edges.Brand.Slug)
		_, err := importBytes(t, c, "clash.csv", []byte(csv), dataio.Options{})
		got := problems(t, err)
		if !strings.Contains(got, "line 3") || !strings.Contains(got, "one figure per metric and period") {
			t.Fatalf("problems: %s", got)
		}
		for _, leak := range []string{"UNIQUE", "constraint", "figures.", "duplicate key", "ent:"} {
			if strings.Contains(got, leak) {
				t.Errorf("the problem shows the database's words (%q): %s", leak, got)
			}
		}
		if after := c.Figure.Query().CountX(ctx); after != before {
			t.Errorf("%d figures after a refused import, %d before", after, before)
		}
	})
}
