package main

import (
	"brandshow/server/media"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/visibility"
	"brandshow/server/dataio"
	"brandshow/server/seed"
	"brandshow/server/store/storetest"
)

// TestServeSeedsAndShutsDownGracefully runs the real command on a fresh
// SQLite file: it must migrate, load the demo content, answer, and return
// cleanly when its context is cancelled (as on SIGTERM).
func TestServeSeedsAndShutsDownGracefully(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	dbFile := filepath.Join(t.TempDir(), "showcase.db")
	t.Setenv("LOG_LEVEL", "warn")
	pl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	pprofAddr := pl.Addr().String()
	pl.Close()
	go func() {
		done <- run(ctx, []string{"serve", "-addr", addr, "-database-url", dbFile, "-pprof-addr", pprofAddr}, io.Discard, os.Stderr)
	}()

	base := "http://" + addr
	// A first start loads the demo and draws its pictures: about 5 s, but
	// far longer under the race detector on a busy machine (CI). A bound,
	// not a speed goal.
	deadline := time.Now().Add(4 * time.Minute)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready: %v", err)
		}
		select {
		case err := <-done:
			t.Fatalf("server stopped early: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"query KeyFigures { stats { brandCount } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"brandCount":`) || strings.Contains(string(body), `"brandCount":0`) {
		t.Fatalf("demo content not served: %s", body)
	}
	// Metrics: the request above is counted, with its SQL statements.
	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	m := string(body)
	for _, want := range []string{
		`brandshow_requests_total{operation="KeyFigures",path="/graphql",status="2xx"} 1`,
		`brandshow_sql_statements_per_request_count{operation="KeyFigures"} 1`,
		`go_sql_max_open_connections{db_name="brandshow"}`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(m, `brandshow_sql_statements_per_request_sum{operation="KeyFigures"} 0`) {
		t.Error("SQL statements were not counted")
	}
	// Profiles are served on the PPROF_ADDR listener, never on the public one.
	if code, body := get(t, "http://"+pprofAddr+"/debug/pprof/"); code != 200 || !strings.Contains(body, "goroutine") {
		t.Errorf("pprof listener: %d %.200s", code, body)
	}
	// (The public listener answers unknown paths with the web client's
	// page, so the test looks for pprof's own content, not the status.)
	for _, path := range []string{"/debug/pprof/", "/debug/pprof/goroutine?debug=1"} {
		if _, body := get(t, base+path); strings.Contains(body, "goroutine") || strings.Contains(body, "profiles available") {
			t.Errorf("pprof is served on the public listener at %s", path)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestUnknownCommand(t *testing.T) {
	if err := run(context.Background(), []string{"frobnicate"}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Fatalf("run(frobnicate) = %v", err)
	}
}

// TestDemoContentOnlyIntoAnEmptyDatabase: a restart does not bring back a
// demo brand that an editor deleted.
func TestDemoContentOnlyIntoAnEmptyDatabase(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", false)
	ctx := visibility.WithSystem(context.Background())
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	pictures, err := media.Open(ctx, media.Config{URL: "file://" + t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if err := loadDemoIfEmpty(ctx, db, pictures, logger); err != nil {
		t.Fatal(err)
	}
	n := db.Client.Brand.Query().CountX(ctx)
	if n == 0 {
		t.Fatal("demo content not loaded into the empty database")
	}
	db.Client.Brand.Delete().Where(brand.Slug(seed.DemoBrands()[0].Slug)).ExecX(ctx)
	if err := loadDemoIfEmpty(ctx, db, pictures, logger); err != nil {
		t.Fatal(err)
	}
	if got := db.Client.Brand.Query().CountX(ctx); got != n-1 {
		t.Fatalf("%d brands after a restart, want %d: a deleted demo brand came back", got, n-1)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestPprofListener(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	addr, stop, err := startPprof("127.0.0.1:0", logger)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, "http://"+addr+"/debug/pprof/cmdline"); code != 200 || body == "" {
		t.Errorf("cmdline: %d %q", code, body)
	}
	stop()
	if _, err := http.Get("http://" + addr + "/debug/pprof/"); err == nil {
		t.Error("the pprof listener still answers after stop")
	}
	if err := run(context.Background(), []string{"serve", "-pprof-addr", "0.0.0.0:6060"}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("a public pprof address must be refused: %v", err)
	}
}

// TestHelpListsCommandsAndExitsZero: `server -h` is where a newcomer looks
// first; it names every command, not only the flags, and is not an error.
func TestHelpListsCommandsAndExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}, {"serve", "-h"}} {
		var out strings.Builder
		if err := run(context.Background(), args, &out, io.Discard); err != nil {
			t.Errorf("server %s: %v, want success", strings.Join(args, " "), err)
		}
		for _, want := range []string{"serve", "migrate", "seed", "--synthetic", "token", "import", "export", "-addr", "DATABASE_URL", "-response-cache-mb"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("server %s does not mention %q:\n%s", strings.Join(args, " "), want, out.String())
			}
		}
	}
	// The commands with flags of their own print them and succeed too.
	for _, args := range [][]string{{"export", "-h"}, {"import", "-h"}, {"token", "create", "-h"}, {"token", "-h"}, {"token", "help"}, {"seed", "--synthetic", "-h"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err != nil {
			t.Errorf("server %s: %v, want success", strings.Join(args, " "), err)
		}
	}
}

// syncBuffer is a log destination the server writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestStartupLogPrintsWorkingURLs: the start-up log names the bound port
// (not ":0") and prints URLs of the site, kiosk, search and GraphiQL that
// answer when opened.
func TestStartupLogPrintsWorkingURLs(t *testing.T) {
	t.Setenv("LOG_LEVEL", "info")
	t.Setenv("LOG_FORMAT", "text")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log syncBuffer
	done := make(chan error, 1)
	dbFile := filepath.Join(t.TempDir(), "urls.db")
	go func() {
		done <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-database-url", dbFile, "-demo-content", "false"}, io.Discard, &log)
	}()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(log.String(), "graphiql=") {
		select {
		case err := <-done:
			t.Fatalf("server stopped: %v\n%s", err, log.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URLs in the start-up log:\n%s", log.String())
		}
	}
	logged := log.String()
	if m := regexp.MustCompile(`msg=listening addr=(\S+)`).FindStringSubmatch(logged); m == nil || strings.HasSuffix(m[1], ":0") {
		t.Errorf("the listening line does not name the bound port:\n%s", logged)
	}
	for _, page := range []string{"site", "kiosk", "search", "graphiql"} {
		m := regexp.MustCompile(`\b` + page + `=(http://127\.0\.0\.1:[1-9][0-9]*/\S*)`).FindStringSubmatch(logged)
		if m == nil {
			t.Errorf("no %s URL in the start-up log:\n%s", page, logged)
			continue
		}
		if code, _ := get(t, m[1]); code != http.StatusOK {
			t.Errorf("%s URL %s answers %d", page, m[1], code)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

// TestNoListeningLineWhenThePortIsTaken: "listening" is logged only once
// the port is bound; a taken port is an error, not a false promise.
func TestNoListeningLineWhenThePortIsTaken(t *testing.T) {
	t.Setenv("LOG_LEVEL", "info")
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	var log syncBuffer
	dbFile := filepath.Join(t.TempDir(), "taken.db")
	err = run(context.Background(), []string{"serve", "-addr", taken.Addr().String(), "-database-url", dbFile, "-demo-content", "false"}, io.Discard, &log)
	if err == nil {
		t.Fatal("serving on a taken port succeeded")
	}
	if strings.Contains(log.String(), "listening") {
		t.Errorf("logged listening on a port it could not bind:\n%s", log.String())
	}
}

// TestRegionsCommandLoadsRegionsAlone: `server regions` fills an empty
// database with every region and nothing else, and a second run changes
// nothing.
func TestRegionsCommandLoadsRegionsAlone(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "regions.db")
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	for range 2 {
		if err := run(ctx, []string{"regions", "-database-url", db}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := exportCommand(ctx, []string{"-database-url", db}, &out, quiet); err != nil {
			t.Fatal(err)
		}
		var doc dataio.Document
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Regions) != len(seed.DemoRegions()) || len(doc.Regions) < 117 {
			t.Errorf("%d regions loaded, want all %d", len(doc.Regions), len(seed.DemoRegions()))
		}
		if n := len(doc.Brands) + len(doc.RoleModels) + len(doc.Enterprises) + len(doc.Alliances) + len(doc.Venues) + len(doc.MediaCoverage); n != 0 {
			t.Errorf("%d other items loaded, want regions alone", n)
		}
	}
}

// TestReindexCommandRebuildsTheSearchIndex: `server reindex` rewrites every
// search row from the content, so keys written by an older indexer (here:
// a pinyin column overwritten by hand) are replaced.
func TestReindexCommandRebuildsTheSearchIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "reindex.db")
	if err := run(ctx, []string{"seed", "-database-url", path}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stale := func() int {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM search_docs WHERE pinyin = 'stale'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, err := db.Exec(`UPDATE search_docs SET pinyin = 'stale'`); err != nil {
		t.Fatal(err)
	}
	if stale() == 0 {
		t.Fatal("no search rows to make stale: the demo content was not indexed")
	}
	if err := run(ctx, []string{"reindex", "-database-url", path}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if n := stale(); n != 0 {
		t.Errorf("%d search rows still hold the old keys after reindex", n)
	}
}
