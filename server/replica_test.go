package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// ReplicaEnv names a real streaming replica of TEST_POSTGRES_URL's server
// (.ci/replica.sh makes one on port 5433). The replica tests are skipped
// without it.
const ReplicaEnv = "TEST_REPLICA_URL"

// replicaRig is one schema on the primary, seen through the streaming
// replica, with an in-process server reading anonymous requests from the
// replica, its response cache following the change notifications.
type replicaRig struct {
	db        *store.DB
	rc        *respcache.Cache
	h         http.Handler
	tok       string
	slug      string
	id        int
	primary   *sql.DB // admin connections, to watch replication
	replica   *sql.DB
	replicaAt string // the replica's base URL
}

func newReplicaRig(t *testing.T, lag time.Duration) *replicaRig {
	t.Helper()
	base := os.Getenv(ReplicaEnv)
	if base == "" || os.Getenv(storetest.PostgresEnv) == "" {
		t.Skipf("%s and %s are needed (.ci/replica.sh makes the replica)", ReplicaEnv, storetest.PostgresEnv)
	}
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	primaryURL := storetest.NewURL(t, dialect.Postgres)
	pu, _ := url.Parse(primaryURL)
	ru, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := ru.Query()
	q.Set("search_path", pu.Query().Get("search_path"))
	ru.RawQuery = q.Encode()
	replicaURL := ru.String()

	setup, err := store.Open(ctx, primaryURL, store.Options{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if err := setup.Migrate(ctx, quiet); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.LoadDemo(ctx, setup.Client); err != nil {
		t.Fatal(err)
	}
	tok, hash, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	setup.Client.Token.Create().SetName("publisher").SetRole("PUBLISHER").SetHash(hash).ExecX(visibility.WithSystem(ctx))
	b := setup.Client.Brand.Query().Where(brand.Slug("hongan-dasao")).OnlyX(ctx)
	setup.Close()

	r := &replicaRig{tok: tok, slug: b.Slug, id: b.ID, replicaAt: base}
	if r.primary, err = sql.Open("postgres", os.Getenv(storetest.PostgresEnv)); err != nil {
		t.Fatal(err)
	}
	if r.replica, err = sql.Open("postgres", base); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.primary.Close(); r.replica.Close() })
	r.waitReplayed(t)

	if r.db, err = store.Open(ctx, primaryURL, store.Options{Logger: quiet, ReadURL: replicaURL}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.db.Close() })
	r.rc = respcache.New(respcache.Options{MaxBytes: 8 << 20, TTL: time.Hour, ReplicaLag: lag})
	r.rc.Suspend() // as main: until the listener is up
	r.db.OnChange(r.rc.OnChange)
	lctx, stop := context.WithCancel(ctx)
	t.Cleanup(stop)
	if err := r.db.ListenForChanges(lctx, quiet); err != nil {
		t.Fatal(err)
	}
	r.h = httpapp.New(httpapp.Config{DB: r.db, SampleContent: true, Logger: quiet, ResponseCache: r.rc})
	waitFor(t, 30*time.Second, "the response cache", func() bool {
		r.read(t)
		status, _ := r.read(t)
		return status == "hit"
	})
	return r
}

const workersQuery = `query W($slug: String!) { brand(slug: $slug) { slug workersEmployed } }`

// read is an anonymous read of the brand's workers: cache status, workers.
func (r *replicaRig) read(t *testing.T) (string, int) {
	t.Helper()
	return r.post(t, "", workersQuery, map[string]any{"slug": r.slug})
}

// post sends a query (with a token when tok is set) and returns the cache
// status and the brand's workersEmployed (-1 when the answer has none).
func (r *replicaRig) post(t *testing.T, tok, query string, vars map[string]any) (string, int) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	var out struct {
		Data struct {
			Brand           *struct{ WorkersEmployed int }
			UpdateBrand     *struct{ WorkersEmployed int }
			PublishRevision *struct {
				Item *struct{ WorkersEmployed int }
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != http.StatusOK || len(out.Errors) > 0 {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	n := -1
	if out.Data.Brand != nil {
		n = out.Data.Brand.WorkersEmployed
	}
	if out.Data.UpdateBrand != nil {
		n = out.Data.UpdateBrand.WorkersEmployed
	}
	if out.Data.PublishRevision != nil && out.Data.PublishRevision.Item != nil {
		n = out.Data.PublishRevision.Item.WorkersEmployed
	}
	return rec.Header().Get(respcache.StatusHeader), n
}

// write sets the brand's workersEmployed through the API as the publisher:
// the brand is published, so the update becomes a pending revision, which
// the publisher then publishes (the write the public sees).
func (r *replicaRig) write(t *testing.T, workers int) {
	t.Helper()
	r.post(t, r.tok, `mutation($id: ID!, $n: Int!) { updateBrand(id: $id, input: { workersEmployed: $n }) { workersEmployed } }`,
		map[string]any{"id": strconv.Itoa(r.id), "n": workers})
	body, _ := json.Marshal(map[string]any{"query": `query($id: ID!) { pendingRevision(id: $id) { id } }`, "variables": map[string]any{"id": strconv.Itoa(r.id)}})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+r.tok)
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	var pending struct {
		Data struct{ PendingRevision *struct{ ID string } }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &pending); err != nil || pending.Data.PendingRevision == nil {
		t.Fatalf("no pending revision: %s", rec.Body.String())
	}
	if _, n := r.post(t, r.tok, `mutation($id: ID!) { publishRevision(id: $id) { item { ... on Brand { workersEmployed } } } }`,
		map[string]any{"id": pending.Data.PendingRevision.ID}); n != workers {
		t.Fatalf("publishRevision answered %d workers, want %d", n, workers)
	}
}

// waitReplayed waits until the replica has replayed everything the primary
// has written so far.
func (r *replicaRig) waitReplayed(t *testing.T) {
	t.Helper()
	var lsn string
	if err := r.primary.QueryRow(`SELECT pg_current_wal_lsn()::text`).Scan(&lsn); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the replica's replay", func() bool {
		var ok bool
		err := r.replica.QueryRow(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn`, lsn).Scan(&ok)
		return err == nil && ok
	})
}

// pauseReplay stops the replica's replay (it keeps receiving WAL) until
// the returned function is called, or the test ends.
func (r *replicaRig) pauseReplay(t *testing.T) (resume func()) {
	t.Helper()
	if _, err := r.replica.Exec(`SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	done := false
	resume = func() {
		if done {
			return
		}
		done = true
		if _, err := r.replica.Exec(`SELECT pg_wal_replay_resume()`); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(resume)
	return resume
}

// TestReplicaServesAnonymousReadsEditorsTheirWrites, on a real streaming
// replica whose replay is paused: after an editor's write, the editor reads
// it back (from the primary) while anonymous readers still get the
// replica's old value, which proves where each read went.
func TestReplicaServesAnonymousReadsEditorsTheirWrites(t *testing.T) {
	r := newReplicaRig(t, time.Hour) // no replica-lag invalidation during the test
	_, before := r.read(t)
	r.pauseReplay(t) // resumed when the test ends
	r.write(t, before+111)
	if _, n := r.post(t, r.tok, workersQuery, map[string]any{"slug": r.slug}); n != before+111 {
		t.Fatalf("the editor read %d workers after writing %d: not their own write", n, before+111)
	}
	if status, n := r.read(t); n != before || status != "miss" {
		t.Fatalf("an anonymous read got %d workers (%s) while the replica's replay is paused; want the replica's %d, executed", n, status, before)
	}
}

// TestReplicaLagInvalidation: an anonymous answer the replica computed
// before it replayed a write is cached (the invalidation at commit came
// first); DATABASE_READ_LAG's second invalidation removes it, so once the
// replica has caught up the new value is served well before the cache's
// TTL (an hour here). With the lag invalidation off, the old answer stays.
func TestReplicaLagInvalidation(t *testing.T) {
	const lag = 3 * time.Second // how long the replay may be paused
	r := newReplicaRig(t, lag)
	_, before := r.read(t)
	resume := r.pauseReplay(t)
	remote := r.rc.Stats().Invalidations["remote_write"]
	r.write(t, before+222)
	written := time.Now()
	// The write's own NOTIFY comes back from the primary too: the answer
	// must be cached after it to be stale.
	waitFor(t, lag, "the write's notification", func() bool { return r.rc.Stats().Invalidations["remote_write"] > remote })
	r.read(t)
	if status, n := r.read(t); n != before || status != "hit" {
		t.Fatalf("while the replay is paused an anonymous read got %d workers (%s), want the replica's old %d from the cache", n, status, before)
	}
	resume()
	if time.Since(written) >= lag {
		t.Skip("the machine was too slow: the replay stayed paused longer than the lag")
	}
	r.waitReplayed(t)
	waitFor(t, 10*lag, "the new value after the replica lag", func() bool {
		_, n := r.read(t)
		return n == before+222
	})
	if got := r.rc.Stats().Invalidations["replica_lag"]; got == 0 {
		t.Fatal("no replica_lag invalidation counted")
	}
	for range 20 {
		if _, n := r.read(t); n != before+222 {
			t.Fatalf("after the replica lag an anonymous read got %d workers", n)
		}
	}
}

// TestReplicaDownServesFromPrimary stops the replica's cluster: anonymous
// requests keep being answered (from the primary), and once the replica is
// started again, they go back to it.
func TestReplicaDownServesFromPrimary(t *testing.T) {
	r := newReplicaRig(t, time.Second)
	cluster := clusterOnPort(t, r.replicaAt)
	ctl := func(action string) {
		t.Helper()
		args := append(append([]string(nil), cluster...), action)
		if action == "stop" {
			args = append(args, "-m", "fast")
		}
		out, err := exec.Command("pg_ctlcluster", args...).CombinedOutput()
		if err != nil {
			t.Fatalf("pg_ctlcluster %v %s: %v\n%s", cluster, action, err, out)
		}
	}
	ctl("stop")
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			ctl("start")
		}
	})
	before := r.db.ReplicaFallbacks()
	for i := range 20 {
		// Distinct queries, so that each misses the response cache.
		q := fmt.Sprintf(`query W%d($slug: String!) { brand(slug: $slug) { slug workersEmployed } }`, i)
		if status, n := r.post(t, "", q, map[string]any{"slug": r.slug}); n < 0 || status != "miss" {
			t.Fatalf("with the replica down, read %d got %d (%s)", i, n, status)
		}
	}
	if r.db.ReplicaFallbacks() == before {
		t.Fatal("no read fell back to the primary: the replica was not used")
	}
	ctl("start")
	restarted = true
	r.waitReplayed(t)
	// Back in the rotation within a few probes: a paused replay shows it.
	resume := r.pauseReplay(t)
	_, now := r.read(t)
	r.write(t, now+333)
	defer resume()
	waitFor(t, 30*time.Second, "anonymous reads from the replica again", func() bool {
		q := fmt.Sprintf(`query X%d($slug: String!) { brand(slug: $slug) { slug workersEmployed } }`, time.Now().UnixNano())
		_, n := r.post(t, "", q, map[string]any{"slug": r.slug})
		return n == now
	})
}

// clusterOnPort finds the PostgreSQL cluster (version, name) that listens
// on rawURL's port, for pg_ctlcluster.
func clusterOnPort(t *testing.T, rawURL string) []string {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pg_lsclusters", "-h").Output()
	if err != nil {
		t.Skipf("pg_lsclusters: %v (the replica cannot be stopped here)", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[2] == u.Port() {
			return []string{"--skip-systemctl-redirect", f[0], f[1]}
		}
	}
	t.Skipf("no cluster on port %s", u.Port())
	return nil
}
