package httpapp_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"brandshow/server/httpapp"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// tracedHandler opens a demo database and the HTTP application, both
// recording spans into an in-memory exporter.
func tracedHandler(t testing.TB, dia string) (http.Handler, *tracetest.InMemoryExporter) {
	t.Helper()
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := store.Open(ctx, storetest.NewURL(t, dia), store.Options{Logger: quiet, TracerProvider: tp})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx, quiet); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.LoadDemo(ctx, db.Client); err != nil {
		t.Fatal(err)
	}
	exp.Reset()
	return httpapp.New(httpapp.Config{DB: db, SampleContent: true, Logger: quiet, TracerProvider: tp}), exp
}

// TestTracing: one anonymous query gives a span for the request (a child
// of the caller's traceparent), one for the GraphQL operation, one per
// resolver, and one per SQL statement under the resolver that sent it.
func TestTracing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		h, exp := tracedHandler(t, dia)
		const parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
		req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(`query Page { brand(slug: "hongan-dasao") { slug roleModels(first: 2) { totalCount } } }`), nil)
		req.Header.Set("traceparent", parent)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
			t.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
		spans := exp.GetSpans()
		byID := map[trace.SpanID]tracetest.SpanStub{}
		var httpSpan, opSpan, brandSpan *tracetest.SpanStub
		var sqlSpans []tracetest.SpanStub
		for i, s := range spans {
			byID[s.SpanContext.SpanID()] = s
			if s.SpanContext.TraceID().String() != "4bf92f3577b34da6a3ce929d0e0e4736" {
				t.Errorf("span %q is not in the caller's trace", s.Name)
			}
			switch {
			case s.Name == "GET /graphql":
				httpSpan = &spans[i]
			case s.Name == "graphql.query Page":
				opSpan = &spans[i]
			case s.Name == "graphql.resolve Query.brand":
				brandSpan = &spans[i]
			case strings.HasPrefix(s.Name, "sql."):
				sqlSpans = append(sqlSpans, s)
			}
		}
		var names []string
		for _, s := range spans {
			names = append(names, s.Name)
		}
		if httpSpan == nil || opSpan == nil || brandSpan == nil || len(sqlSpans) == 0 {
			t.Fatalf("spans %q: want the request's, the operation's, Query.brand's and SQL statements'", names)
		}
		if httpSpan.Parent.SpanID().String() != "00f067aa0ba902b7" {
			t.Errorf("the request's span is not a child of the caller's")
		}
		// Every SQL statement descends from a resolver, which descends from
		// the operation, which descends from the request.
		ancestor := func(s tracetest.SpanStub, prefix string) bool {
			for p, ok := byID[s.Parent.SpanID()]; ok; p, ok = byID[p.Parent.SpanID()] {
				if strings.HasPrefix(p.Name, prefix) {
					return true
				}
			}
			return false
		}
		for _, s := range sqlSpans {
			if !ancestor(s, "graphql.resolve ") || !ancestor(s, "graphql.query") || !ancestor(s, "GET /graphql") {
				t.Errorf("SQL span %q (%v) is not under a resolver, the operation and the request", s.Name, s.Attributes)
			}
		}
		if !ancestor(*opSpan, "GET /graphql") {
			t.Error("the operation's span is not under the request's")
		}
		t.Logf("%d spans: %q", len(spans), names)
	})
}

// BenchmarkTracing measures one uncached anonymous query through the whole
// handler without tracing (nothing installed: the default) and with it
// (spans recorded into memory), on SQLite:
//
//	go test -run '^$' -bench Tracing ./server/httpapp/
func BenchmarkTracing(b *testing.B) {
	target := "/graphql?query=" + url.QueryEscape(`query Page { brand(slug: "hongan-dasao") { slug roleModels(first: 2) { totalCount } } }`)
	for _, traced := range []bool{false, true} {
		name := "off"
		if traced {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			h, exp := tracedHandler(b, dialect.SQLite)
			if !traced {
				db := storetest.SharedDemo(b, dialect.SQLite)
				h = httpapp.New(httpapp.Config{DB: db, SampleContent: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Body.String())
				}
				exp.Reset()
			}
		})
	}
}
