// Package httpapp is brandshow's HTTP application: the one handler that
// main, the tests and the benchmarks use, so that what is tested is what
// runs. It serves /graphql (the gqlgen server of package graph, wrapped in
// request ids, authentication, rate limits, body and time limits, the
// response cache and HTTP caching), /graphiql, the journalists' feeds, the
// web client at /, /healthz, /readyz and (when configured) /metrics, with
// CORS and one log line per request.
package httpapp

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"brandshow/ent/visibility"
	"brandshow/graph"
	"brandshow/server/auth"
	"brandshow/server/kiosks"
	"brandshow/server/media"
	"brandshow/server/metrics"
	"brandshow/server/middleware"
	"brandshow/server/pages"
	"brandshow/server/ratelimit"
	"brandshow/server/respcache"
	"brandshow/server/schedule"
	"brandshow/server/shared"
	"brandshow/server/store"
	webclient "brandshow/web-client"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/rs/cors"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Config is what the HTTP application needs. Zero values mean the
// defaults documented on each field.
type Config struct {
	// DB is the database: its Client serves editors, its read-only Public
	// client everyone else; /readyz pings it.
	DB *store.DB
	// SampleContent marks the data set as the bundled demo content.
	SampleContent bool
	// AllowedOrigins for CORS; "*" allows any origin (credentials are never allowed).
	AllowedOrigins []string
	// Introspection lets clients read the schema (the playground needs it).
	Introspection bool
	// Logger receives one line per request and the detail of internal errors.
	Logger *slog.Logger
	// Limits bound each query (default graph.DefaultLimits).
	Limits *graph.Limits
	// RateLimit limits requests per client; a zero Rate turns it off.
	RateLimit ratelimit.Config
	// SearchFeedRate and SearchFeedBurst limit saved-search feeds
	// (/feeds/search.atom) per client, on top of RateLimit: requests per
	// second (default DefaultSearchFeedRate; negative: unlimited) and burst
	// (default DefaultSearchFeedBurst).
	SearchFeedRate  float64
	SearchFeedBurst int
	// OnRateLimited is called for each refused request (metrics).
	OnRateLimited ratelimit.OnLimit
	// QueryTimeout bounds a request's execution (default 10s).
	QueryTimeout time.Duration
	// UploadTimeout bounds a picture upload, reading the file included
	// (default 2 minutes): a 20 MB file on a slow link, then decoding
	// while other uploads take the media store's workers.
	UploadTimeout time.Duration
	// MaxBodyBytes bounds a request body (default 64 KiB).
	MaxBodyBytes int64
	// MaxResponseBytes bounds an answer (default graph.DefaultMaxResponseBytes).
	MaxResponseBytes int
	// CacheMaxAge is the max-age of cacheable anonymous GET answers, in
	// seconds (default 60; negative: 0).
	CacheMaxAge int
	// TrustedDocuments, when set, lets only registered operations run.
	TrustedDocuments *graph.TrustedDocuments
	// Metrics, when set, is served at /metrics and fed by every request.
	Metrics *metrics.Metrics
	// ResponseCache, when set, serves anonymous queries' answers from memory
	// until the next write (see server/respcache).
	ResponseCache *respcache.Cache
	// Shared, when set, keeps the rate-limit buckets and the automatic
	// persisted queries in Redis, shared by the replicas (see server/shared).
	Shared *shared.Store
	// TracerProvider, when set, records an OpenTelemetry span per request,
	// GraphQL operation and resolver (server/tracing); nil installs nothing.
	// The database's spans come from store.Options.TracerProvider.
	TracerProvider trace.TracerProvider
	// Media, when set, keeps uploaded pictures: token holders upload through
	// /graphql (multipart), everyone reads /media/... and the brands' press
	// kits.
	Media *media.Store
	// WebhookAllowPrivate lets admins register webhooks on private and
	// loopback addresses (WEBHOOK_ALLOW_PRIVATE).
	WebhookAllowPrivate bool
	// BaseURL is the site's public address (https://brands.example.cn) for
	// canonical, Open Graph and sitemap URLs; empty: each request's own
	// scheme and host.
	BaseURL string
	// Schedule, when set, is the timer of scheduled publication
	// (server/schedule, which main runs): HTTP caches (max-age of GraphQL
	// GETs and feeds) keep no answer past its next transition.
	Schedule *schedule.Timer
	// Kiosks, when set, takes the kiosks' heartbeats at
	// POST /kiosks/{id}/heartbeat (and /metrics shows them).
	Kiosks *kiosks.Registry
}

func (cfg *Config) defaults() {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	if cfg.UploadTimeout <= 0 {
		cfg.UploadTimeout = 2 * time.Minute
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 64 << 10
	}
	if cfg.CacheMaxAge == 0 {
		cfg.CacheMaxAge = 60
	}
	cfg.CacheMaxAge = max(cfg.CacheMaxAge, 0)
}

// New builds the whole HTTP handler: /graphql, /graphiql, /feeds/, the web
// client at /, /healthz, /readyz and (when configured) /metrics, with
// request ids, authentication, panic recovery, request logging, CORS, rate
// limiting, body and time limits and HTTP caching.
func New(cfg Config) http.Handler {
	cfg.defaults()
	rl := cfg.RateLimit
	rl.Holder = func(r *http.Request) (string, bool) {
		v, ok := visibility.ViewerFrom(r.Context())
		return v.Name, ok
	}
	onLimit := cfg.OnRateLimited
	if cfg.Metrics != nil && onLimit == nil {
		onLimit = cfg.Metrics.RateLimited
	}
	var apq graphql.Cache[string]
	if cfg.Shared != nil {
		rl.Shared = cfg.Shared
		apq = cfg.Shared.PersistedQueries(lru.New[string](1000))
	}
	limiter := ratelimit.New(rl, onLimit)
	var gql http.Handler = middleware.FinishGraphQL(noteOutcome(graph.NewGraphQLServer(graph.ServerConfig{
		Client:           cfg.DB.Client,
		SampleContent:    cfg.SampleContent,
		Introspection:    cfg.Introspection,
		Logger:           cfg.Logger,
		Limits:           cfg.Limits,
		MaxResponseBytes: cfg.MaxResponseBytes,
		TrustedDocuments: cfg.TrustedDocuments,
		PersistedQueries: apq,
		Tracer:           tracer(cfg.TracerProvider),
		RequestID:        middleware.RequestIDFrom,
		Media:            cfg.Media,

		WebhookAllowPrivate: cfg.WebhookAllowPrivate,
	})))
	if cfg.ResponseCache != nil {
		gql = cfg.ResponseCache.Middleware(gql)
	}
	gql = bodyLimits(cfg, middleware.HTTPCache(func() int { return cfg.maxAge(time.Duration(cfg.CacheMaxAge) * time.Second) }, gql))

	mux := http.NewServeMux()
	// The client's address is checked before authentication (a token lookup
	// is database work), token holders are then limited by token; the
	// lookup runs under the request deadline too.
	mux.Handle("/graphql", limiter.BeforeAuth(middleware.DeadlineBy(cfg.deadline, auth.Middleware(cfg.DB.Client, cfg.DB.Public, limiter.ByToken(gql)))))
	mux.Handle("/graphiql", limiter.Middleware(webclient.GraphiQL()))
	// Spreadsheet and JSON imports from the editors' console: token holders
	// only (authenticated before the body is read), limited like /graphql, a
	// dry run unless asked.
	mux.Handle("POST /import", limiter.BeforeAuth(middleware.Deadline(cfg.QueryTimeout, auth.Middleware(cfg.DB.Client, cfg.DB.Public, limiter.ByToken(importHandler(cfg))))))
	site := &pages.Site{Client: cfg.DB.Public, BaseURL: cfg.BaseURL, Logger: cfg.Logger}
	crawled := func(h http.HandlerFunc) http.Handler {
		return limiter.Middleware(middleware.Deadline(cfg.QueryTimeout, replicaReads(h)))
	}
	mux.Handle("GET /sitemap.xml", crawled(site.SitemapIndex))
	mux.Handle("GET /sitemaps/{file}", crawled(site.Sitemap))
	mux.Handle("GET /robots.txt", crawled(site.Robots))
	mux.Handle("/", limiter.Middleware(middleware.Deadline(cfg.QueryTimeout, replicaReads(webclient.Handler(routeHead(site, cfg.Logger))))))
	// A preview link's page holds its secret in the URL: no cache keeps
	// it, and no link on it tells another site the URL (Referer).
	mux.Handle("GET /preview/{secret}", private(mux.Handler))
	mux.Handle("/feeds/", limiter.Middleware(middleware.Limit(cfg.MaxBodyBytes, cfg.QueryTimeout, replicaReads(newFeedHandler(cfg, newSearchFeedLimiter(cfg, onLimit))))))
	if cfg.Media != nil {
		mux.Handle("/media/", limiter.Middleware(cfg.Media.Handler()))
		mux.Handle("GET /brands/{slug}/press-kit.zip", limiter.Middleware(middleware.Limit(cfg.MaxBodyBytes, cfg.QueryTimeout, replicaReads(pressKit(cfg)))))
	}
	if cfg.Kiosks != nil {
		mux.Handle("POST /kiosks/{id}/heartbeat", limiter.Middleware(cfg.Kiosks.Handler()))
	}
	if cfg.Metrics != nil {
		// Not limited: no database work, meant for the operator's scraper
		// (kept off the internet), which must work during a flood.
		mux.Handle("/metrics", cfg.Metrics.Handler())
	}
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.Handle("/readyz", limiter.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := cfg.DB.Ping(ctx); err != nil {
			cfg.Logger.WarnContext(ctx, "readyz: database unreachable", "error", err.Error())
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})))
	c := cors.New(cors.Options{
		AllowedOrigins:   cfg.AllowedOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Content-Type", "Accept", "Authorization", middleware.RequestIDHeader},
		ExposedHeaders:   []string{"ETag", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", middleware.RequestIDHeader},
		AllowCredentials: false,
		MaxAge:           600,
	})
	h := middleware.RequestID(logRequests(cfg.Logger, cfg.Metrics, middleware.Recover(cfg.Logger, limitPreflights(limiter, c.Handler(mux)))))
	if cfg.TracerProvider != nil {
		// Outermost: the request's span covers everything, and a caller's
		// traceparent header (W3C trace context) makes it a child span.
		h = otelhttp.NewHandler(h, "http.request",
			otelhttp.WithTracerProvider(cfg.TracerProvider),
			otelhttp.WithPropagators(propagation.TraceContext{}),
			otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method + " " + r.URL.Path }),
		)
	}
	return h
}

// maxAge is the max-age, in seconds, of a public answer that may be kept for
// limit: shorter when a scheduled publication or withdrawal comes sooner,
// so browsers and proxies change their answer at that moment too.
func (cfg *Config) maxAge(limit time.Duration) int {
	if cfg.Schedule != nil {
		if next, ok := cfg.Schedule.Next(); ok {
			limit = min(limit, max(time.Until(next), 0))
		}
	}
	return int(limit / time.Second)
}

func tracer(tp trace.TracerProvider) trace.Tracer {
	if tp == nil {
		return nil
	}
	return tp.Tracer("brandshow/graph")
}

// noteOutcome hands what the GraphQL server said of its answer
// (graph.Outcome) to the layers that hold the answer (middleware.Answer):
// HTTP caching keeps only answers without errors, the response cache only
// queries' answers without errors. None of them reads the body for it.
func noteOutcome(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, out := r.Context(), graph.OutcomeFrom(r.Context())
		if out == nil {
			ctx, out = graph.WithOutcome(ctx)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
		if a, ok := w.(*middleware.Answer); ok {
			a.Clean, a.Storable, a.Private = out.Clean(), out.Query && !out.Private, out.Private
		}
	})
}

// private serves a page that must not be kept or referred to: the page's
// own handler (the web client's, found by the mux for "/") answers, with
// Cache-Control: no-store, noindex and no Referer.
func private(handlerOf func(*http.Request) (http.Handler, string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site := r.Clone(r.Context())
		site.URL.Path = "/"
		h, _ := handlerOf(site)
		a, send := middleware.Hold(w)
		h.ServeHTTP(a, r)
		a.Header().Set("Cache-Control", "no-store")
		a.Header().Set("X-Robots-Tag", "noindex")
		a.Header().Set("Referrer-Policy", "no-referrer")
		send()
	})
}

// limitPreflights spends the client's bucket on CORS preflights, which the
// CORS handler answers before the mux (and its limited routes) sees them.
func limitPreflights(limiter *ratelimit.Limiter, next http.Handler) http.Handler {
	limited := limiter.Middleware(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			limited.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// replicaReads lets a handler that only ever serves the public (the feeds)
// read from the read replica when there is one.
func replicaReads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(store.WithReplicaReads(r.Context())))
	})
}

// routeHead describes each client route for crawlers and link previews
// (package pages): 404 for an unknown page, 503 when the database fails
// (the client still runs; a crawler comes back later).
func routeHead(site *pages.Site, logger *slog.Logger) webclient.RouteHead {
	return func(r *http.Request) (int, []byte) {
		status := http.StatusOK
		p, err := site.Describe(r.Context(), r.URL.Path, r.URL.Query())
		switch {
		case errors.Is(err, pages.ErrNotFound):
			status = http.StatusNotFound
		case err != nil:
			logger.ErrorContext(r.Context(), "page head", "path", r.URL.Path, "error", err.Error())
			status = http.StatusServiceUnavailable
			p = &pages.Page{Found: true, Path: "/", Lang: p.Lang, Type: "website", NoIndex: true}
		}
		head, err := p.Head(site.Base(r))
		if err != nil {
			logger.ErrorContext(r.Context(), "page head", "path", r.URL.Path, "error", err.Error())
			return http.StatusInternalServerError, nil
		}
		return status, head
	}
}
