// Package kiosks keeps the heartbeats of the exhibition touch screens: each
// kiosk is started with an id in its URL (?kioskId=hall-a-1) and posts a
// heartbeat every ping interval; /metrics shows when each was last seen, so
// an operator's alert finds a dead screen in a hall. Ids are checked and
// their number bounded (the endpoint is public: anyone may post, and every
// id would be a time series), so a flood of made-up ids cannot grow the
// metrics.
package kiosks

import (
	"errors"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// DefaultMax is how many kiosk ids are kept by default.
const DefaultMax = 200

// idPattern is a kiosk id: lower-case letters, digits and hyphens, at most
// 32 characters, e.g. hall-a-1.
var idPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$`)

var (
	// ErrBadID is a kiosk id of the wrong form.
	ErrBadID = errors.New("kiosk id must be 1-32 lower-case letters, digits and hyphens, e.g. hall-a-1")
	// ErrTooMany is a new id when the registry is full.
	ErrTooMany = errors.New("too many kiosk ids")
)

// Registry holds the last heartbeat of each kiosk.
type Registry struct {
	mu       sync.Mutex
	lastSeen map[string]time.Time
	max      int
	now      func() time.Time

	seen    *prometheus.Desc
	count   *prometheus.Desc
	refused prometheus.Counter
}

// New returns a registry of at most max kiosks (DefaultMax when max ≤ 0).
func New(max int) *Registry {
	if max <= 0 {
		max = DefaultMax
	}
	return &Registry{
		lastSeen: map[string]time.Time{}, max: max, now: time.Now,
		seen:  prometheus.NewDesc("brandshow_kiosk_last_seen_timestamp_seconds", "When each kiosk last sent a heartbeat (Unix time).", []string{"kiosk"}, nil),
		count: prometheus.NewDesc("brandshow_kiosks", "Kiosks that sent a heartbeat since the server started.", nil, nil),
		refused: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "brandshow_kiosk_heartbeats_refused_total", Help: "Heartbeats refused: malformed id, or a new id beyond the limit.",
		}),
	}
}

// Beat records a heartbeat of kiosk id now.
func (r *Registry) Beat(id string) error {
	if !idPattern.MatchString(id) {
		r.refused.Inc()
		return ErrBadID
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.lastSeen[id]; !ok && len(r.lastSeen) >= r.max {
		r.refused.Inc()
		return ErrTooMany
	}
	r.lastSeen[id] = r.now()
	return nil
}

// Handler serves POST /kiosks/{id}/heartbeat: 204, or 400 for a malformed
// id, 429 for a new id beyond the limit.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		switch err := r.Beat(req.PathValue("id")); {
		case errors.Is(err, ErrBadID):
			http.Error(w, err.Error(), http.StatusBadRequest)
		case errors.Is(err, ErrTooMany):
			http.Error(w, err.Error(), http.StatusTooManyRequests)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	})
}

// Describe implements prometheus.Collector.
func (r *Registry) Describe(ch chan<- *prometheus.Desc) {
	ch <- r.seen
	ch <- r.count
	r.refused.Describe(ch)
}

// Collect implements prometheus.Collector.
func (r *Registry) Collect(ch chan<- prometheus.Metric) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, t := range r.lastSeen {
		ch <- prometheus.MustNewConstMetric(r.seen, prometheus.GaugeValue, float64(t.UnixNano())/1e9, id)
	}
	ch <- prometheus.MustNewConstMetric(r.count, prometheus.GaugeValue, float64(len(r.lastSeen)))
	r.refused.Collect(ch)
}
