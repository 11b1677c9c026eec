// Package loopback is what the load and attack tools under server/tools
// share: an HTTP client that can only ever reach this machine, and the
// latency percentile they report. The tools put real servers under heavy
// load, so a typo in a URL must never aim them at someone else's: a target
// is refused unless its host is on the loopback interface, every
// connection is checked again when it is dialled (whatever a name
// resolves to), proxies from the environment are ignored and redirects are
// not followed.
package loopback

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// ErrNotLoopback is returned for a host or address outside the loopback
// interface.
var ErrNotLoopback = errors.New("not a loopback host (127.0.0.0/8, ::1 or localhost): these tools only load servers on this machine")

// IsHost reports whether host (a name or an IP literal, without port) is on
// the loopback interface: 127.0.0.0/8, ::1 or the name localhost.
func IsHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckHostPort accepts "host:port" only when host is a loopback host; it
// is for the addresses tools listen on or proxy to.
func CheckHostPort(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q: %w", addr, err)
	}
	if !IsHost(host) {
		return fmt.Errorf("%q: %w", addr, ErrNotLoopback)
	}
	return nil
}

// URL parses raw and accepts it only when it is an http(s) URL without
// credentials whose host is on the loopback interface.
func URL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q: scheme must be http or https, got %q", raw, u.Scheme)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%q: no credentials in the URL", raw)
	}
	host := u.Hostname()
	if host == "" {
		return nil, fmt.Errorf("%q: no host", raw)
	}
	if !IsHost(host) {
		return nil, fmt.Errorf("%q: %w", host, ErrNotLoopback)
	}
	return u, nil
}

// Dialer dials only loopback addresses, whatever a name resolves to. A
// non-nil local (itself a loopback address) is the source address, so two
// groups of workers look like different clients to a per-IP rate limiter.
func Dialer(timeout time.Duration, local net.IP) *net.Dialer {
	var localAddr net.Addr
	if local != nil {
		localAddr = &net.TCPAddr{IP: local}
	}
	return &net.Dialer{
		Timeout:   timeout,
		LocalAddr: localAddr,
		Control: func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				return fmt.Errorf("refusing to connect to %s: %w", address, ErrNotLoopback)
			}
			return nil
		},
	}
}

// ClientOptions shape a Client.
type ClientOptions struct {
	Timeout     time.Duration // deadline of one request, answer included
	IdleConns   int           // idle connections kept (one per worker is enough)
	IdleTimeout time.Duration // how long an idle connection is kept
	From        net.IP        // source address (loopback), nil: the system's choice
}

// dialTimeout bounds connecting, on a machine where connecting is instant.
const dialTimeout = 5 * time.Second

// Client is an HTTP client that reaches loopback addresses only, never
// through a proxy, and does not follow redirects.
func Client(o ClientOptions) *http.Client {
	return &http.Client{
		Timeout: o.Timeout,
		Transport: &http.Transport{
			Proxy:               nil, // never through a proxy from the environment
			DialContext:         Dialer(dialTimeout, o.From).DialContext,
			MaxIdleConns:        o.IdleConns,
			MaxIdleConnsPerHost: o.IdleConns,
			IdleConnTimeout:     o.IdleTimeout,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
