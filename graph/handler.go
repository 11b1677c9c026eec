package graph

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"brandshow/ent/visibility"
	"brandshow/server/auth"
	"brandshow/server/metrics"
	"brandshow/server/middleware"
	"brandshow/server/ratelimit"
	"brandshow/server/respcache"
	"brandshow/server/store"
	webclient "brandshow/web-client"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
)

// HandlerConfig is what the HTTP handler needs. Zero values mean the
// defaults documented on each field.
type HandlerConfig struct {
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
	// Limits bound each query (default DefaultLimits).
	Limits *Limits
	// RateLimit limits requests per client; a zero Rate turns it off.
	RateLimit ratelimit.Config
	// OnRateLimited is called for each refused request (metrics).
	OnRateLimited ratelimit.OnLimit
	// QueryTimeout bounds a request's execution (default 10s).
	QueryTimeout time.Duration
	// MaxBodyBytes bounds a request body (default 64 KiB).
	MaxBodyBytes int64
	// MaxResponseBytes bounds an answer (default DefaultMaxResponseBytes).
	MaxResponseBytes int
	// CacheMaxAge is the max-age of cacheable anonymous GET answers, in
	// seconds (default 60; negative: 0).
	CacheMaxAge int
	// TrustedDocuments, when set, lets only registered operations run.
	TrustedDocuments *TrustedDocuments
	// Metrics, when set, is served at /metrics and fed by every request.
	Metrics *metrics.Metrics
	// ResponseCache, when set, serves anonymous queries' answers from memory
	// until the next write (see server/respcache).
	ResponseCache *respcache.Cache
}

func (cfg *HandlerConfig) defaults() {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Limits == nil {
		cfg.Limits = &DefaultLimits
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 64 << 10
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if cfg.CacheMaxAge == 0 {
		cfg.CacheMaxAge = 60
	}
	cfg.CacheMaxAge = max(cfg.CacheMaxAge, 0)
}

// NewHandler builds the whole HTTP handler: /graphql, /graphiql, /feeds/, the web client at /,
// /healthz, /readyz and (when configured) /metrics, with request ids, authentication, panic recovery, request logging, CORS, rate
// limiting, body and time limits and HTTP caching. main, the tests and the
// benchmarks all use it, so what is tested is what runs.
func NewHandler(cfg HandlerConfig) http.Handler {
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
	limiter := ratelimit.New(rl, onLimit)
	var gql http.Handler = middleware.FinishGraphQL(NewGraphQLServer(cfg))
	if cfg.ResponseCache != nil {
		gql = cfg.ResponseCache.Middleware(gql)
	}
	gql = middleware.Limit(cfg.MaxBodyBytes, cfg.QueryTimeout, middleware.HTTPCache(cfg.CacheMaxAge, gql))

	mux := http.NewServeMux()
	// The client's address is checked before authentication (a token lookup
	// is database work), token holders are then limited by token; the
	// lookup runs under the request deadline too.
	mux.Handle("/graphql", limiter.BeforeAuth(middleware.Deadline(cfg.QueryTimeout, auth.Middleware(cfg.DB.Client, cfg.DB.Public, limiter.ByToken(gql)))))
	mux.Handle("/graphiql", limiter.Middleware(webclient.GraphiQL()))
	mux.Handle("/", limiter.Middleware(webclient.Handler()))
	mux.Handle("/feeds/", limiter.Middleware(middleware.Limit(cfg.MaxBodyBytes, cfg.QueryTimeout, replicaReads(NewFeedHandler(cfg)))))
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
	return middleware.RequestID(logRequests(cfg.Logger, cfg.Metrics, middleware.Recover(cfg.Logger, limitPreflights(limiter, c.Handler(mux)))))
}

// NewGraphQLServer is the gqlgen server with explicit transports (no
// websocket, no multipart), a parsed-query cache, automatic persisted
// queries (or trusted documents), query limits checked before execution,
// and an error presenter that hides internals.
func NewGraphQLServer(cfg HandlerConfig) *handler.Server {
	cfg.defaults()
	srv := handler.New(NewExecutableSchema(Config{Resolvers: NewResolver(cfg.DB.Client, cfg.SampleContent)}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(strictGET{})
	srv.AddTransport(strictPOST{})
	srv.AddTransport(unsupported{}) // last: whatever the others do not take
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(newTransactioner())
	if cfg.TrustedDocuments != nil {
		srv.Use(cfg.TrustedDocuments)
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
		srv.Use(newIntrospectionCache())
	}
	srv.Use(QueryBudget{Limits: *cfg.Limits})
	srv.Use(TextArguments{})
	srv.Use(ResponseLimit{MaxBytes: cfg.MaxResponseBytes})
	srv.Use(PageLimits{})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if info := requestInfoFrom(ctx); info != nil {
			oc := graphql.GetOperationContext(ctx)
			info.operation = oc.OperationName
			if info.operation == "" && oc.Operation != nil {
				info.operation = oc.Operation.Name
			}
		}
		noteOperation(ctx)
		return next(withLazyText(withRegionCounts(ctx), graphql.GetOperationContext(ctx)))
	})
	srv.SetErrorPresenter(presentError(cfg.Logger))
	srv.SetRecoverFunc(recoverPanic(cfg.Logger))
	return srv
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
