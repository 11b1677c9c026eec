package graph

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"brandshow/ent"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
)

// HandlerConfig is what the HTTP handler needs.
type HandlerConfig struct {
	// Client is the ent client queries run on.
	Client *ent.Client
	// Ready reports whether the database answers; /readyz calls it.
	Ready func(context.Context) error
	// SampleContent marks the data set as the bundled demo content.
	SampleContent bool
	// AllowedOrigins for CORS; "*" allows any origin (credentials are never allowed).
	AllowedOrigins []string
	// Introspection lets clients read the schema (the playground needs it).
	Introspection bool
	// Logger receives one line per request and the detail of internal errors.
	Logger *slog.Logger
}

// NewHandler builds the whole HTTP handler: /graphql, /graphiql, /healthz and
// /readyz, with CORS and request logging. main, the tests and benchmarks all
// use it, so what is tested is what runs.
func NewHandler(cfg HandlerConfig) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", NewGraphQLServer(cfg))
	mux.Handle("/graphiql", playground.Handler("brandshow GraphQL", "/graphql"))
	mux.Handle("/feeds/", NewFeedHandler(cfg))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if cfg.Ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
			defer cancel()
			if err := cfg.Ready(ctx); err != nil {
				cfg.Logger.WarnContext(ctx, "readyz: database unreachable", "error", err.Error())
				http.Error(w, "database unreachable", http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	c := cors.New(cors.Options{
		AllowedOrigins:   cfg.AllowedOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Content-Type", "Accept", "Authorization"},
		AllowCredentials: false,
		MaxAge:           600,
	})
	return logRequests(cfg.Logger, c.Handler(mux))
}

// NewGraphQLServer is the gqlgen server with explicit transports (no
// websocket, no multipart), a parsed-query cache, automatic persisted
// queries, page limits and an error presenter that hides internals.
func NewGraphQLServer(cfg HandlerConfig) *handler.Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: NewResolver(cfg.Client, cfg.SampleContent)}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(PageLimits{})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if info := requestInfoFrom(ctx); info != nil {
			info.operation = graphql.GetOperationContext(ctx).OperationName
		}
		return next(withRegionCounts(ctx))
	})
	srv.SetErrorPresenter(presentError(cfg.Logger))
	srv.SetRecoverFunc(recoverPanic(cfg.Logger))
	return srv
}
