package ratelimit

import (
	"net/netip"
	"testing"
	"time"
)

func TestIPv6ClientsAreLimitedPerSlash64(t *testing.T) {
	l := New(Config{Rate: 1, Burst: 1}, nil)
	a, _, _ := l.classify(netip.MustParseAddr("2001:db8:1:2::1"))
	b, _, _ := l.classify(netip.MustParseAddr("2001:db8:1:2:ffff::9"))
	c, _, _ := l.classify(netip.MustParseAddr("2001:db8:1:3::1"))
	if a != b || a == c {
		t.Fatalf("keys %q %q %q", a, b, c)
	}
	v4, _, _ := l.classify(netip.MustParseAddr("::ffff:192.0.2.1"))
	if v4 != "192.0.2.1" {
		t.Fatalf("mapped IPv4 key %q", v4)
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	l := New(Config{Rate: 1, Burst: 5, MaxClients: 100}, nil)
	now := time.Unix(1_000_000, 0)
	for i := range 1000 {
		addr := netip.AddrFrom4([4]byte{10, 0, byte(i / 256), byte(i)})
		lim := l.limiter(addr.String(), 1, 5, now.Add(time.Duration(i)*time.Millisecond))
		lim.ReserveN(now, 5) // an active client: an empty bucket
	}
	if n := len(l.clients); n > 100 {
		t.Fatalf("%d clients kept, limit 100", n)
	}
}

func TestParsePrefixes(t *testing.T) {
	p, err := ParsePrefixes("10.0.0.0/8, 192.0.2.7 ,2001:db8::/32")
	if err != nil || len(p) != 3 || !p[1].Contains(netip.MustParseAddr("192.0.2.7")) {
		t.Fatalf("%v %v", p, err)
	}
	if _, err := ParsePrefixes("10.0.0.0/99"); err == nil {
		t.Fatal("bad CIDR accepted")
	}
}
