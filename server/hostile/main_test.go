package main

import (
	"slices"
	"testing"
	"time"
)

func TestLoopbackURLRefusesOtherHosts(t *testing.T) {
	for _, ok := range []string{
		"http://127.0.0.1:8080/graphql",
		"http://127.1.2.3/graphql",
		"http://[::1]:8080/graphql",
		"http://localhost:8080/graphql",
		"https://LOCALHOST/graphql",
	} {
		if _, err := loopbackURL(ok); err != nil {
			t.Errorf("loopbackURL(%q): %v, want accepted", ok, err)
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
		if _, err := loopbackURL(bad); err == nil {
			t.Errorf("loopbackURL(%q) accepted, want refused", bad)
		}
	}
}

func TestLoopbackDialerRefusesOtherAddresses(t *testing.T) {
	d := loopbackDialer(time.Second)
	if err := d.Control("tcp", "192.0.2.1:80", nil); err == nil {
		t.Error("dialer would connect to 192.0.2.1")
	}
	if err := d.Control("tcp", "127.0.0.1:80", nil); err != nil {
		t.Errorf("dialer refuses 127.0.0.1: %v", err)
	}
	if err := d.Control("tcp6", "[::1]:80", nil); err != nil {
		t.Errorf("dialer refuses ::1: %v", err)
	}
}

func TestParseFlagsBoundsTheRun(t *testing.T) {
	o, err := parseFlags([]string{"-url", "http://127.0.0.1:1/graphql", "-duration", "1m"})
	if err != nil {
		t.Fatal(err)
	}
	if o.warmup != 15*time.Second || o.maxRequests <= 0 {
		t.Errorf("warmup %s, max-requests %d", o.warmup, o.maxRequests)
	}
	for _, args := range [][]string{
		{},
		{"-url", "http://203.0.113.5/graphql"},
		{"-url", "http://127.0.0.1:1/graphql", "-duration", "0s"},
		{"-url", "http://127.0.0.1:1/graphql", "-duration", "2h"},
		{"-url", "http://127.0.0.1:1/graphql", "-max-requests", "0"},
		{"-url", "http://127.0.0.1:1/graphql", "-duration", "10s", "-warmup", "10s"},
	} {
		if _, err := parseFlags(args); err == nil {
			t.Errorf("parseFlags(%q) accepted", args)
		}
	}
}

func TestParseStatus(t *testing.T) {
	rss, hwm, err := parseStatus([]byte("Name:\tserver\nVmPeak:\t 900 kB\nVmHWM:\t   51200 kB\nVmRSS:\t   40960 kB\n"))
	if err != nil || rss != 40960 || hwm != 51200 {
		t.Errorf("parseStatus = %d, %d, %v", rss, hwm, err)
	}
	if _, _, err := parseStatus([]byte("Name:\tkthread\n")); err == nil {
		t.Error("parseStatus accepted a status without memory lines")
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := percentile(d, p); got != want {
			t.Errorf("p%v = %s, want %s", p, got, want)
		}
	}
	if got := percentile(d[:1], 99); got != time.Millisecond {
		t.Errorf("p99 of one = %s", got)
	}
}

func TestGraphQLErrorCodes(t *testing.T) {
	got := graphqlErrorCodes([]byte(`{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}},{"message":"y"}],"data":null}`))
	if !slices.Equal(got, []string{"BAD_USER_INPUT", "no code"}) {
		t.Errorf("codes = %q", got)
	}
	if got := graphqlErrorCodes([]byte(`{"data":{"stats":{}}}`)); len(got) != 0 {
		t.Errorf("codes of a clean answer = %q", got)
	}
	if got := graphqlErrorCodes([]byte(`<html>`)); !slices.Equal(got, []string{"(answer is not JSON)"}) {
		t.Errorf("codes of HTML = %q", got)
	}
}

func TestHostileMixIsBuilt(t *testing.T) {
	mix := hostileRequests()
	kinds := map[string]bool{}
	for _, w := range mix {
		kinds[w.req.kind] = true
		if w.weight < 1 {
			t.Errorf("%s has weight %d", w.req.kind, w.weight)
		}
	}
	for _, k := range []string{"deep nesting (40 levels)", "huge first", "alias bomb (1000 aliases)", "1 MB body (comment)", "malformed JSON", "fragments (3000)", "costly nested pages"} {
		if !kinds[k] {
			t.Errorf("the mix has no %q", k)
		}
	}
}
