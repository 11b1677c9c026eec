package graph

import (
	"context"
	"log/slog"

	"brandshow/ent"
	"brandshow/server/media"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/trace"
)

// ServerConfig is what the GraphQL server needs. Zero values mean the
// defaults documented on each field.
type ServerConfig struct {
	// Client is the database client; the HTTP application puts the client
	// each request may use (read-only for the public) in its context.
	Client *ent.Client
	// SampleContent marks the data set as the bundled demo content.
	SampleContent bool
	// Introspection lets clients read the schema (the playground needs it).
	Introspection bool
	// Logger receives the detail of internal errors.
	Logger *slog.Logger
	// Limits bound each query (default DefaultLimits).
	Limits *Limits
	// MaxResponseBytes bounds an answer (default DefaultMaxResponseBytes).
	MaxResponseBytes int
	// TrustedDocuments, when set, lets only registered operations run.
	TrustedDocuments *TrustedDocuments
	// PersistedQueries, when set, holds the automatic persisted queries
	// (shared by the replicas through Redis); default: 1,000 in memory.
	PersistedQueries graphql.Cache[string]
	// Tracer, when set, records OpenTelemetry spans of operations and
	// resolvers (see Tracing).
	Tracer trace.Tracer
	// RequestID returns the request's id (set by the HTTP application), shown
	// in internal errors so that a report can be matched to the log.
	RequestID func(context.Context) string
	// Media, when set, accepts picture uploads (multipart requests of token
	// holders, at most its MaxBytes).
	Media *media.Store
	// WebhookAllowPrivate lets admins register webhooks on private and
	// loopback addresses (WEBHOOK_ALLOW_PRIVATE).
	WebhookAllowPrivate bool
}

func (cfg *ServerConfig) defaults() {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Limits == nil {
		cfg.Limits = &DefaultLimits
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if cfg.RequestID == nil {
		cfg.RequestID = func(context.Context) string { return "" }
	}
}

// NewGraphQLServer is the gqlgen server with explicit transports (no
// websocket, no multipart), a parsed-query cache, automatic persisted
// queries (or trusted documents), query limits checked before execution,
// and an error presenter that hides internals.
func NewGraphQLServer(cfg ServerConfig) *handler.Server {
	cfg.defaults()
	res := NewResolver(cfg.Client, cfg.SampleContent)
	res.media = cfg.Media
	res.webhookAllowPrivate = cfg.WebhookAllowPrivate
	srv := handler.New(NewExecutableSchema(Config{Resolvers: res}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(strictGET{requestID: cfg.RequestID})
	srv.AddTransport(strictPOST{requestID: cfg.RequestID})
	if cfg.Media != nil {
		// Files beyond 1 MiB go to a temporary file, not memory.
		srv.AddTransport(tokenMultipart{
			MultipartForm: transport.MultipartForm{MaxUploadSize: cfg.Media.MaxBytes() + 1<<20, MaxMemory: 1 << 20},
			requestID:     cfg.RequestID,
		})
	}
	srv.AddTransport(unsupported{requestID: cfg.RequestID}) // last: whatever the others do not take
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(outcomeRecorder{}) // first: the outermost sees the final answer
	if cfg.Tracer != nil {
		srv.Use(Tracing{Tracer: cfg.Tracer})
	}
	srv.Use(newTransactioner())
	if cfg.TrustedDocuments != nil {
		srv.Use(cfg.TrustedDocuments)
	} else {
		apq := cfg.PersistedQueries
		if apq == nil {
			apq = lru.New[string](1000)
		}
		srv.Use(extension.AutomaticPersistedQuery{Cache: apq})
	}
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
		srv.Use(newIntrospectionCache())
	}
	srv.Use(QueryBudget{Limits: *cfg.Limits})
	srv.Use(TextArguments{})
	srv.Use(ResponseLimit{MaxBytes: cfg.MaxResponseBytes})
	srv.Use(PageLimits{})
	srv.Use(RegionCodes{}) // regionCode → regionID in mutation inputs
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		noteOperation(ctx)
		return next(withLazyText(withRegionCounts(ctx), graphql.GetOperationContext(ctx)))
	})
	srv.SetErrorPresenter(presentError(cfg.Logger, cfg.RequestID))
	srv.SetRecoverFunc(recoverPanic(cfg.Logger, cfg.RequestID))
	return srv
}
