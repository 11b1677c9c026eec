// Package ratelimit limits requests per client with token buckets
// (golang.org/x/time/rate): anonymous clients by IP address (IPv6 by /64,
// since one host owns a whole /64), with X-Forwarded-For believed only from
// configured proxies; token holders by token. Before authentication
// (BeforeAuth) every request is checked against its address's bucket, and a
// refused token spends it, so token lookups are limited too. Kiosk networks, which put many screens behind one
// address, can be given their own, higher rate. Every response carries
// RateLimit-* headers; a refused one gets 429 and Retry-After.
package ratelimit

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Config sets the limits.
type Config struct {
	// Rate is the sustained requests per second per client; 0 disables limiting.
	Rate float64
	// Burst is how many requests a client may send at once.
	Burst int
	// KioskRate and KioskBurst apply to clients in KioskNetworks.
	KioskRate  float64
	KioskBurst int
	// KioskNetworks are CIDRs of exhibition halls and other trusted sites.
	KioskNetworks []netip.Prefix
	// TrustedProxies are CIDRs whose X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	// MaxClients bounds the memory of the limiter; the idlest are dropped first.
	MaxClients int
	// TokenRate and TokenBurst apply to authenticated token holders, who are
	// limited by token, wherever they connect from.
	TokenRate  float64
	TokenBurst int
	// Holder names the authenticated token holder of a request, if any.
	Holder func(*http.Request) (string, bool)
	// Shared, when set, keeps the buckets across server replicas (Redis,
	// see server/shared). A call that fails is answered by this process's
	// own buckets instead, as without Shared.
	Shared SharedBuckets
}

// SharedBuckets keeps token buckets outside the process. Spend applies a
// mode to the bucket key (limit tokens per second, at most burst): "take"
// spends a token if one is left, "peek" tells whether one is left, "force"
// spends one even into debt. It returns whether a token was (for "peek":
// is) there and the tokens left.
type SharedBuckets interface {
	Spend(ctx context.Context, key string, limit float64, burst int, mode string) (ok bool, tokens float64, err error)
}

// OnLimit is called for every refused request (metrics hook).
type OnLimit func(r *http.Request)

// Limiter is the per-client limiter.
type Limiter struct {
	cfg     Config
	mu      sync.Mutex
	clients map[string]*client
	now     func() time.Time
	onLimit OnLimit
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

// New returns a limiter; call Middleware to use it.
func New(cfg Config, onLimit OnLimit) *Limiter {
	if cfg.MaxClients <= 0 {
		cfg.MaxClients = 100_000
	}
	if cfg.Burst <= 0 {
		cfg.Burst = max(1, int(math.Ceil(cfg.Rate)))
	}
	if cfg.KioskBurst <= 0 {
		cfg.KioskBurst = max(cfg.Burst, int(math.Ceil(cfg.KioskRate)))
	}
	if cfg.TokenRate <= 0 {
		cfg.TokenRate = cfg.Rate
	}
	if cfg.TokenBurst <= 0 {
		cfg.TokenBurst = cfg.Burst
	}
	return &Limiter{cfg: cfg, clients: map[string]*client{}, now: time.Now, onLimit: onLimit}
}

// Middleware limits next: token holders (Holder) by token, everyone else by
// client address.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	if l.cfg.Rate <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, limit, burst := l.bucketOf(r)
		if l.admit(w, r, key, limit, burst) {
			next.ServeHTTP(w, r)
		}
	})
}

// BeforeAuth is the cheap check in front of authentication, so a client
// cannot make the server look tokens up faster than its address's rate. A
// request without Authorization spends its address's bucket here. A request
// with one only needs a token left in that bucket; if authentication then
// refuses it (401), it spends it too, so guessing tokens costs the same as
// any other request. Authenticated requests are then limited by token
// (ByToken), wherever they come from. Every answer, 401 included, carries
// the RateLimit-* headers of the bucket that counted it.
func (l *Limiter) BeforeAuth(next http.Handler) http.Handler {
	if l.cfg.Rate <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, limit, burst := l.classify(ClientIP(r, l.cfg.TrustedProxies))
		if r.Header.Get("Authorization") == "" {
			if l.admit(w, r, key, limit, burst) {
				next.ServeHTTP(w, r)
			}
			return
		}
		if l.cfg.Shared != nil {
			if _, tokens, err := l.cfg.Shared.Spend(r.Context(), key, limit, burst, "peek"); err == nil {
				if tokens < 1 {
					l.refuse(w, r, limit, burst, time.Duration((1-tokens)/limit*float64(time.Second)))
					return
				}
				setTokens(w.Header(), tokens, limit, burst)
				next.ServeHTTP(&chargeOnRefusal{ResponseWriter: w, charge: func() (float64, bool) {
					_, tokens, err := l.cfg.Shared.Spend(r.Context(), key, limit, burst, "force")
					return tokens, err == nil
				}, limit: limit, burst: burst}, r)
				return
			}
		}
		now := l.now()
		lim := l.limiter(key, limit, burst, now)
		if tokens := lim.TokensAt(now); tokens < 1 {
			l.refuse(w, r, limit, burst, time.Duration((1-tokens)/limit*float64(time.Second)))
			return
		}
		setRemaining(w.Header(), lim, now, limit, burst)
		next.ServeHTTP(&chargeOnRefusal{ResponseWriter: w, charge: func() (float64, bool) {
			now := l.now()
			lim.ReserveN(now, 1)
			return lim.TokensAt(now), true
		}, limit: limit, burst: burst}, r)
	})
}

// ByToken limits authenticated requests by their token's bucket and lets
// the others through (BeforeAuth counted them by address).
func (l *Limiter) ByToken(next http.Handler) http.Handler {
	if l.cfg.Rate <= 0 || l.cfg.Holder == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := l.cfg.Holder(r)
		if !ok || l.admit(w, r, "token:"+name, l.cfg.TokenRate, l.cfg.TokenBurst) {
			next.ServeHTTP(w, r)
		}
	})
}

// chargeOnRefusal spends one token of the client address's bucket when
// authentication answers 401. The bucket may go into debt, so a burst of
// concurrent guesses is paid for in full.
type chargeOnRefusal struct {
	http.ResponseWriter
	charge       func() (tokens float64, ok bool)
	limit        float64
	burst        int
	wroteHeaders bool
}

func (c *chargeOnRefusal) WriteHeader(status int) {
	if !c.wroteHeaders && status == http.StatusUnauthorized {
		if tokens, ok := c.charge(); ok {
			setTokens(c.Header(), tokens, c.limit, c.burst)
		}
	}
	c.wroteHeaders = true
	c.ResponseWriter.WriteHeader(status)
}

func (c *chargeOnRefusal) Write(b []byte) (int, error) {
	c.wroteHeaders = true
	return c.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (c *chargeOnRefusal) Unwrap() http.ResponseWriter { return c.ResponseWriter }

// bucketOf names the bucket of a request: its token's, or its address's.
func (l *Limiter) bucketOf(r *http.Request) (string, float64, int) {
	if l.cfg.Holder != nil {
		if name, ok := l.cfg.Holder(r); ok {
			return "token:" + name, l.cfg.TokenRate, l.cfg.TokenBurst
		}
	}
	return l.classify(ClientIP(r, l.cfg.TrustedProxies))
}

// admit spends one token of the bucket key and sets the RateLimit-*
// headers; when the bucket is empty it answers 429 and returns false.
func (l *Limiter) admit(w http.ResponseWriter, r *http.Request, key string, limit float64, burst int) bool {
	if l.cfg.Shared != nil {
		if ok, tokens, err := l.cfg.Shared.Spend(r.Context(), key, limit, burst, "take"); err == nil {
			if !ok {
				l.refuse(w, r, limit, burst, time.Duration((1-tokens)/limit*float64(time.Second)))
				return false
			}
			setTokens(w.Header(), tokens, limit, burst)
			return true
		}
	}
	now := l.now()
	lim := l.limiter(key, limit, burst, now)
	res := lim.ReserveN(now, 1)
	if delay := res.DelayFrom(now); delay > 0 {
		res.CancelAt(now)
		l.refuse(w, r, limit, burst, delay)
		return false
	}
	setRemaining(w.Header(), lim, now, limit, burst)
	return true
}

// refuse answers 429 with Retry-After and the RateLimit-* headers.
func (l *Limiter) refuse(w http.ResponseWriter, r *http.Request, limit float64, burst int, delay time.Duration) {
	retry := max(1, int(math.Ceil(delay.Seconds())))
	h := w.Header()
	setPolicy(h, limit, burst)
	h.Set("RateLimit-Remaining", "0")
	h.Set("RateLimit-Reset", strconv.Itoa(retry))
	h.Set("Retry-After", strconv.Itoa(retry))
	if l.onLimit != nil {
		l.onLimit(r)
	}
	h.Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusTooManyRequests)
	fmt.Fprintf(w, `{"errors":[{"message":"rate limit exceeded: at most %d requests at once and %g per second; retry after %d s","extensions":{"code":"RATE_LIMITED","retryAfter":%d}}]}`+"\n",
		burst, limit, retry, retry)
}

func setPolicy(h http.Header, limit float64, burst int) {
	h.Set("RateLimit-Policy", fmt.Sprintf("%d;w=%d", burst, max(1, int(math.Ceil(float64(burst)/limit)))))
	h.Set("RateLimit-Limit", strconv.Itoa(burst))
}

// setRemaining sets the RateLimit-* headers from a bucket's state.
func setRemaining(h http.Header, lim *rate.Limiter, now time.Time, limit float64, burst int) {
	setTokens(h, lim.TokensAt(now), limit, burst)
}

// setTokens sets the RateLimit-* headers of a bucket with tokens left.
func setTokens(h http.Header, tokens, limit float64, burst int) {
	setPolicy(h, limit, burst)
	h.Set("RateLimit-Remaining", strconv.Itoa(max(0, int(math.Floor(tokens)))))
	h.Set("RateLimit-Reset", strconv.Itoa(max(0, int(math.Ceil((float64(burst)-tokens)/limit)))))
}

// classify returns the bucket key and limits for an address.
func (l *Limiter) classify(ip netip.Addr) (string, float64, int) {
	for _, p := range l.cfg.KioskNetworks {
		if p.Contains(ip) && l.cfg.KioskRate > 0 {
			return "kiosk:" + p.String(), l.cfg.KioskRate, l.cfg.KioskBurst
		}
	}
	if ip.Is6() && !ip.Is4In6() {
		p, _ := ip.Prefix(64)
		return p.String(), l.cfg.Rate, l.cfg.Burst
	}
	return ip.Unmap().String(), l.cfg.Rate, l.cfg.Burst
}

func (l *Limiter) limiter(key string, limit float64, burst int, now time.Time) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.clients[key]
	if !ok {
		if len(l.clients) >= l.cfg.MaxClients {
			l.evict(now)
		}
		c = &client{lim: rate.NewLimiter(rate.Limit(limit), burst)}
		l.clients[key] = c
	}
	c.seen = now
	return c.lim
}

// evict drops clients whose bucket is full again (forgetting them changes
// nothing), or else the oldest half.
func (l *Limiter) evict(now time.Time) {
	for k, c := range l.clients {
		if c.lim.TokensAt(now) >= float64(c.lim.Burst()) {
			delete(l.clients, k)
		}
	}
	if len(l.clients) < l.cfg.MaxClients {
		return
	}
	cutoff := now
	for _, c := range l.clients {
		if c.seen.Before(cutoff) {
			cutoff = c.seen
		}
	}
	mid := cutoff.Add(now.Sub(cutoff) / 2)
	for k, c := range l.clients {
		if c.seen.Before(mid) {
			delete(l.clients, k)
		}
	}
}

// ClientIP is the address a request comes from: the connection's peer, or,
// when the peer is a trusted proxy, the right-most address of
// X-Forwarded-For that is not itself a trusted proxy.
func ClientIP(r *http.Request, trusted []netip.Prefix) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return netip.IPv4Unspecified()
	}
	peer = peer.Unmap()
	if !inAny(peer, trusted) {
		return peer
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return peer
		}
		a = a.Unmap()
		if !inAny(a, trusted) {
			return a
		}
	}
	return peer
}

func inAny(a netip.Addr, prefixes []netip.Prefix) bool {
	for _, p := range prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// ParsePrefixes reads a comma-separated list of CIDRs or single addresses.
func ParsePrefixes(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			a, err := netip.ParseAddr(s)
			if err != nil {
				return nil, fmt.Errorf("%q is not an IP address or CIDR", s)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not an IP address or CIDR", s)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
