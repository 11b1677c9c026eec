package loopback

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestURLAcceptsOnlyLoopbackHosts(t *testing.T) {
	for _, ok := range []string{
		"http://127.0.0.1:8080/graphql",
		"http://127.1.2.3/graphql",
		"http://[::1]:8080/graphql",
		"http://localhost:8080/graphql",
		"https://LOCALHOST/graphql",
	} {
		if _, err := URL(ok); err != nil {
			t.Errorf("URL(%q): %v, want accepted", ok, err)
		}
	}
	for _, bad := range []string{
		"http://10.0.0.1/graphql",
		"http://192.168.1.10:8080/graphql",
		"http://example.com/graphql",
		"http://localhost.example.com/graphql",
		"http://127.0.0.1.nip.io/graphql",
		"http://[::ffff:8.8.8.8]/graphql",
		"http://0.0.0.0:8080/graphql",
		"ftp://127.0.0.1/graphql",
		"http://user:pw@127.0.0.1/graphql",
		"/graphql",
		"127.0.0.1:8080",
	} {
		if _, err := URL(bad); err == nil {
			t.Errorf("URL(%q) accepted, want refused", bad)
		}
	}
}

func TestCheckHostPortAcceptsOnlyLoopbackHosts(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:5433", "localhost:9187", "[::1]:80"} {
		if err := CheckHostPort(ok); err != nil {
			t.Errorf("CheckHostPort(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"0.0.0.0:5433", ":5433", "10.1.2.3:5432", "db.example.org:5432", "127.0.0.1"} {
		if err := CheckHostPort(bad); err == nil {
			t.Errorf("CheckHostPort(%q) accepted", bad)
		}
	}
	if err := CheckHostPort("192.0.2.1:80"); !errors.Is(err, ErrNotLoopback) {
		t.Errorf("CheckHostPort of a remote address: %v, want ErrNotLoopback", err)
	}
}

func TestDialerRefusesOtherAddresses(t *testing.T) {
	d := Dialer(time.Second, nil)
	if err := d.Control("tcp", "192.0.2.1:80", nil); !errors.Is(err, ErrNotLoopback) {
		t.Errorf("dialer would connect to 192.0.2.1: %v", err)
	}
	if err := d.Control("tcp", "127.0.0.1:80", nil); err != nil {
		t.Errorf("dialer refuses 127.0.0.1: %v", err)
	}
	if err := d.Control("tcp6", "[::1]:80", nil); err != nil {
		t.Errorf("dialer refuses ::1: %v", err)
	}
}

func TestClientConnectsFromTheGivenAddressAndFollowsNoRedirect(t *testing.T) {
	var remote string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		remote = r.RemoteAddr
		http.Redirect(w, r, "http://192.0.2.1/", http.StatusFound)
	}))
	defer srv.Close()
	c := Client(ClientOptions{Timeout: 5 * time.Second, IdleConns: 1, From: net.ParseIP("127.0.0.2")})
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Errorf("status %d: the redirect was followed", resp.StatusCode)
	}
	if host, _, _ := net.SplitHostPort(remote); host != "127.0.0.2" {
		t.Errorf("server saw the client at %s, want 127.0.0.2", remote)
	}
}

func TestPercentileIsNearestRank(t *testing.T) {
	var samples []time.Duration
	for i := 100; i >= 1; i-- { // unsorted on purpose
		samples = append(samples, time.Duration(i)*time.Millisecond)
	}
	s := Sorted(samples)
	if samples[0] != 100*time.Millisecond {
		t.Error("Sorted changed its argument")
	}
	for p, want := range map[float64]time.Duration{50: 50, 95: 95, 99: 99, 100: 100, 0.5: 1, 99.5: 100} {
		if got := Percentile(s, p); got != want*time.Millisecond {
			t.Errorf("p%v = %v, want %vms", p, got, int(want))
		}
	}
	two := []time.Duration{1, 2}
	if Percentile(two, 50) != 1 || Percentile(two, 51) != 2 {
		t.Errorf("nearest rank of two samples: p50 %v p51 %v", Percentile(two, 50), Percentile(two, 51))
	}
	if Percentile(two[:1], 99) != 1 {
		t.Error("p99 of one sample")
	}
	if Percentile(nil, 99) != 0 {
		t.Error("no samples")
	}
}
