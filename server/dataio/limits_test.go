package dataio_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"brandshow/server/dataio"
	"brandshow/server/store/storetest"
)

// TestImportObeysFieldLimits: the import writes through the same ent
// validators and hooks as the API, so a count out of range, a tag in any
// text (lists and picture alt texts included), a control character or an
// overlong list is a problem that names the row, and nothing is written.
func TestImportObeysFieldLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		before := exportBytes(t, db.Client)
		for _, c := range []struct {
			name string
			edit func(d *dataio.Document)
			want string
		}{
			{"workers overflow", func(d *dataio.Document) { d.Brands[0].WorkersEmployed = math.MaxInt64 }, "workersEmployed"},
			{"patents overflow", func(d *dataio.Document) { d.Brands[0].PatentCount = math.MaxInt64 }, "patentCount"},
			{"tag in outlet", func(d *dataio.Document) { d.MediaCoverage[0].Outlet = "<img src=x onerror=alert(1)>" }, "outlet"},
			{"tag in phone", func(d *dataio.Document) { d.Venues[0].Phone = "<img src=x onerror=alert(1)>" }, "phone"},
			{"tag in honours", func(d *dataio.Document) { d.RoleModels[0].HonoursZh = []string{"<img src=x onerror=alert(1)>"} }, "honoursZh"},
			{"too many honours", func(d *dataio.Document) { d.RoleModels[0].HonoursZh = make([]string, 8000) }, "honoursZh"},
			{"overlong honour", func(d *dataio.Document) { d.RoleModels[0].HonoursEn = []string{strings.Repeat("a", 60000)} }, "honoursEn"},
			{"NUL in name", func(d *dataio.Document) { d.Brands[0].NameZh = "红安\x00大嫂" }, "nameZh"},
		} {
			doc, err := dataio.Export(ctx, db.Client)
			if err != nil {
				t.Fatal(err)
			}
			c.edit(doc)
			var buf bytes.Buffer
			if err := dataio.WriteJSON(&buf, doc); err != nil {
				t.Fatal(err)
			}
			_, err = importBytes(t, db.Client, "bad.json", buf.Bytes(), dataio.Options{})
			if err == nil {
				t.Errorf("%s: import accepted", c.name)
				continue
			}
			if got := problems(t, err); !strings.Contains(got, c.want) {
				t.Errorf("%s: problems do not name %s:\n%s", c.name, c.want, got)
			}
		}
		if after := exportBytes(t, db.Client); !bytes.Equal(before, after) {
			t.Fatal("a refused import changed the database")
		}
	})
}
