// Command server runs the Hubei labor brand showcase: a public GraphQL API
// over an embedded SQLite database (default) or PostgreSQL.
//
//	go run ./server            serve (default command)
//	go run ./server migrate    apply database migrations and exit
//	go run ./server seed       load the demo content (idempotent) and exit
//	go run ./server seed --synthetic   generate content at scale (-brands N, -seed N, ...)
//	go run ./server token      create, list and revoke editors' tokens
//	go run ./server webhook    add, list and remove webhook endpoints
//	go run ./server export     write all content as JSON (-o FILE), or one
//	                           spreadsheet (-sheet brands -o brands.xlsx)
//	go run ./server import     upsert a JSON export, CSV or XLSX (--dry-run)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "brandshow/ent/runtime" // hooks, interceptors and defaults of ent/schema

	"entgo.io/ent/dialect"
	"go.opentelemetry.io/otel/trace"

	"brandshow/graph"
	"brandshow/server/config"
	"brandshow/server/httpapp"
	"brandshow/server/kiosks"
	"brandshow/server/media"
	"brandshow/server/metrics"
	"brandshow/server/ratelimit"
	"brandshow/server/respcache"
	"brandshow/server/schedule"
	"brandshow/server/search"
	"brandshow/server/seed"
	"brandshow/server/shared"
	"brandshow/server/store"
	"brandshow/server/tracing"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run runs one command; stdout gets its output, stderr the log. Asking a
// command for its help (-h) is a success, not an error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	err := runCommand(ctx, args, stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil // the command's flag set has printed its help
	}
	return err
}

func runCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	command := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		command, args = args[0], args[1:]
	}
	if command == "help" || (command == "serve" && asksForHelp(args)) {
		printUsage(stdout)
		return nil
	}
	// These commands have flags of their own.
	switch command {
	case "token":
		cfg, _ := config.Parse(nil, config.Getenv)
		return tokenCommand(ctx, args, stdout, newLogger(cfg, stderr))
	case "export":
		cfg, _ := config.Parse(nil, config.Getenv)
		return exportCommand(ctx, args, stdout, newLogger(cfg, stderr))
	case "import":
		cfg, _ := config.Parse(nil, config.Getenv)
		return importCommand(ctx, args, stdout, stderr, newLogger(cfg, stderr))
	case "webhook":
		cfg, _ := config.Parse(nil, config.Getenv)
		return webhookCommand(ctx, args, stdout, newLogger(cfg, stderr))
	case "seed":
		if isSynthetic(args) {
			cfg, _ := config.Parse(nil, config.Getenv)
			return syntheticCommand(ctx, args, stdout, newLogger(cfg, stderr))
		}
	}
	cfg, err := config.Parse(args, config.Getenv)
	if err != nil {
		return err
	}
	logger := newLogger(cfg, stderr)
	slog.SetDefault(logger)
	if command != "serve" {
		cfg.DatabaseReadURL = "" // only the server reads from a replica
	}
	switch command {
	case "serve":
		return serve(ctx, cfg, logger)
	case "migrate":
		db, err := openAndMigrate(ctx, cfg, logger, true)
		if err != nil {
			return err
		}
		defer db.Close()
		logger.Info("database is up to date", "dialect", db.Dialect)
		return nil
	case "seed":
		db, err := openAndMigrate(ctx, cfg, logger, cfg.AutoMigrate)
		if err != nil {
			return err
		}
		defer db.Close()
		res, err := seed.LoadDemo(ctx, db.Client)
		if err != nil {
			return err
		}
		if err := db.Optimize(ctx); err != nil {
			return err
		}
		logger.Info("demo content loaded", "created", res.Total(), "brands", res.Brands, "role_models", res.RoleModels, "coverage", res.Coverage)
		pictures, err := openMedia(ctx, cfg)
		if err != nil {
			return err
		}
		defer pictures.Close()
		n, err := seed.DemoPictures(ctx, db.Client, pictures)
		if err != nil {
			return err
		}
		logger.Info("demo pictures drawn", "brands", n)
		return nil
	case "regions":
		db, err := openAndMigrate(ctx, cfg, logger, cfg.AutoMigrate)
		if err != nil {
			return err
		}
		defer db.Close()
		res, err := seed.LoadRegions(ctx, db.Client)
		if err != nil {
			return err
		}
		logger.Info("regions loaded", "created", res.Regions, "known", len(seed.DemoRegions()))
		return nil
	case "reindex":
		db, err := openAndMigrate(ctx, cfg, logger, cfg.AutoMigrate)
		if err != nil {
			return err
		}
		defer db.Close()
		// After an upgrade that changes how text is indexed (place-name
		// readings, tokenizer): existing rows keep their old keys until this.
		if err := search.Rebuild(ctx, db.Client); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		logger.Info("search index rebuilt")
		return nil
	}
	return fmt.Errorf("unknown command %q (serve, migrate, seed, regions, reindex, token, webhook, export, import; server -h explains them)", command)
}

// commands is the first part of `server -h`: a newcomer looks for what the
// binary can do before looking at its flags.
const commands = `usage: server [command] [flags]

commands:
  serve       serve the API, the web client and GraphiQL (the default command)
  migrate     apply the database migrations and exit
  seed        load the demo content (idempotent) and exit;
              seed --synthetic generates content at scale (seed --synthetic -h)
  regions     load Hubei's regions alone (every division, GB/T 2260 codes; idempotent)
              and exit: for a database that gets its content from an import
  reindex     rebuild the search index from the content and exit (after an upgrade
              that changes how text is indexed, e.g. place-name readings)
  token       create, list and revoke editors' API tokens:
              token create -name WHO -role editor|publisher|admin, token list, token revoke WHO
  webhook     register, list and remove webhook endpoints (admins' integrations):
              webhook add -url URL [-events item.published,item.unpublished,item.deleted],
              webhook list, webhook remove ID
  export      write all content as JSON, or with -sheet brands|events|recognitions|figures
              one spreadsheet the import reads back (-o FILE.csv|FILE.xlsx) (export -h)
  import      upsert a JSON export, CSV or XLSX; --dry-run writes nothing (import -h)
  help        print this help

flags of serve, migrate, seed, regions and reindex (each also an environment variable; a flag wins):
`

func printUsage(w io.Writer) {
	fmt.Fprint(w, commands)
	config.PrintFlags(w, config.Getenv)
}

// asksForHelp reports whether the flags ask for help (-h, -help, --help).
func asksForHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help", "--h":
			return true
		case "--":
			return false
		}
	}
	return false
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func openAndMigrate(ctx context.Context, cfg config.Config, logger *slog.Logger, migrate bool) (*store.DB, error) {
	return openTraced(ctx, cfg, logger, migrate, nil)
}

// openTraced is openAndMigrate with the SQL statements traced when tp is set.
func openTraced(ctx context.Context, cfg config.Config, logger *slog.Logger, migrate bool, tp trace.TracerProvider) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.DatabaseURL, store.Options{
		TracerProvider: tp,
		ConnectTimeout: cfg.DBConnectTimeout,
		Logger:         logger,
		ReadURL:        cfg.DatabaseReadURL,
		// Counts SQL statements per request for /metrics; free without it.
		WrapDriver: func(d dialect.Driver) dialect.Driver {
			return store.ObservedDriver{Driver: d, OnStatement: metrics.CountStatement}
		},
	})
	if err != nil {
		return nil, err
	}
	if migrate {
		if err := db.Migrate(ctx, logger); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// openMedia opens the picture store of MEDIA_URL (data/media by default).
func openMedia(ctx context.Context, cfg config.Config) (*media.Store, error) {
	cacheMB := cfg.MediaCacheMB
	if cacheMB == 0 {
		cacheMB = -1 // off
	}
	return media.Open(ctx, media.Config{URL: cfg.MediaURL, MaxBytes: cfg.MediaMaxBytes, MaxPixels: cfg.MediaMaxPixels, CacheMB: cacheMB, Workers: cfg.MediaWorkers})
}

func serve(ctx context.Context, cfg config.Config, logger *slog.Logger) error {
	tuneGC(os.Getenv, cfg.ResponseCacheMB)
	// SQLite has no migration step of its own: its schema always follows ent.
	tp, stopTracing, err := tracing.FromEnv(ctx, os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT"))
	if err != nil {
		return err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = stopTracing(sctx) // flushes the last spans
	}()
	if tp != nil {
		logger.Info("tracing: exporting OpenTelemetry spans over OTLP", "endpoint", os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT"))
	}
	db, err := openTraced(ctx, cfg, logger, cfg.AutoMigrate || !cfg.IsPostgres(), tp)
	if err != nil {
		return err
	}
	defer db.Close()
	pictures, err := openMedia(ctx, cfg)
	if err != nil {
		return err
	}
	defer pictures.Close()
	if cfg.LoadDemo() {
		if err := loadDemoIfEmpty(ctx, db, pictures, logger); err != nil {
			return err
		}
	}
	hcfg, err := handlerConfig(cfg, logger)
	if err != nil {
		return err
	}
	hcfg.DB = db
	hcfg.TracerProvider = tp
	if cfg.RedisURL != "" {
		if hcfg.Shared, err = shared.Open(cfg.RedisURL, shared.Options{Prefix: cfg.RedisPrefix, Logger: logger}); err != nil {
			return err
		}
		defer hcfg.Shared.Close()
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		if err := hcfg.Shared.Ping(pctx); err != nil {
			logger.Warn("redis does not answer: rate limits and persisted queries are per replica until it does", "error", err.Error())
		}
		cancel()
	}
	hcfg.Media = pictures
	hcfg.WebhookAllowPrivate = cfg.WebhookAllowPrivate
	stopWebhooks := startWebhooks(ctx, cfg, db, logger)
	defer stopWebhooks()
	if hcfg.ResponseCache, err = responseCache(ctx, cfg, db, logger); err != nil {
		return err
	}
	hcfg.Schedule = startSchedule(ctx, db, hcfg.ResponseCache, logger)
	hcfg.Kiosks = kiosks.New(cfg.MaxKiosks)
	if cfg.Metrics {
		hcfg.Metrics = metrics.New(db.SQL)
		hcfg.Metrics.Register(hcfg.Kiosks)
		if db.ReadSQL != nil {
			hcfg.Metrics.AddPool(db.ReadSQL, "brandshow_replica")
		}
		if hcfg.ResponseCache != nil {
			hcfg.Metrics.Register(hcfg.ResponseCache.Collectors()...)
		}
	}
	if cfg.PprofAddr != "" {
		_, stopPprof, err := startPprof(cfg.PprofAddr, logger)
		if err != nil {
			return err
		}
		defer stopPprof()
	}
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           httpapp.New(hcfg),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      cfg.QueryTimeout + 5*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	// Bind first: "listening" and the URLs are only printed once they work.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	base := baseURL(ln.Addr())
	logger.Info("listening", "addr", ln.Addr().String(), "dialect", db.Dialect)
	logger.Info("open in a browser", "site", base+"/", "kiosk", base+"/kiosk", "search", base+"/search", "graphiql", base+"/graphiql", "graphql", base+"/graphql")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down; waiting for in-flight requests", "timeout", cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// responseCache builds the response cache (nil when RESPONSE_CACHE_MB=0)
// and connects it to the database's changes: this process's writes at
// commit, and on PostgreSQL every process's writes through LISTEN/NOTIFY.
// Until LISTEN is in place the cache stays off, or it could miss a write.
func responseCache(ctx context.Context, cfg config.Config, db *store.DB, logger *slog.Logger) (*respcache.Cache, error) {
	if cfg.ResponseCacheMB == 0 {
		return nil, nil
	}
	opts := respcache.Options{MaxBytes: int64(cfg.ResponseCacheMB) << 20, TTL: cfg.ResponseCacheTTL}
	if db.ReadSQL != nil {
		opts.ReplicaLag = cfg.DatabaseReadLag
	}
	rc := respcache.New(opts)
	db.OnChange(rc.OnChange)
	if db.Dialect == dialect.Postgres {
		rc.Suspend()
		if err := db.ListenForChanges(ctx, logger); err != nil {
			return nil, err
		}
	}
	return rc, nil
}

// startSchedule runs the timer of scheduled publication (server/schedule):
// at each publish_at or unpublish_at it logs the transition for the changes
// API and empties the response cache, in this process, with no write. It
// follows the writes the store reports (and, on PostgreSQL with the
// response cache on, the other processes' through LISTEN/NOTIFY); without
// them it looks again every schedule.DefaultRecheck.
func startSchedule(ctx context.Context, db *store.DB, rc *respcache.Cache, logger *slog.Logger) *schedule.Timer {
	t := schedule.New(schedule.Options{Client: db.Client, Logger: logger, OnDue: func() {
		if rc != nil {
			rc.OnChange(store.Scheduled)
		}
	}})
	db.OnChange(t.OnChange)
	go t.Run(ctx)
	return t
}

// handlerConfig maps the settings to the HTTP handler's configuration.
func handlerConfig(cfg config.Config, logger *slog.Logger) (httpapp.Config, error) {
	kiosks, err := ratelimit.ParsePrefixes(cfg.KioskNetworks)
	if err != nil {
		return httpapp.Config{}, fmt.Errorf("KIOSK_NETWORKS: %w", err)
	}
	proxies, err := ratelimit.ParsePrefixes(cfg.TrustedProxies)
	if err != nil {
		return httpapp.Config{}, fmt.Errorf("TRUSTED_PROXIES: %w", err)
	}
	h := httpapp.Config{
		SampleContent:  cfg.SampleNotice,
		AllowedOrigins: cfg.CORSOrigins,
		Introspection:  cfg.Introspection,
		Logger:         logger,
		Limits: &graph.Limits{
			MaxQueryBytes: cfg.MaxQueryBytes, MaxDepth: cfg.MaxQueryDepth, MaxCost: cfg.MaxQueryCost,
			MaxFields: cfg.MaxQueryFields, MaxAliases: cfg.MaxQueryAliases,
		},
		RateLimit: ratelimit.Config{
			Rate: cfg.RateLimit, Burst: cfg.RateBurst,
			KioskRate: cfg.KioskRateLimit, KioskBurst: cfg.KioskBurst, KioskNetworks: kiosks,
			TrustedProxies: proxies,
			TokenRate:      cfg.TokenRateLimit, TokenBurst: cfg.TokenBurst,
		},
		QueryTimeout:  cfg.QueryTimeout,
		UploadTimeout: cfg.UploadTimeout,
		MaxBodyBytes:  cfg.MaxBodyBytes,
		CacheMaxAge:   cfg.CacheMaxAge,

		MaxResponseBytes: cfg.MaxResponseBytes,
		BaseURL:          cfg.PublicURL,
	}
	if h.CacheMaxAge == 0 {
		h.CacheMaxAge = -1 // explicit 0: answers are revalidated every time
	}
	if cfg.TrustedDocuments != "" {
		if h.TrustedDocuments, err = graph.LoadTrustedDocuments(cfg.TrustedDocuments); err != nil {
			return httpapp.Config{}, err
		}
	}
	return h, nil
}

// baseURL is the URL a browser on this machine opens for a bound address:
// an unspecified host (":8080", "0.0.0.0", "::") is localhost.
func baseURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// loadDemoIfEmpty loads the demo content into an empty database only: once
// editors manage the content, a restart must not bring back demo items they
// deleted.
func loadDemoIfEmpty(ctx context.Context, db *store.DB, pictures *media.Store, logger *slog.Logger) error {
	hasContent, err := db.Client.Region.Query().Exist(ctx)
	if err != nil {
		return fmt.Errorf("demo content: %w", err)
	}
	if hasContent {
		return nil
	}
	res, err := seed.LoadDemo(ctx, db.Client)
	if err != nil {
		return err
	}
	if err := db.Optimize(ctx); err != nil {
		return err
	}
	logger.Info("demo content loaded into the empty database", "created", res.Total())
	n, err := seed.DemoPictures(ctx, db.Client, pictures)
	if err != nil {
		return err
	}
	logger.Info("demo pictures drawn", "brands", n)
	return nil
}
