package webhooks_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/outbox"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/ent/webhookdelivery"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
	"brandshow/server/webhooks"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.CleanupShared()
	os.Exit(code)
}

func TestBlockedAddresses(t *testing.T) {
	for _, s := range []string{
		"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
		"100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1%eth0",
		"fd00:ec2::254", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:a9fe:a9fe::1",
	} {
		if !webhooks.Blocked(netip.MustParseAddr(s)) {
			t.Errorf("%s is not blocked", s)
		}
	}
	for _, s := range []string{"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::5db8:d822", "::ffff:93.184.216.34"} {
		if webhooks.Blocked(netip.MustParseAddr(s)) {
			t.Errorf("%s (public) is blocked", s)
		}
	}
}

// TestRegistrationRefusesPrivateTargets: at registration, a URL of a
// private, loopback, link-local or metadata address, a non-http scheme and
// credentials are refused, unless the operator allows private targets.
func TestRegistrationRefusesPrivateTargets(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{
		"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://api.localhost/hook", "http://[::1]/hook",
		"http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/latest/meta-data/", "http://10.0.0.5/",
		"http://[fd00:ec2::254]/", "http://0.0.0.0:80/", "ftp://93.184.216.34/", "file:///etc/passwd",
		"https://user:pw@93.184.216.34/", "/relative", "javascript:alert(1)",
	} {
		err := webhooks.CheckURL(ctx, u, false)
		var bad *webhooks.InputError
		if !errors.As(err, &bad) {
			t.Errorf("CheckURL(%q) = %v, want an input error", u, err)
		}
	}
	if err := webhooks.CheckURL(ctx, "https://93.184.216.34/hook", false); err != nil {
		t.Errorf("a public address: %v", err)
	}
	if err := webhooks.CheckURL(ctx, "http://127.0.0.1:8080/hook", true); err != nil {
		t.Errorf("loopback with WEBHOOK_ALLOW_PRIVATE: %v", err)
	}
	if err := webhooks.CheckURL(ctx, "ftp://127.0.0.1/", true); err == nil {
		t.Error("a non-http scheme is accepted when private targets are allowed")
	}
}

func TestSignatureVerifies(t *testing.T) {
	secret, body, now := webhooks.NewSecret(), []byte(`{"id":"evt_1"}`), time.Unix(1_800_000_000, 0)
	h := webhooks.Sign(secret, now, body)
	if !strings.HasPrefix(h, "t=1800000000,v1=") || len(h) != len("t=1800000000,v1=")+64 {
		t.Fatalf("header %q", h)
	}
	if err := webhooks.Verify(secret, h, body, now.Add(time.Minute), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := webhooks.Verify(secret, h, []byte(`{"id":"evt_2"}`), now, 5*time.Minute); !errors.Is(err, webhooks.ErrBadSignature) {
		t.Errorf("changed body: %v", err)
	}
	if err := webhooks.Verify(webhooks.NewSecret(), h, body, now, 5*time.Minute); !errors.Is(err, webhooks.ErrBadSignature) {
		t.Errorf("other secret: %v", err)
	}
	if err := webhooks.Verify(secret, h, body, now.Add(time.Hour), 5*time.Minute); !errors.Is(err, webhooks.ErrStaleSignature) {
		t.Errorf("replayed an hour later: %v", err)
	}
}

// receiver is a test endpoint: it checks each delivery's signature, counts
// deliveries per idempotency key and processes a key once.
type receiver struct {
	t      *testing.T
	secret string
	status int // answer; 0 = 200

	mu       sync.Mutex
	received map[string]int
	payloads []outbox.Payload
	bad      []string
}

func newReceiver(t *testing.T) (*receiver, *httptest.Server) {
	r := &receiver{t: t, received: map[string]int{}}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return r, srv
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	var body []byte
	body, _ = readAll(req)
	r.mu.Lock()
	defer r.mu.Unlock()
	key := req.Header.Get(webhooks.DeliveryHeader)
	if err := webhooks.Verify(r.secret, req.Header.Get(webhooks.SignatureHeader), body, time.Now(), 5*time.Minute); err != nil {
		r.bad = append(r.bad, key+": "+err.Error())
	}
	var p outbox.Payload
	if err := json.Unmarshal(body, &p); err != nil || p.ID != key || p.Type != req.Header.Get(webhooks.EventHeader) {
		r.bad = append(r.bad, "payload "+string(body))
	}
	r.received[key]++
	if r.received[key] == 1 {
		r.payloads = append(r.payloads, p)
	}
	if r.status != 0 {
		w.WriteHeader(r.status)
	}
}

func readAll(req *http.Request) ([]byte, error) {
	defer req.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := req.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return []byte(b.String()), nil
		}
	}
}

var (
	system    = visibility.WithSystem(context.Background())
	publisher = visibility.WithViewer(context.Background(), visibility.Viewer{Name: "p", Role: visibility.RolePublisher})
)

// fixture is a fresh database with the demo content and one endpoint.
func fixture(t *testing.T, dia string, url string, events ...string) (*store.DB, *ent.Webhook, string) {
	t.Helper()
	db, _ := storetest.Fresh(t, dia, true)
	w, secret, err := webhooks.Register(system, db.Client, url, events, true)
	if err != nil {
		t.Fatal(err)
	}
	return db, w, secret
}

func deliveries(t *testing.T, db *store.DB) []*ent.WebhookDelivery {
	t.Helper()
	return db.Client.WebhookDelivery.Query().Order(webhookdelivery.ByID()).AllX(system)
}

// TestEventsAreDeliveredSignedOnce: unpublishing, publishing and deleting
// a published item each POST one signed event; editing a published item,
// and creating, editing or deleting a draft, send nothing.
func TestEventsAreDeliveredSignedOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		rcv, srv := newReceiver(t)
		db, _, secret := fixture(t, dia, srv.URL+"/hook")
		rcv.secret = secret
		c := db.Client
		b := c.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(system)
		c.Brand.UpdateOne(b).SetSummaryZh("改过的简介").ExecX(publisher) // held back as a pending revision: no event
		c.Brand.UpdateOne(b).SetStatus(schematype.StatusDraft).ExecX(publisher)
		c.Brand.UpdateOne(b).SetSummaryZh("草稿里改").ExecX(publisher) // a draft: no event
		c.Brand.UpdateOne(b).SetStatus(schematype.StatusPublished).ExecX(publisher)
		c.Brand.DeleteOne(b).ExecX(publisher)
		draft := c.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(system)
		c.Brand.UpdateOne(draft).SetStatus(schematype.StatusDraft).ExecX(publisher) // one more event
		c.Brand.DeleteOne(draft).ExecX(publisher)                                   // a draft's deletion: none

		rows := deliveries(t, db)
		var got []string
		for _, r := range rows {
			got = append(got, r.Event)
		}
		want := []string{outbox.EventUnpublished, outbox.EventPublished, outbox.EventDeleted, outbox.EventUnpublished}
		if !slices.Equal(got, want) {
			t.Fatalf("outbox %v, want %v", got, want)
		}
		d := webhooks.New(c, db.Dialect, webhooks.Options{AllowPrivate: true})
		if n, err := d.DeliverDue(context.Background()); err != nil || n != 4 {
			t.Fatalf("DeliverDue = %d, %v", n, err)
		}
		if n, err := d.DeliverDue(context.Background()); err != nil || n != 0 {
			t.Fatalf("second DeliverDue = %d, %v: delivered rows were claimed again", n, err)
		}
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if len(rcv.bad) > 0 {
			t.Fatalf("bad deliveries: %v", rcv.bad)
		}
		for _, r := range deliveries(t, db) {
			if rcv.received[r.EventID] != 1 {
				t.Errorf("%s received %d times", r.EventID, rcv.received[r.EventID])
			}
			if r.State != webhookdelivery.StateDELIVERED || r.Attempts != 1 || len(r.Log) != 1 || r.Log[0].StatusCode != 200 || r.DeliveredAt == nil {
				t.Errorf("row %+v", r)
			}
		}
		p := rcv.payloads[0]
		if p.Item.Type != "Brand" || p.Item.ID == "" || p.CreatedAt.IsZero() || !strings.HasPrefix(p.ID, "evt_") {
			t.Errorf("payload %+v", p)
		}
	})
}

// TestOutboxCommitsWithTheChange: the rows are written in the change's
// transaction: none after a rollback, one per subscribed endpoint after a
// commit.
func TestOutboxCommitsWithTheChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _, _ := fixture(t, dia, "http://127.0.0.1:9/hook", outbox.EventUnpublished)
		// A second endpoint that does not take unpublications.
		if _, _, err := webhooks.Register(system, db.Client, "http://127.0.0.1:9/other", []string{outbox.EventDeleted}, true); err != nil {
			t.Fatal(err)
		}
		b := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(system)
		for _, commit := range []bool{false, true} {
			tx, err := db.Client.Tx(publisher)
			if err != nil {
				t.Fatal(err)
			}
			tx.Brand.UpdateOneID(b.ID).SetStatus(schematype.StatusDraft).ExecX(publisher)
			if commit {
				err = tx.Commit()
			} else {
				err = tx.Rollback()
			}
			if err != nil {
				t.Fatal(err)
			}
			want := map[bool]int{false: 0, true: 1}[commit]
			if n := len(deliveries(t, db)); n != want {
				t.Errorf("commit=%v: %d outbox rows, want %d", commit, n, want)
			}
		}
	})
}

// TestFailedAttemptsAreRetriedThenGivenUp: a 500 answer is recorded and
// retried until MaxAttempts, then the row is FAILED; a redirect is not
// followed and counts as a failure.
func TestFailedAttemptsAreRetriedThenGivenUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		rcv, srv := newReceiver(t)
		rcv.status = http.StatusInternalServerError
		db, _, secret := fixture(t, dia, srv.URL)
		rcv.secret = secret
		b := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(system)
		db.Client.Brand.UpdateOne(b).SetStatus(schematype.StatusDraft).ExecX(publisher)
		// RetryBase of a nanosecond: every retry is due at once.
		d := webhooks.New(db.Client, db.Dialect, webhooks.Options{AllowPrivate: true, MaxAttempts: 3, RetryBase: time.Nanosecond})
		for range 5 {
			if _, err := d.DeliverDue(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		rows := deliveries(t, db)
		if len(rows) != 1 {
			t.Fatalf("%d rows", len(rows))
		}
		r := rows[0]
		if r.State != webhookdelivery.StateFAILED || r.Attempts != 3 || len(r.Log) != 3 {
			t.Fatalf("after 3 failures: state %s, %d attempts, log %+v", r.State, r.Attempts, r.Log)
		}
		for _, a := range r.Log {
			if a.StatusCode != 500 || !strings.Contains(a.Error, "500") {
				t.Errorf("attempt %+v", a)
			}
		}
		if n := rcv.received[r.EventID]; n != 3 {
			t.Errorf("received %d times, want 3", n)
		}
	})
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	var hits atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer target.Close()
	redirect := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusTemporaryRedirect))
	defer redirect.Close()
	db, _, _ := fixture(t, "sqlite3", redirect.URL)
	b := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(system)
	db.Client.Brand.UpdateOne(b).SetStatus(schematype.StatusDraft).ExecX(publisher)
	d := webhooks.New(db.Client, db.Dialect, webhooks.Options{AllowPrivate: true})
	if _, err := d.DeliverDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := deliveries(t, db)[0]
	if r.State != webhookdelivery.StatePENDING || len(r.Log) != 1 || r.Log[0].StatusCode != http.StatusTemporaryRedirect || !strings.Contains(r.Log[0].Error, "redirects are not followed") {
		t.Errorf("row %+v, log %+v", r, r.Log)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the redirect was followed %d times", n)
	}
}

// TestDeliveriesRefusePrivateAddressesAtDialTime: an endpoint whose name
// (or address) leads to a loopback address when the event is sent — DNS
// rebinding, or a row written before the rule — is refused by the dialer
// when private targets are not allowed; nothing reaches it.
func TestDeliveriesRefusePrivateAddressesAtDialTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		rcv, srv := newReceiver(t)
		// Registered while allowed (the fixture allows), delivered while not.
		db, _, secret := fixture(t, dia, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1))
		rcv.secret = secret
		b := db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).FirstX(system)
		db.Client.Brand.UpdateOne(b).SetStatus(schematype.StatusDraft).ExecX(publisher)
		d := webhooks.New(db.Client, db.Dialect, webhooks.Options{AllowPrivate: false})
		if _, err := d.DeliverDue(context.Background()); err != nil {
			t.Fatal(err)
		}
		r := deliveries(t, db)[0]
		if len(r.Log) != 1 || r.Log[0].StatusCode != 0 || r.Log[0].Error != webhooks.ErrRefusedTarget.Error() || r.State != webhookdelivery.StatePENDING {
			t.Errorf("row %+v, log %+v", r, r.Log)
		}
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if len(rcv.received) != 0 {
			t.Errorf("the loopback endpoint was reached: %v", rcv.received)
		}
	})
}

// TestTwoDispatchersNeverSendTwice: two dispatchers (two replicas) claiming
// the same outbox at once send each event once.
func TestTwoDispatchersNeverSendTwice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		rcv, srv := newReceiver(t)
		db, _, secret := fixture(t, dia, srv.URL)
		rcv.secret = secret
		for _, b := range db.Client.Brand.Query().Where(brand.StatusEQ(schematype.StatusPublished)).Limit(6).AllX(system) {
			db.Client.Brand.UpdateOne(b).SetStatus(schematype.StatusDraft).ExecX(publisher)
		}
		var wg sync.WaitGroup
		for range 2 {
			d := webhooks.New(db.Client, db.Dialect, webhooks.Options{AllowPrivate: true, Batch: 4})
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 3 {
					if _, err := d.DeliverDue(context.Background()); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if len(rcv.received) != 6 {
			t.Errorf("%d events received, want 6", len(rcv.received))
		}
		for key, n := range rcv.received {
			if n != 1 {
				t.Errorf("%s sent %d times", key, n)
			}
		}
	})
}

func TestBackoffGrowsWithJitter(t *testing.T) {
	d := webhooks.New(nil, "", webhooks.Options{RetryBase: 30 * time.Second, RetryMax: time.Hour})
	for n, base := range map[int]time.Duration{1: 30 * time.Second, 2: time.Minute, 3: 2 * time.Minute, 8: time.Hour, 20: time.Hour} {
		for range 50 {
			if got := d.Backoff(n); got < base*8/10 || got >= base*12/10 {
				t.Errorf("Backoff(%d) = %v, want %v ±20%%", n, got, base)
			}
		}
	}
}
