package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/respcache"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// TestTwoServersInvalidateEachOther runs two real server processes on one
// PostgreSQL database, both with the response cache. A brand is
// unpublished, then published again, through the first; the second, whose
// cache holds the old answer, must give the new one within a second and
// never the old one afterwards. Only LISTEN/NOTIFY can tell it.
func TestTwoServersInvalidateEachOther(t *testing.T) {
	for _, dia := range storetest.Dialects() {
		if dia != dialect.Postgres {
			continue
		}
		ctx := context.Background()
		dbURL := storetest.NewURL(t, dia)
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		db, err := store.Open(ctx, dbURL, store.Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Migrate(ctx, quiet); err != nil {
			t.Fatal(err)
		}
		if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
			t.Fatal(err)
		}
		tok, hash, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		db.Client.Token.Create().SetName("publisher").SetRole("PUBLISHER").SetHash(hash).ExecX(visibility.WithSystem(ctx))
		b := db.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)

		bin := buildServer(t)
		first := startServer(t, bin, dbURL)
		second := startServer(t, bin, dbURL)

		query := `query B($slug: String!) { brand(slug: $slug) { slug } }`
		read := func() (string, string) { // cache status, body
			return anonymousGet(t, second, query, map[string]any{"slug": b.Slug})
		}
		// The second server's cache serves the published brand (its
		// listener is up once a repeated read is a hit).
		waitFor(t, 30*time.Second, "the second server's cache", func() bool {
			read()
			s, body := read()
			return s == "hit" && strings.Contains(body, `"hongan-dasao"`)
		})

		for _, step := range []struct {
			mutation string
			visible  bool
		}{{"unpublish", false}, {"publish", true}, {"unpublish", false}} {
			publisherPost(t, first, tok, `mutation($id: ID!) { `+step.mutation+`(id: $id) { id } }`, map[string]any{"id": strconv.Itoa(b.ID)})
			written := time.Now()
			shows := func(body string) bool { return strings.Contains(body, `"hongan-dasao"`) == step.visible }
			for {
				_, body := read()
				if shows(body) {
					break
				}
				if time.Since(written) > time.Second {
					t.Fatalf("after %s on the first server, the second still answers %s after %v", step.mutation, body, time.Since(written))
				}
				time.Sleep(10 * time.Millisecond)
			}
			t.Logf("%s seen by the second server after %v", step.mutation, time.Since(written).Round(time.Millisecond))
			hits := 0
			for range 100 {
				s, body := read()
				if !shows(body) {
					t.Fatalf("after %s the second server answered %s (%s)", step.mutation, body, s)
				}
				if s == "hit" {
					hits++
				}
			}
			if hits == 0 {
				t.Fatalf("after %s no read was a cache hit: the test proves nothing", step.mutation)
			}
		}

		metrics := httpGet(t, second+"/metrics")
		for _, want := range []string{
			`brandshow_response_cache_invalidations_total{reason="remote_write"}`,
			`brandshow_response_cache_hits_total`,
			`brandshow_response_cache_bytes`,
		} {
			if !strings.Contains(metrics, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
		if strings.Contains(metrics, `brandshow_response_cache_invalidations_total{reason="remote_write"} 0`) {
			t.Error("the second server counted no remote invalidation")
		}
	}
}

// buildServer compiles this command into a temporary directory.
func buildServer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "brandshow")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startServer runs the binary on dbURL and returns its base URL once it is
// ready; it is stopped with SIGTERM when the test ends.
func startServer(t *testing.T, bin, dbURL string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	var logs bytes.Buffer
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "ADDR="+addr, "DATABASE_URL="+dbURL, "DEMO_CONTENT=false", "AUTO_MIGRATE=false",
		"RATE_LIMIT=0", "LOG_LEVEL=warn", "RESPONSE_CACHE_MB=16", "DATABASE_READ_URL=")
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("server %s log:\n%s", addr, logs.String())
		}
	})
	base := "http://" + addr
	waitFor(t, 60*time.Second, "server "+addr, func() bool {
		select {
		case err := <-exited:
			t.Fatalf("server %s exited: %v\n%s", addr, err, logs.String())
		default:
		}
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return base
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not ready after %v", what, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func anonymousGet(t *testing.T, base, query string, vars map[string]any) (string, string) {
	t.Helper()
	v, _ := json.Marshal(vars)
	resp, err := http.Get(base + "/graphql?query=" + url.QueryEscape(query) + "&variables=" + url.QueryEscape(string(v)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || bytes.Contains(body, []byte(`"errors"`)) {
		t.Fatalf("GET: %d %s", resp.StatusCode, body)
	}
	return resp.Header.Get(respcache.StatusHeader), string(body)
}

func publisherPost(t *testing.T, base, tok, query string, vars map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
		t.Fatalf("mutation: %d %s", resp.StatusCode, out)
	}
}

func httpGet(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}
