// Package metrics exposes the server's Prometheus metrics at /metrics:
// requests and latency by GraphQL operation, SQL statements per request,
// rate-limit refusals, the database pools, and the response cache. Operation names come from
// clients, so only names of our own shape are kept as labels (others become
// "other"), which bounds the number of series an attacker can create.
package metrics

import (
	"context"
	"database/sql"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the collectors of one server.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	statements *prometheus.HistogramVec
	limited    prometheus.Counter
	mu         sync.Mutex
	known      map[string]bool // operation labels in use
}

// maxOperations bounds the operation label's cardinality.
const maxOperations = 200

// New registers the collectors, and the pool statistics of db when given.
func New(db *sql.DB) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brandshow_requests_total", Help: "HTTP requests by path, GraphQL operation and status class.",
		}, []string{"path", "operation", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "brandshow_request_duration_seconds", Help: "Request latency by path and GraphQL operation.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"path", "operation"}),
		statements: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "brandshow_sql_statements_per_request", Help: "SQL statements sent to the database per request, by GraphQL operation.",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100},
		}, []string{"operation"}),
		limited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "brandshow_rate_limited_total", Help: "Requests refused by the rate limiter.",
		}),
		known: map[string]bool{},
	}
	reg.MustRegister(m.requests, m.latency, m.statements, m.limited,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if db != nil {
		reg.MustRegister(collectors.NewDBStatsCollector(db, "brandshow"))
	}
	return m
}

// Register adds collectors of other packages (the response cache).
func (m *Metrics) Register(cs ...prometheus.Collector) { m.reg.MustRegister(cs...) }

// AddPool adds the statistics of another connection pool (the read
// replica's), labelled db_name=name.
func (m *Metrics) AddPool(db *sql.DB, name string) {
	m.reg.MustRegister(collectors.NewDBStatsCollector(db, name))
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// RateLimited counts one refused request.
func (m *Metrics) RateLimited(*http.Request) { m.limited.Inc() }

var operationName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,63}$`)

// label keeps operation names bounded: well-formed names up to
// maxOperations distinct ones, "other" beyond, "anonymous" for none.
func (m *Metrics) label(op string) string {
	switch {
	case op == "":
		return "anonymous"
	case !operationName.MatchString(op):
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.known[op] {
		if len(m.known) >= maxOperations {
			return "other"
		}
		m.known[op] = true
	}
	return op
}

type statementsKey struct{}

// Observe records one finished request.
func (m *Metrics) Observe(ctx context.Context, path, operation string, status int, took time.Duration) {
	op := m.label(operation)
	m.requests.WithLabelValues(path, op, strconv.Itoa(status/100)+"xx").Inc()
	m.latency.WithLabelValues(path, op).Observe(took.Seconds())
	if n, ok := ctx.Value(statementsKey{}).(*atomic.Int64); ok && path == "/graphql" {
		m.statements.WithLabelValues(op).Observe(float64(n.Load()))
	}
}

// WithStatementCount returns a context in which CountStatement counts the
// request's SQL statements.
func WithStatementCount(ctx context.Context) context.Context {
	return context.WithValue(ctx, statementsKey{}, new(atomic.Int64))
}

// CountStatement counts one statement of the request in ctx; it is the
// store.ObservedDriver hook main installs.
func CountStatement(ctx context.Context, _ string) {
	if n, ok := ctx.Value(statementsKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}
