package webhooks

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// The headers of a delivery.
const (
	// SignatureHeader carries "t=<unix seconds>,v1=<hex HMAC-SHA256 of
	// "<t>.<body>" keyed with the endpoint's secret>".
	SignatureHeader = "Brandshow-Signature"
	// DeliveryHeader carries the event's ID: the idempotency key, the same
	// on every retry of the event.
	DeliveryHeader = "Brandshow-Delivery"
	// EventHeader carries the event type, e.g. item.published.
	EventHeader = "Brandshow-Event"
)

// NewSecret returns a new endpoint secret: "whsec_" and 64 hex digits
// (32 random bytes).
func NewSecret() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return "whsec_" + hex.EncodeToString(b[:])
}

// Sign returns the SignatureHeader value of body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// ErrBadSignature is returned by Verify for a header that does not match.
var ErrBadSignature = errors.New("webhook signature does not match")

// ErrStaleSignature is returned by Verify for a signature older (or newer)
// than the tolerance: a replayed delivery.
var ErrStaleSignature = errors.New("webhook signature timestamp outside the tolerance")

// Verify checks a SignatureHeader value as a receiver does (the Go example
// of docs/client-developers.md): the HMAC of "<t>.<body>" must equal one of
// the v1 values, and t must be within tolerance of now.
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts string
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return ErrBadSignature
	}
	want := mac(secret, ts, body)
	ok := false
	for _, s := range sigs {
		if hmac.Equal([]byte(s), []byte(want)) {
			ok = true
		}
	}
	if !ok {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return ErrStaleSignature
	}
	return nil
}
