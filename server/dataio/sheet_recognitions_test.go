package dataio_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"brandshow/ent/recognition"
	"brandshow/ent/schematype"
	"brandshow/server/dataio"
	"brandshow/server/store/storetest"
)

// TestRecognitionSpreadsheets: recognitions come in from CSV and XLSX (a
// header with issuer_zh makes a recognition sheet), an upsert changes only
// the columns given (an owner column replaces the owner), they go out and
// back through JSON unchanged, and bad rows write nothing.
func TestRecognitionSpreadsheets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client

		csv := "\ufeffslug,title_zh,level,issuer_zh,year,document_number,batch,brand,status\n" +
			"csv-youxiu,湖北省优秀劳务品牌,provincial,湖北省人力资源和社会保障厅,2022,鄂人社发〔2022〕13号,第二批,yunyang-fangzhi-gong,PUBLISHED\n" +
			"csv-county,县级劳务品牌,County,郧阳区人社局,\"2,021\",,,yunyang-fangzhi-gong,\n"
		rep, err := importBytes(t, c, "recognitions.csv", []byte(csv), dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Recognitions.Created != 2 {
			t.Fatalf("report: %v", rep.Lines())
		}
		r := c.Recognition.Query().Where(recognition.Slug("csv-youxiu")).WithBrand().OnlyX(ctx)
		if r.Level != recognition.LevelPROVINCIAL || r.Year != 2022 || r.DocumentNumber != "鄂人社发〔2022〕13号" || r.Batch != "第二批" ||
			r.Edges.Brand == nil || r.Edges.Brand.Slug != "yunyang-fangzhi-gong" || r.Status != schematype.StatusPublished || r.EndedOn != nil {
			t.Fatalf("imported recognition: %+v", r)
		}
		if county := c.Recognition.Query().Where(recognition.Slug("csv-county")).OnlyX(ctx); county.Year != 2021 || county.Status != schematype.StatusDraft {
			t.Fatalf("imported county recognition: %+v", county)
		}

		// Ended, and moved to an enterprise: the other columns stay.
		rep, err = importBytes(t, c, "end.csv", []byte("slug,ended_on,end_reason,enterprise,issuer_zh\ncsv-youxiu,2025/6/30,withdrawn,chutian-renli-ziyuan,湖北省人力资源和社会保障厅\n"), dataio.Options{})
		if err != nil || rep.Recognitions.Updated != 1 {
			t.Fatalf("upsert: %v %v", rep.Lines(), err)
		}
		r = c.Recognition.Query().Where(recognition.Slug("csv-youxiu")).WithBrand().WithEnterprise().OnlyX(ctx)
		if r.EndedOn == nil || !r.EndedOn.Equal(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)) || r.EndReason == nil || *r.EndReason != recognition.EndReasonWITHDRAWN ||
			r.Edges.Brand != nil || r.Edges.Enterprise == nil || r.DocumentNumber != "鄂人社发〔2022〕13号" {
			t.Fatalf("after the upsert: %+v", r)
		}

		bad := "slug,title_zh,level,issuer_zh,year,brand,venue,ended_on,end_reason\n" +
			"bad-1,坏,CITY,厅,2022,hongan-dasao,,,\n" +
			"bad-2,坏,COUNTY,厅,2022,hongan-dasao,hongan-dasao-peixun-jidi,,\n" +
			"bad-3,坏,COUNTY,厅,2022,,,,\n" +
			"bad-4,坏,COUNTY,厅,2022,no-such-brand,,,\n" +
			"bad-5,坏,COUNTY,厅,2022,hongan-dasao,,2024-01-01,\n" +
			"bad-6,坏,COUNTY,厅,1800,hongan-dasao,,,\n"
		_, err = importBytes(t, c, "bad.csv", []byte(bad), dataio.Options{})
		msg := problems(t, err)
		for _, want := range []string{"line 2, column level", "line 3, column brand", "line 4, column brand", "no-such-brand", "line 6, column end_reason", "line 7, column year"} {
			if !strings.Contains(msg, want) {
				t.Errorf("problems do not mention %q:\n%s", want, msg)
			}
		}
		if n := c.Recognition.Query().Where(recognition.SlugHasPrefix("bad-")).CountX(ctx); n != 0 {
			t.Fatalf("%d bad recognitions written", n)
		}

		f := excelize.NewFile()
		rows := [][]any{
			{"slug", "title_zh", "level", "issuer_zh", "year", "role_model"},
			{"xlsx-nengshou", "湖北省技术能手", "PROVINCIAL", "湖北省人力资源和社会保障厅", 2023, "chen-zhiqiang"},
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
		rep, err = importBytes(t, c, "recognitions.xlsx", buf.Bytes(), dataio.Options{})
		if err != nil || rep.Recognitions.Created != 1 {
			t.Fatalf("xlsx: %v %v", rep.Lines(), err)
		}
		if x := c.Recognition.Query().Where(recognition.Slug("xlsx-nengshou")).WithRoleModel().OnlyX(ctx); x.Edges.RoleModel == nil || x.Year != 2023 {
			t.Fatalf("xlsx recognition: %+v", x)
		}

		// Out and back in: nothing changes.
		doc, err := dataio.Export(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Recognitions) == 0 {
			t.Fatal("the export has no recognitions")
		}
		rep, err = dataio.Import(ctx, c, dataio.DocumentSource("export.json", doc), dataio.Options{})
		if err != nil || rep.Recognitions.Created+rep.Recognitions.Updated != 0 {
			t.Fatalf("re-import of the export: %v %v", rep.Lines(), err)
		}
	})
}
