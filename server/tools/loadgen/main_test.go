package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	_ "github.com/lib/pq"
	dto "github.com/prometheus/client_model/go"

	_ "brandshow/ent/runtime"
	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/httpapp"
	"brandshow/server/media"
	"brandshow/server/metrics"
	"brandshow/server/seed"
	"brandshow/server/store"
)

func TestParseMixes(t *testing.T) {
	mixes, err := parseMixes(strings.NewReader(`
# comment
public: FeaturedPage=30 BrandPage=20   # trailing comment
one: Search
commas: A=1,B=2, C=3
`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]MixEntry{
		"public": {{"FeaturedPage", 30}, {"BrandPage", 20}},
		"one":    {{"Search", 1}},
		"commas": {{"A", 1}, {"B", 2}, {"C", 3}},
	}
	if len(mixes) != len(want) {
		t.Fatalf("mixes: %+v", mixes)
	}
	for name, entries := range want {
		if !reflect.DeepEqual(mixes[name].Entries, entries) {
			t.Errorf("%s: %+v, want %+v", name, mixes[name].Entries, entries)
		}
	}
	if mixes["public"].total != 50 {
		t.Errorf("total weight %d", mixes["public"].total)
	}
	for _, bad := range []string{
		"public FeaturedPage=1", // no colon
		"a: X=0",                // weight not positive
		"a: X=-2",               // negative
		"a: X=two",              // not a number
		"a: X=1 X=2",            // listed twice
		"a:",                    // empty
		"a: =3",                 // no operation
		"a: X=1\na: Y=1",        // defined twice
		"two words: X=1",        // bad name
	} {
		if _, err := parseMixes(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	if _, err := parseMixes(strings.NewReader("ok: X=1\nbad: X=0")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("errors must name the line: %v", err)
	}
}

func TestMixPickFollowsWeights(t *testing.T) {
	m, err := parseMixSpec("t", "A=3,B=1")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	counts := map[string]int{}
	const n = 40000
	for range n {
		counts[m.pick(rng)]++
	}
	if share := float64(counts["A"]) / n; share < 0.73 || share > 0.77 {
		t.Fatalf("A drawn %.3f of the time, want 0.75: %v", share, counts)
	}
}

func TestPoolsFromSetupAnswer(t *testing.T) {
	var answer any
	_ = json.Unmarshal([]byte(`{"data":{"brands":{"edges":[{"node":{"slug":"a"}},{"node":{"slug":"b"}},{"node":{"slug":null}}]}}}`), &answer)
	pools, err := buildPools(map[string]json.RawMessage{
		"slug":  json.RawMessage(`"data.brands.edges.node.slug"`),
		"point": json.RawMessage(`[{"lat":1,"lng":2},{"lat":3,"lng":4}]`),
	}, answer)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pools["slug"], []any{"a", "b"}) {
		t.Fatalf("slug pool %v", pools["slug"])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		v := pools.instantiate(map[string]any{"lat": "$pool:point.lat", "lng": "$pool:point.lng", "s": "$pool:slug", "k": "kept", "n": []any{"$pool:slug"}}, rng)
		if lat, lng := v["lat"].(float64), v["lng"].(float64); lng != lat+1 {
			t.Fatalf("fields of one drawn value must stay a pair: %v", v)
		}
		if v["k"] != "kept" || (v["s"] != "a" && v["s"] != "b") || v["n"].([]any)[0] != v["s"] {
			t.Fatalf("instantiated %v", v)
		}
	}
	if _, err := buildPools(map[string]json.RawMessage{"x": json.RawMessage(`"data.nothing"`)}, answer); err == nil {
		t.Error("an empty pool must be an error")
	}
	if _, err := buildPools(map[string]json.RawMessage{"x": json.RawMessage(`"data.a"`)}, nil); err == nil {
		t.Error("a path without a setup query must be an error")
	}
	if _, err := buildPools(map[string]json.RawMessage{"x": json.RawMessage(`7`)}, answer); err == nil {
		t.Error("a pool that is neither a path nor an array must be an error")
	}
}

// TestOperationDirectoriesMatch: ours and the peer's directories define the
// same operations and mixes, so a mix means the same work on both.
func TestOperationDirectoriesMatch(t *testing.T) {
	ours, err := loadOpsDir("ops/brandshow")
	if err != nil {
		t.Fatal(err)
	}
	peer, err := loadOpsDir("peer/ops")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sortedKeys(ours.Operations), sortedKeys(peer.Operations)) {
		t.Errorf("operations differ: %v vs %v", sortedKeys(ours.Operations), sortedKeys(peer.Operations))
	}
	if !reflect.DeepEqual(ours.Mixes, peer.Mixes) {
		t.Errorf("mixes differ")
	}
	for _, d := range []*OpsDir{ours, peer} {
		for name, op := range d.Operations {
			if got := operationName(op.Query); got != name {
				t.Errorf("%s/%s.graphql names its operation %q", d.Dir, name, got)
			}
		}
	}
	if _, err := ours.mix("FeaturedPage=2,NoSuchOp=1"); err == nil {
		t.Error("an inline mix with an unknown operation must be refused")
	}
	if m, err := ours.mix("Search"); err != nil || m.Entries[0].Op != "Search" {
		t.Errorf("a single operation is a mix: %+v %v", m, err)
	}
}

func TestParseStatements(t *testing.T) {
	families, err := parseMetrics(strings.NewReader(`# HELP brandshow_sql_statements_per_request SQL statements.
# TYPE brandshow_sql_statements_per_request histogram
brandshow_sql_statements_per_request_bucket{operation="A",le="+Inf"} 4
brandshow_sql_statements_per_request_sum{operation="A"} 20
brandshow_sql_statements_per_request_count{operation="A"} 4
brandshow_sql_statements_per_request_bucket{operation="B",le="+Inf"} 6
brandshow_sql_statements_per_request_sum{operation="B"} 6
brandshow_sql_statements_per_request_count{operation="B"} 6
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := statementsFrom(families)
	if err != nil || c.Statements != 26 || c.Requests != 10 {
		t.Fatalf("got %+v %v, want 26 statements in 10 requests", c, err)
	}
	if _, err := statementsFrom(map[string]*dto.MetricFamily{}); err == nil {
		t.Error("a server without the metric must be an error")
	}
}

func TestOnlyLoopbackTargets(t *testing.T) {
	for _, u := range []string{"http://10.0.0.1/graphql", "http://example.org/graphql", "ftp://127.0.0.1/"} {
		if _, err := parseFlags([]string{"-url", u}); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
	o, err := parseFlags([]string{"-url", "http://127.0.0.1:8090/graphql"})
	if err != nil || o.metricsURL != "http://127.0.0.1:8090/metrics" {
		t.Errorf("metrics URL derived from the target: %q %v", o.metricsURL, err)
	}
}

// pgMessage is one typed protocol message.
func pgMessage(typ byte, payload string) []byte {
	b := []byte{typ, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], uint32(4+len(payload)))
	return append(b, payload...)
}

func untypedMessage(code uint32, payload string) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint32(b, uint32(8+len(payload)))
	binary.BigEndian.PutUint32(b[4:], code)
	return append(b, payload...)
}

func TestPGCountCountsQueryAndExecute(t *testing.T) {
	var in bytes.Buffer
	in.Write(untypedMessage(80877103, ""))                       // SSLRequest
	in.Write(untypedMessage(196608, "user\x00postgres\x00\x00")) // startup, protocol 3.0
	in.Write(pgMessage('Q', "SELECT 1\x00"))
	in.Write(pgMessage('P', "\x00SELECT $1\x00\x00\x00"))
	in.Write(pgMessage('B', strings.Repeat("x", 70000))) // longer than the reader's buffer
	in.Write(pgMessage('E', "\x00\x00\x00\x00\x00"))
	in.Write(pgMessage('S', ""))
	in.Write(pgMessage('E', "\x00\x00\x00\x00\x00"))
	in.Write(pgMessage('X', ""))
	sent := bytes.Clone(in.Bytes())
	var out bytes.Buffer
	c := &pgCounter{}
	_ = c.countMessages(&in, &out)
	if c.n.Load() != 3 {
		t.Errorf("counted %d statements, want 3 (one Query, two Execute)", c.n.Load())
	}
	if !bytes.Equal(out.Bytes(), sent) {
		t.Errorf("the proxy changed the bytes: %d in, %d out", len(sent), out.Len())
	}
}

// TestPGCountOnPostgreSQL puts the proxy between lib/pq and a real
// PostgreSQL when TEST_POSTGRES_URL gives one.
func TestPGCountOnPostgreSQL(t *testing.T) {
	dsn := os.Getenv("TEST_POSTGRES_URL")
	if dsn == "" {
		t.Skip("TEST_POSTGRES_URL not set")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := &pgCounter{}
	upstream := u.Host
	go func() { _ = c.serve(ctx, l, upstream) }()
	defer l.Close()
	u.Host = l.Addr().String()
	db, err := sql.Open("postgres", u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	before := c.n.Load()
	var n int
	for i := range 3 {
		if err := db.QueryRow("SELECT $1::int + 1", i).Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec("SELECT 1"); err != nil {
		t.Fatal(err)
	}
	if got := c.n.Load() - before; got != 4 {
		t.Errorf("counted %d statements, want 4", got)
	}
}

// demoServer serves httpapp.New over a fresh SQLite database with the
// demo content, counting SQL statements for /metrics as main does.
func demoServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv, _ := demoServerWithMedia(t, nil)
	return srv
}

// demoServerWithMedia is demoServer keeping pictures in pictures (nil: no
// media store), with an editor whose token it returns.
func demoServerWithMedia(t *testing.T, pictures *media.Store) (*httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "load.db"), store.Options{
		Logger: quiet,
		WrapDriver: func(d dialect.Driver) dialect.Driver {
			return store.ObservedDriver{Driver: d, OnStatement: metrics.CountStatement}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
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
	db.Client.Token.Create().SetName("loadgen").SetRole(token.RoleEDITOR).SetHash(hash).SaveX(visibility.WithSystem(ctx))
	srv := httptest.NewServer(httpapp.New(httpapp.Config{DB: db, Logger: quiet, Metrics: metrics.New(db.SQL), AllowedOrigins: []string{"*"}, Media: pictures}))
	t.Cleanup(srv.Close)
	return srv, tok
}

// TestUploadsDuringARun: -uploads sends real multipart uploads with the
// token while the mix runs; they succeed, are stored, are reported, and are
// not counted among the run's requests. Without a token the flag is refused.
func TestUploadsDuringARun(t *testing.T) {
	dir := t.TempDir()
	pictures, err := media.Open(context.Background(), media.Config{URL: "file://" + filepath.ToSlash(dir)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pictures.Close() })
	srv, tok := demoServerWithMedia(t, pictures)
	args := []string{"-url", srv.URL + "/graphql", "-ops", "ops/brandshow", "-mix", "public", "-duration", "2s", "-c", "2", "-uploads", "2", "-upload-mp", "0.3"}
	t.Setenv("LOADGEN_TOKEN", "")
	if _, err := parseFlags(args); err == nil || !strings.Contains(err.Error(), "token") {
		t.Fatalf("-uploads without a token: %v", err)
	}
	t.Setenv("LOADGEN_TOKEN", tok)
	o, err := parseFlags(args)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	var note string
	for _, n := range rep.Notes {
		if strings.Contains(n, "uploaded") {
			note = n
		}
		if strings.Contains(n, "someone else") {
			t.Errorf("uploads counted as the run's requests: %s", n)
		}
	}
	var done, failed int
	if _, err := fmt.Sscanf(note[strings.Index(note, "throughout: ")+len("throughout: "):], "%d uploads", &done); err != nil {
		t.Fatalf("no upload note in %q: %v", rep.Notes, err)
	}
	if _, err := fmt.Sscanf(note[strings.Index(note, "), ")+3:], "%d failed", &failed); err != nil || failed != 0 || done == 0 {
		t.Fatalf("uploads: %s", note)
	}
	stored, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(stored) == 0 {
		t.Fatalf("nothing stored in the media bucket (%v)", err)
	}
	for _, out := range rep.Outcomes {
		if out.failed() {
			t.Errorf("%s failed: HTTP %d %s %v", out.Op, out.Status, out.Transport, out.GQLErrors)
		}
	}
}

// TestShortRunAgainstOurHandler runs the public mix for 1.5 s against the
// real handler on the demo content: no request may fail, and the server
// must have counted exactly our requests. Before it, every operation of
// the directory is sent once (a short run on a busy machine may not draw
// them all), and must answer data without errors.
func TestShortRunAgainstOurHandler(t *testing.T) {
	srv := demoServer(t)
	d, err := loadOpsDir("ops/brandshow")
	if err != nil {
		t.Fatal(err)
	}
	target, _ := url.Parse(srv.URL + "/graphql")
	client := newClient(1, 30*time.Second)
	pools, err := setup(context.Background(), client, options{target: target}, d, sortedKeys(d.Operations)...)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for _, name := range sortedKeys(d.Operations) {
		op := d.Operations[name]
		out, body := send(context.Background(), client, target, op, pools.instantiate(op.Vars, rng), false)
		if out.failed() || !bytes.Contains(body, []byte(`"data":{`)) {
			t.Errorf("%s: HTTP %d %s %v %.300s", name, out.Status, out.Transport, out.GQLErrors, body)
		}
	}
	o, err := parseFlags([]string{"-url", srv.URL + "/graphql", "-ops", "ops/brandshow", "-mix", "public", "-duration", "1500ms", "-c", "4"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outcomes) == 0 {
		t.Fatal("no requests")
	}
	for _, out := range rep.Outcomes {
		if out.failed() {
			t.Errorf("%s failed: HTTP %d %s %v", out.Op, out.Status, out.Transport, out.GQLErrors)
		}
	}
	if rep.Statements == nil || int(rep.Statements.Requests) != len(rep.Outcomes) {
		t.Fatalf("server counted %+v requests, the tool %d", rep.Statements, len(rep.Outcomes))
	}
	if per := rep.Statements.Statements / rep.Statements.Requests; per < 1 || per > 50 {
		t.Errorf("%.2f SQL statements per request", per)
	}
	var text strings.Builder
	rep.Print(&text)
	for _, want := range []string{"req/s", "p50", "p95", "p99", "SQL statements/request", "FeaturedPage"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, text.String())
		}
	}
}

// TestCeilingServesTheCapturedAnswer captures the featured page from our
// handler and loads the plain handler serving it.
func TestCeilingServesTheCapturedAnswer(t *testing.T) {
	srv := demoServer(t)
	body, err := capture(context.Background(), srv.URL+"/graphql", "ops/brandshow", "FeaturedPage")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(body, []byte(`"featuredBrands"`)) {
		t.Fatalf("captured %s", body)
	}
	ceiling := httptest.NewServer(fixedHandler(body))
	defer ceiling.Close()
	o, err := parseFlags([]string{"-url", ceiling.URL + "/graphql", "-ops", "ops/brandshow", "-mix", "featured", "-duration", "500ms", "-c", "2", "-metrics-url", ""})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outcomes) == 0 {
		t.Fatal("no requests")
	}
	for _, out := range rep.Outcomes {
		if out.failed() || out.Bytes != len(body) {
			t.Fatalf("ceiling answer: %+v", out)
		}
	}
}
