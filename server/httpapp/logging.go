package httpapp

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"brandshow/graph"
	"brandshow/server/metrics"
	"brandshow/server/middleware"
)

// statusRecorder remembers the status code written.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// metricPath keeps the path label bounded: feeds by kind, unknown paths as one.
func metricPath(p string) string {
	switch {
	case p == "/graphql", p == "/graphiql", p == "/healthz", p == "/readyz", p == "/feeds/coverage.atom":
		return p
	case strings.HasPrefix(p, "/feeds/brands/"):
		return "/feeds/brands/{slug}"
	}
	return "other"
}

// logRequests writes one structured line per request: method, path,
// GraphQL operation name, status and duration.
func logRequests(logger *slog.Logger, m *metrics.Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		ctx, info := graph.WithOutcome(r.Context())
		if m != nil {
			ctx = metrics.WithStatementCount(ctx)
		}
		next.ServeHTTP(rec, r.WithContext(ctx))
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		if m != nil && r.URL.Path != "/metrics" {
			m.Observe(ctx, metricPath(r.URL.Path), info.Operation, rec.status, time.Since(start))
		}
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("operation", info.Operation),
			slog.Int("status", rec.status),
			slog.Duration("duration", time.Since(start)),
			slog.String("request_id", middleware.RequestIDFrom(r.Context())),
		)
	})
}
