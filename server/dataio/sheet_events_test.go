package dataio_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"brandshow/ent/event"
	"brandshow/ent/schematype"
	"brandshow/server/dataio"
	"brandshow/server/store/storetest"
)

// TestEventSpreadsheets: events come in from CSV and XLSX (a header with
// starts_at makes an event sheet), times are read in Asia/Shanghai, an
// upsert changes only the columns given, and bad rows write nothing.
func TestEventSpreadsheets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		sh, _ := time.LoadLocation("Asia/Shanghai")

		csv := "\ufeffslug,title_zh,title_en,kind,starts_at,ends_at,all_day,region_code,venue,brands,registration_url,status\n" +
			"csv-forum,表格论坛,Sheet forum,forum,2027-04-22 09:00,2027-04-22 17:30,,420106,hubei-laowu-pinpai-wenhua-tiyanguan,\"hongan-dasao, enshi-xicha-shi\",https://example.com/r,PUBLISHED\n" +
			"csv-fair,表格招聘会,,Job Fair,2027-05-01,2027-05-03,是,421122,,,,\n"
		rep, err := importBytes(t, c, "events.csv", []byte(csv), dataio.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Events.Created != 2 {
			t.Fatalf("report: %v", rep.Lines())
		}
		forum := c.Event.Query().Where(event.Slug("csv-forum")).WithBrands().WithVenue().OnlyX(ctx)
		if !forum.StartsAt.Equal(time.Date(2027, 4, 22, 9, 0, 0, 0, sh)) || forum.Kind != event.KindFORUM || forum.AllDay ||
			len(forum.Edges.Brands) != 2 || forum.Edges.Venue == nil || forum.Status != schematype.StatusPublished {
			t.Fatalf("imported forum: %+v", forum)
		}
		fair := c.Event.Query().Where(event.Slug("csv-fair")).OnlyX(ctx)
		if !fair.AllDay || !fair.StartsAt.Equal(time.Date(2027, 5, 1, 0, 0, 0, 0, sh)) || fair.Kind != event.KindJOB_FAIR || fair.Status != schematype.StatusDraft {
			t.Fatalf("imported fair: %+v", fair)
		}

		rep, err = importBytes(t, c, "cancel.csv", []byte("slug,cancelled,starts_at\ncsv-forum,yes,2027-04-22 09:00\n"), dataio.Options{})
		if err != nil || rep.Events.Updated != 1 {
			t.Fatalf("upsert: %v %v", rep.Lines(), err)
		}
		if f := c.Event.Query().Where(event.Slug("csv-forum")).WithBrands().OnlyX(ctx); !f.Cancelled || f.TitleZh != "表格论坛" || len(f.Edges.Brands) != 2 || f.Sequence != forum.Sequence+1 {
			t.Fatalf("the upsert changed more than cancelled, or kept the sequence: %+v", f)
		}

		bad := "slug,title_zh,kind,starts_at,region_code,registration_url\n" +
			"bad-1,坏,PARTY,2027-01-01,420106,\n" +
			"bad-2,坏,FORUM,tomorrow,420106,\n" +
			"bad-3,坏,FORUM,2027-01-01,999999,http://example.com\n"
		_, err = importBytes(t, c, "bad.csv", []byte(bad), dataio.Options{})
		msg := problems(t, err)
		for _, want := range []string{"line 2", "kind", "line 3", "starts_at", "line 4", "region_code"} {
			if !strings.Contains(msg, want) {
				t.Errorf("problems do not mention %q:\n%s", want, msg)
			}
		}
		if n := c.Event.Query().Where(event.SlugHasPrefix("bad-")).CountX(ctx); n != 0 {
			t.Fatalf("%d bad events written", n)
		}

		f := excelize.NewFile()
		rows := [][]any{
			{"slug", "title_zh", "kind", "starts_at", "region_code"},
			{"xlsx-training", "工作簿培训", "TRAINING", "2027-07-05 14:00", "429004"},
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
		rep, err = importBytes(t, c, "events.xlsx", buf.Bytes(), dataio.Options{})
		if err != nil || rep.Events.Created != 1 {
			t.Fatalf("xlsx: %v %v", rep.Lines(), err)
		}
		x := c.Event.Query().Where(event.Slug("xlsx-training")).OnlyX(ctx)
		if !x.StartsAt.Equal(time.Date(2027, 7, 5, 14, 0, 0, 0, sh)) || x.Kind != event.KindTRAINING {
			t.Fatalf("xlsx event: %+v", x)
		}
	})
}
