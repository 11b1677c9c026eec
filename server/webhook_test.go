package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
	"brandshow/server/webhooks"
)

// crashReceiver is the integrator's endpoint of the crash test: it checks
// signatures, counts deliveries per idempotency key and processes each key
// once (the documented dedupe). Its first delivery hangs until the test
// releases it, so the server can be killed while the POST is in flight.
type crashReceiver struct {
	secret  string
	first   chan string   // the first delivery's key
	release chan struct{} // closed: the hung first delivery returns

	mu        sync.Mutex
	received  map[string]int
	processed map[string]int
	bad       []string
}

func (r *crashReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	key := req.Header.Get(webhooks.DeliveryHeader)
	r.mu.Lock()
	if err := webhooks.Verify(r.secret, req.Header.Get(webhooks.SignatureHeader), body, time.Now(), 5*time.Minute); err != nil {
		r.bad = append(r.bad, err.Error())
	}
	r.received[key]++
	n := r.received[key]
	if n == 1 {
		r.processed[key]++ // a receiver acts on a key once
	}
	r.mu.Unlock()
	if n == 1 {
		r.first <- key
		<-r.release
	}
	w.WriteHeader(http.StatusNoContent)
}

func (r *crashReceiver) counts(key string) (received, processed int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.received[key], r.processed[key]
}

// TestWebhookEventSurvivesACrash is the at-least-once proof with the real
// binary: an item is unpublished (the event is committed to the outbox with
// the change), the server starts POSTing it and is killed with SIGKILL
// before it hears the answer, so nothing marks the event delivered. After a
// restart the event is delivered again — with the same idempotency key —
// once the dead process's lease has run out, and marked DELIVERED; the
// receiver, deduplicating by key, processes it exactly once. SQLite and
// PostgreSQL.
func TestWebhookEventSurvivesACrash(t *testing.T) {
	bin := buildServer(t)
	storetest.Each(t, func(t *testing.T, dia string) {
		ctx := context.Background()
		dbURL := storetest.NewURL(t, dia)
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		db, err := store.Open(ctx, dbURL, store.Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(ctx, quiet); err != nil {
			t.Fatal(err)
		}
		if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
			t.Fatal(err)
		}
		tokens := map[string]string{}
		for _, role := range []string{"PUBLISHER", "ADMIN"} {
			tok, hash, err := auth.NewToken()
			if err != nil {
				t.Fatal(err)
			}
			db.Client.Token.Create().SetName(strings.ToLower(role)).SetRole(token.Role(role)).SetHash(hash).ExecX(visibility.WithSystem(ctx))
			tokens[role] = tok
		}
		b := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(ctx)
		db.Close()

		rcv := &crashReceiver{first: make(chan string, 1), release: make(chan struct{}),
			received: map[string]int{}, processed: map[string]int{}}
		endpoint := httptest.NewServer(rcv)
		defer endpoint.Close()
		defer func() {
			select {
			case <-rcv.release:
			default:
				close(rcv.release)
			}
		}()
		// The endpoint is on 127.0.0.1: the operator's setting allows it
		// explicitly (TestDeliveriesRefusePrivateAddressesAtDialTime and
		// TestRegistrationRefusesPrivateTargets show the refusal without it).
		t.Setenv("WEBHOOK_ALLOW_PRIVATE", "1")
		var out bytes.Buffer
		if err := run(ctx, []string{"webhook", "add", "-database-url", dbURL, "-url", endpoint.URL + "/brandshow", "-events", "item.unpublished"}, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		rcv.secret = strings.TrimSpace(out.String())
		if !strings.HasPrefix(rcv.secret, "whsec_") {
			t.Fatalf("webhook add printed %q, want the secret", out.String())
		}

		env := []string{"WEBHOOK_ALLOW_PRIVATE=1", "WEBHOOK_TIMEOUT=2s", "WEBHOOK_POLL=200ms", "WEBHOOK_RETRY_BASE=100ms"}
		first := startKillable(t, bin, dbURL, env)
		publisherPost(t, first.base, tokens["PUBLISHER"], `mutation($id: ID!) { unpublish(id: $id) { id } }`, map[string]any{"id": strconv.Itoa(b.ID)})
		var key string
		select {
		case key = <-rcv.first:
		case <-time.After(60 * time.Second):
			t.Fatal("the event was not sent after the commit")
		}
		first.kill(t) // SIGKILL while the POST waits for its answer
		close(rcv.release)
		if got, _ := rcv.counts(key); got != 1 {
			t.Fatalf("%d deliveries before the restart, want 1", got)
		}

		second := startKillable(t, bin, dbURL, env)
		var state string
		waitFor(t, 60*time.Second, "the event delivered after the restart", func() bool {
			state = deliveryState(t, second.base, tokens["ADMIN"], key)
			return state == "DELIVERED"
		})
		received, processed := rcv.counts(key)
		if received != 2 || processed != 1 {
			t.Errorf("key %s received %d times and processed %d times, want 2 and 1", key, received, processed)
		}
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if len(rcv.received) != 1 {
			t.Errorf("%d idempotency keys, want 1: %v", len(rcv.received), rcv.received)
		}
		if len(rcv.bad) > 0 {
			t.Errorf("bad signatures: %v", rcv.bad)
		}
	})
}

// killable is a server process the test may SIGKILL.
type killable struct {
	base   string
	cmd    *exec.Cmd
	exited chan struct{} // closed when the process has exited
	logs   *syncBuffer
}

func (k *killable) kill(t *testing.T) {
	t.Helper()
	if err := k.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-k.exited
}

func (k *killable) running() bool {
	select {
	case <-k.exited:
		return false
	default:
		return true
	}
}

// startKillable runs the binary on dbURL with extra environment and
// returns once it is ready; a process still running when the test ends
// gets SIGTERM.
func startKillable(t *testing.T, bin, dbURL string, env []string) *killable {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	k := &killable{base: "http://" + addr, exited: make(chan struct{}), logs: &syncBuffer{}}
	k.cmd = exec.Command(bin, "serve")
	k.cmd.Env = append(append(os.Environ(), "ADDR="+addr, "DATABASE_URL="+dbURL, "DEMO_CONTENT=false",
		"RATE_LIMIT=0", "LOG_LEVEL=warn", "DATABASE_READ_URL=", "MEDIA_URL=file://"+t.TempDir()), env...)
	k.cmd.Stdout, k.cmd.Stderr = k.logs, k.logs
	if err := k.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		_ = k.cmd.Wait()
		close(k.exited)
	}()
	t.Cleanup(func() {
		if k.running() {
			_ = k.cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-k.exited:
			case <-time.After(20 * time.Second):
				_ = k.cmd.Process.Kill()
				<-k.exited
			}
		}
		if t.Failed() {
			t.Logf("server %s log:\n%s", addr, k.logs.String())
		}
	})
	waitFor(t, 60*time.Second, "server "+addr, func() bool {
		if !k.running() {
			t.Fatalf("server %s exited:\n%s", addr, k.logs.String())
		}
		resp, err := http.Get(k.base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return k
}

// deliveryState asks the server, as an admin, for the state of the event's
// delivery.
func deliveryState(t *testing.T, base, tok, key string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": `{ webhooks { deliveries { eventID state } } }`})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Webhooks []struct {
				Deliveries []struct{ EventID, State string }
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("webhooks query: %v %v", err, r.Errors)
	}
	for _, w := range r.Data.Webhooks {
		for _, d := range w.Deliveries {
			if d.EventID == key {
				return d.State
			}
		}
	}
	return ""
}

// TestWebhookCommands: `server webhook add` refuses a loopback URL unless
// WEBHOOK_ALLOW_PRIVATE is set, prints the secret once, `list` never shows
// it, and `remove` takes the endpoint away.
func TestWebhookCommands(t *testing.T) {
	ctx := context.Background()
	db := storetest.NewURL(t, "sqlite3")
	var out bytes.Buffer
	t.Setenv("WEBHOOK_ALLOW_PRIVATE", "")
	err := run(ctx, []string{"webhook", "add", "-database-url", db, "-url", "http://127.0.0.1:9/hook"}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "WEBHOOK_ALLOW_PRIVATE") {
		t.Fatalf("a loopback URL without WEBHOOK_ALLOW_PRIVATE: %v", err)
	}
	if err := run(ctx, []string{"webhook", "add", "-database-url", db, "-url", "https://93.184.216.34/hook", "-events", "item.exploded"}, &out, io.Discard); err == nil {
		t.Fatal("an unknown event was accepted")
	}
	if err := run(ctx, []string{"webhook", "add", "-database-url", db, "-url", "https://93.184.216.34/hook", "-events", "item.deleted,item.published"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	secret := strings.TrimSpace(out.String())
	out.Reset()
	if err := run(ctx, []string{"webhook", "list", "-database-url", db}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	listed := out.String()
	if !strings.Contains(listed, "https://93.184.216.34/hook") || !strings.Contains(listed, "item.published,item.deleted") || strings.Contains(listed, secret) {
		t.Fatalf("list:\n%s", listed)
	}
	id := strings.Fields(strings.Split(listed, "\n")[1])[0]
	if err := run(ctx, []string{"webhook", "remove", "-database-url", db, id}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"webhook", "remove", "-database-url", db, id}, io.Discard, io.Discard); err == nil {
		t.Error("removing a removed webhook succeeded")
	}
	out.Reset()
	if err := run(ctx, []string{"webhook", "list", "-database-url", db}, &out, io.Discard); err != nil || strings.Contains(out.String(), "93.184.216.34") {
		t.Errorf("after remove: %v\n%s", err, out.String())
	}
}
