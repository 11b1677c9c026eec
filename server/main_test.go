package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/visibility"
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
		done <- run(ctx, []string{"serve", "-addr", addr, "-database-url", dbFile, "-pprof-addr", pprofAddr})
	}()

	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
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
	if err := run(context.Background(), []string{"frobnicate"}); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Fatalf("run(frobnicate) = %v", err)
	}
}

// TestDemoContentOnlyIntoAnEmptyDatabase: a restart does not bring back a
// demo brand that an editor deleted.
func TestDemoContentOnlyIntoAnEmptyDatabase(t *testing.T) {
	db, _ := storetest.Fresh(t, "sqlite3", false)
	ctx := visibility.WithSystem(context.Background())
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := loadDemoIfEmpty(ctx, db, logger); err != nil {
		t.Fatal(err)
	}
	n := db.Client.Brand.Query().CountX(ctx)
	if n == 0 {
		t.Fatal("demo content not loaded into the empty database")
	}
	db.Client.Brand.Delete().Where(brand.Slug(seed.DemoBrands[0].Slug)).ExecX(ctx)
	if err := loadDemoIfEmpty(ctx, db, logger); err != nil {
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
	if err := run(context.Background(), []string{"serve", "-pprof-addr", "0.0.0.0:6060"}); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("a public pprof address must be refused: %v", err)
	}
}
