package webhooks

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// blockedPrefixes are the addresses a webhook may not reach unless the
// operator allows private targets (WEBHOOK_ALLOW_PRIVATE): this machine,
// private and shared networks, link-local addresses (with the cloud
// metadata services at 169.254.169.254, fd00:ec2::254, and Alibaba Cloud's
// 100.100.100.200 in the shared range), multicast and reserved space.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"; 0.0.0.0 reaches localhost
	netip.MustParsePrefix("10.0.0.0/8"),     // private
	netip.MustParsePrefix("100.64.0.0/10"),  // shared address space (CGNAT; Alibaba Cloud metadata)
	netip.MustParsePrefix("127.0.0.0/8"),    // loopback
	netip.MustParsePrefix("169.254.0.0/16"), // link-local, cloud metadata
	netip.MustParsePrefix("172.16.0.0/12"),  // private
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("192.168.0.0/16"), // private
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("224.0.0.0/4"),    // multicast
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, broadcast
	netip.MustParsePrefix("::/128"),         // unspecified
	netip.MustParsePrefix("::1/128"),        // loopback
	netip.MustParsePrefix("100::/64"),       // discard
	netip.MustParsePrefix("fc00::/7"),       // unique local (AWS metadata fd00:ec2::254)
	netip.MustParsePrefix("fe80::/10"),      // link-local
	netip.MustParsePrefix("ff00::/8"),       // multicast
}

// Embedded IPv4 addresses: NAT64 and 6to4 reach the IPv4 address inside.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// Blocked reports whether ip is an address that webhooks may not reach
// without WEBHOOK_ALLOW_PRIVATE.
func Blocked(ip netip.Addr) bool {
	ip = ip.WithZone("").Unmap()
	if !ip.IsValid() {
		return true
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			return Blocked(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(ip):
			return Blocked(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// InputError is a webhook registration that cannot be accepted; its
// message is for the admin who made it.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// ErrRefusedTarget is returned when a delivery would connect to a blocked
// address (the name resolved to it, perhaps only since registration).
var ErrRefusedTarget = errors.New("webhook target refused: private, loopback, link-local or reserved address (WEBHOOK_ALLOW_PRIVATE allows them)")

// MaxURLLength bounds a webhook's URL.
const MaxURLLength = 2048

// CheckURL checks a webhook's URL at registration: http or https, a host,
// no credentials, and, unless allowPrivate, no name or address that
// reaches a blocked address (every address the name resolves to now is
// checked; the dialer checks again at each delivery, which covers names
// that change later).
func CheckURL(ctx context.Context, raw string, allowPrivate bool) error {
	if len(raw) > MaxURLLength {
		return inputErrorf("url: at most %d characters", MaxURLLength)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return inputErrorf("url: an absolute http or https URL is needed, got %q", raw)
	}
	if u.User != nil {
		return inputErrorf("url: credentials in the URL are not allowed (the signature authenticates the server)")
	}
	if u.Fragment != "" {
		return inputErrorf("url: a fragment (#...) is not sent; leave it out")
	}
	host := u.Hostname()
	if allowPrivate {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if Blocked(ip) {
			return inputErrorf("url: %s is a private, loopback, link-local or reserved address; webhooks may only reach public addresses (an operator can set WEBHOOK_ALLOW_PRIVATE=1)", host)
		}
		return nil
	}
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") || strings.HasSuffix(strings.ToLower(strings.TrimSuffix(host, ".")), ".localhost") {
		return inputErrorf("url: %s is this machine; webhooks may only reach public addresses (an operator can set WEBHOOK_ALLOW_PRIVATE=1)", host)
	}
	lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(lctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		return inputErrorf("url: the host %s does not resolve", host)
	}
	for _, ip := range addrs {
		if Blocked(ip) {
			return inputErrorf("url: %s resolves to %s, a private, loopback, link-local or reserved address; webhooks may only reach public addresses (an operator can set WEBHOOK_ALLOW_PRIVATE=1)", host, ip)
		}
	}
	return nil
}

// dialControl refuses a connection to a blocked address. It runs after
// name resolution, on the address actually dialled, so a name that
// resolves to a public address at registration and to a private one later
// (DNS rebinding) is refused too.
func dialControl(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return ErrRefusedTarget
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || Blocked(ip) {
		return ErrRefusedTarget
	}
	return nil
}

// NewHTTPClient is the client of the deliveries: every connection's
// address is checked (unless allowPrivate), no proxy from the environment
// (it would be the address checked), redirects are not followed (a 3xx
// answer is a failed attempt), and each request ends after timeout.
func NewHTTPClient(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = dialControl
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}
