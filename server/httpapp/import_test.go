package httpapp_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"brandshow/ent/auditentry"
	"brandshow/ent/brand"
	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/httpapp"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

type importAnswer struct {
	DryRun  bool `json:"dryRun"`
	Written bool `json:"written"`
	Counts  []struct {
		Collection                  string
		Created, Updated, Unchanged int
	} `json:"counts"`
	Problems []struct{ Where, Message string } `json:"problems"`
}

// TestImportEndpoint: POST /import takes a spreadsheet from a token holder
// only, is a dry run unless commit=1 (nothing written, the would-be counts
// reported), reports every bad row with its line and column and writes
// nothing then, writes as the token's holder (audited under its name; an
// editor's sheet cannot publish), and with commit=1 writes.
func TestImportEndpoint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, db := withBase(t, dia, true)
		ctx := visibility.WithSystem(context.Background())
		tokens := map[string]string{}
		for _, role := range []token.Role{token.RoleEDITOR, token.RolePUBLISHER} {
			tok, hash, err := auth.NewToken()
			if err != nil {
				t.Fatal(err)
			}
			db.Client.Token.Create().SetName("sheet." + strings.ToLower(string(role))).SetRole(role).SetHash(hash).SaveX(ctx)
			tokens[string(role)] = tok
		}
		post := func(role, target, body string) (int, importAnswer) {
			req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
			req.Header.Set("Content-Type", "text/csv")
			if role != "" {
				req.Header.Set("Authorization", "Bearer "+tokens[role])
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var a importAnswer
			_ = json.Unmarshal(rec.Body.Bytes(), &a)
			return rec.Code, a
		}
		exists := func(slug string) bool {
			return db.Client.Brand.Query().Where(brand.Slug(slug)).ExistX(ctx)
		}
		good := "slug,name_zh,region_code,category,level\nsheet-brand,表格品牌,421122,QUALITY_SERVICE,COUNTY\n"

		// Anonymous requests are refused before their body is read: even
		// one over the size limit gets 401, not 413.
		for _, body := range []string{good, strings.Repeat("x", 9<<20)} {
			if code, _ := post("", "/import?file=brands.csv", body); code != http.StatusUnauthorized {
				t.Errorf("anonymous import of %d bytes: %d, want 401", len(body), code)
			}
		}
		if code, _ := post("EDITOR", "/import?file=brands.csv", strings.Repeat("x", 9<<20)); code != http.StatusRequestEntityTooLarge {
			t.Errorf("a 9 MB file: %d, want 413", code)
		}
		if code, _ := post("EDITOR", "/import?file=brands.txt", good); code != http.StatusBadRequest {
			t.Errorf("unknown format: %d, want 400", code)
		}

		code, a := post("EDITOR", "/import?file=brands.csv", good)
		if code != http.StatusOK || !a.DryRun || a.Written || len(a.Counts) != 1 || a.Counts[0].Collection != "brands" || a.Counts[0].Created != 1 {
			t.Fatalf("dry run: %d %+v", code, a)
		}
		if exists("sheet-brand") {
			t.Fatal("the dry run wrote")
		}

		bad := good + "sheet-brand-2,另一个,421122,FOO,COUNTY\n"
		code, a = post("EDITOR", "/import?file=brands.csv&commit=1", bad)
		if code != http.StatusUnprocessableEntity || a.Written || len(a.Problems) != 1 || !strings.Contains(a.Problems[0].Where, "line 3, column category") {
			t.Fatalf("bad row: %d %+v", code, a)
		}
		if exists("sheet-brand") || exists("sheet-brand-2") {
			t.Fatal("a refused import wrote")
		}

		// The editor's role holds: a sheet that publishes is refused whole.
		code, a = post("EDITOR", "/import?file=brands.csv&commit=1", "slug,name_zh,region_code,category,level,status\nsheet-brand,表格品牌,421122,QUALITY_SERVICE,COUNTY,PUBLISHED\n")
		if code != http.StatusUnprocessableEntity || a.Written || len(a.Problems) == 0 || exists("sheet-brand") {
			t.Fatalf("an editor's sheet that publishes: %d %+v", code, a)
		}

		code, a = post("EDITOR", "/import?file=brands.csv&commit=1", good)
		if code != http.StatusOK || a.DryRun || !a.Written || !exists("sheet-brand") {
			t.Fatalf("commit: %d %+v", code, a)
		}
		b := db.Client.Brand.Query().Where(brand.Slug("sheet-brand")).OnlyX(ctx)
		if b.Status != "DRAFT" {
			t.Errorf("an imported brand is %s, want DRAFT", b.Status)
		}
		admin := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin})
		actors := db.Client.AuditEntry.Query().Where(auditentry.EntityID(b.ID)).Select(auditentry.FieldActor).StringsX(admin)
		if len(actors) == 0 || actors[0] != "sheet.editor" {
			t.Errorf("audit actors %v", actors)
		}
	})
}

// TestLargeImportRefreshesStatistics: a committed console import of many
// rows leaves PostgreSQL's statistics fresh (a manual ANALYZE, as `server
// import` runs), so the new rows are not planned blind until autovacuum.
func TestLargeImportRefreshesStatistics(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip("PostgreSQL only: set " + storetest.PostgresEnv)
	}
	db, _ := storetest.Fresh(t, dialect.Postgres, false)
	ctx := visibility.WithSystem(context.Background())
	if _, err := seed.LoadRegions(ctx, db.Client); err != nil {
		t.Fatal(err)
	}
	h := httpapp.New(httpapp.Config{DB: db, AllowedOrigins: []string{"*"}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	tok, hash, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	db.Client.Token.Create().SetName("sheet.large").SetRole(token.RoleEDITOR).SetHash(hash).SaveX(ctx)
	analyzed := func() bool {
		t.Helper()
		var at sql.NullTime // the time of the last manual ANALYZE (autovacuum's is another column)
		if err := db.SQL.QueryRowContext(ctx, `SELECT last_analyze FROM pg_stat_user_tables
			WHERE schemaname = current_schema() AND relname = 'brands'`).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return at.Valid
	}
	if analyzed() {
		t.Fatal("brands analyzed before the import: the test would prove nothing")
	}
	post := func(rows int, commit bool) {
		t.Helper()
		var sheet strings.Builder
		sheet.WriteString("slug,name_zh,region_code,category,level\n")
		for i := range rows {
			fmt.Fprintf(&sheet, "sheet-brand-%d-%d,表格品牌%d,421122,QUALITY_SERVICE,COUNTY\n", rows, i, i)
		}
		target := "/import?file=brands.csv"
		if commit {
			target += "&commit=1"
		}
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(sheet.String()))
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("import of %d rows: %d %s", rows, rec.Code, rec.Body)
		}
	}
	post(3, true) // small: autovacuum is enough
	post(400, false)
	if analyzed() {
		t.Fatal("a small import or a dry run refreshed the statistics")
	}
	post(400, true)
	if !analyzed() {
		t.Error("after a committed import of 400 brands, brands was never analyzed")
	}
}
