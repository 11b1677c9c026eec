// Package config reads the server's settings from flags and environment
// variables (a flag wins over its variable); every setting has a sane
// default, so `go run ./server` needs none.
package config

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the server. docs/operators.md documents each in one table.
type Config struct {
	Addr string
	// MaxKiosks bounds the kiosk ids kept from heartbeats.
	MaxKiosks int
	// PublicURL is the site's public address for canonical and sitemap URLs.
	PublicURL        string
	DatabaseURL      string
	CORSOrigins      []string
	AutoMigrate      bool
	DemoContent      string // auto, true or false
	SampleNotice     bool
	Introspection    bool
	LogFormat        string // text or json
	LogLevel         string
	ShutdownTimeout  time.Duration
	DBConnectTimeout time.Duration

	// The public endpoint's bounds (issue: a public endpoint that holds).
	QueryTimeout     time.Duration
	UploadTimeout    time.Duration
	MaxBodyBytes     int64
	MaxResponseBytes int
	MaxQueryBytes    int
	MaxQueryDepth    int
	MaxQueryCost     int
	MaxQueryFields   int
	MaxQueryAliases  int
	CacheMaxAge      int
	RateLimit        float64
	RateBurst        int
	KioskRateLimit   float64
	KioskBurst       int
	KioskNetworks    string
	TokenRateLimit   float64
	TokenBurst       int
	TrustedProxies   string
	TrustedDocuments string
	Metrics          bool
	// PprofAddr, when set, serves net/http/pprof on its own listener, which
	// must be a loopback address: profiles show internals and cost CPU.
	PprofAddr string

	// Response cache and read replica.
	DatabaseReadURL  string
	DatabaseReadLag  time.Duration
	ResponseCacheMB  int
	ResponseCacheTTL time.Duration

	// RedisURL, when set, shares rate limits and persisted queries between
	// replicas; RedisPrefix starts every key.
	RedisURL    string
	RedisPrefix string
	// Pictures (server/media): where originals and renditions are kept
	// and what an upload may be.
	MediaURL       string
	MediaMaxBytes  int64
	MediaMaxPixels int64
	MediaCacheMB   int
	MediaWorkers   int

	// Webhooks (server/webhooks): how deliveries are made and which
	// addresses they may reach.
	WebhookAllowPrivate bool
	WebhookTimeout      time.Duration
	WebhookMaxAttempts  int
	WebhookRetryBase    time.Duration
	WebhookPoll         time.Duration
}

// Parse reads args (without the program name and command) and the environment.
func Parse(args []string, getenv func(string) string) (Config, error) {
	return parse(args, getenv, nil)
}

// PrintFlags writes every flag with its variable and default (as the
// environment sets it) to w: the flags part of `server -h`.
func PrintFlags(w io.Writer, getenv func(string) string) {
	_, _ = parse([]string{"-h"}, getenv, w)
}

// parse declares every setting as a flag whose default is its variable and
// parses args; with help set, -h writes the flags there instead of stderr.
func parse(args []string, getenv func(string) string, help io.Writer) (Config, error) {
	var c Config
	var origins string
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	if help != nil {
		fs.SetOutput(help)
		fs.Usage = fs.PrintDefaults
	}
	fs.StringVar(&c.PublicURL, "public-url", env(getenv, "PUBLIC_URL", ""), "the site's public address, e.g. https://brands.example.cn, for canonical, Open Graph and sitemap URLs; empty: each request's host (PUBLIC_URL)")
	fs.IntVar(&c.MaxKiosks, "max-kiosks", envInt(getenv, "MAX_KIOSKS", 200), "most kiosk ids whose heartbeats /metrics shows (MAX_KIOSKS)")
	fs.StringVar(&c.Addr, "addr", env(getenv, "ADDR", ":8080"), "listen address (ADDR)")
	fs.StringVar(&c.DatabaseURL, "database-url", env(getenv, "DATABASE_URL", ""), "postgres://... or a SQLite file; empty means data/brandshow.db (DATABASE_URL)")
	fs.StringVar(&origins, "cors-origins", env(getenv, "CORS_ORIGINS", "*"), "comma-separated origins allowed by CORS, * for any (CORS_ORIGINS)")
	fs.BoolVar(&c.AutoMigrate, "auto-migrate", envBool(getenv, "AUTO_MIGRATE", true), "apply database migrations at start (AUTO_MIGRATE)")
	fs.StringVar(&c.DemoContent, "demo-content", env(getenv, "DEMO_CONTENT", "auto"), "load the demo content at start: auto (SQLite only), true or false (DEMO_CONTENT)")
	fs.BoolVar(&c.SampleNotice, "sample-notice", envBool(getenv, "SAMPLE_NOTICE", true), "mark the data as sample content in the API (SAMPLE_NOTICE)")
	fs.BoolVar(&c.Introspection, "introspection", envBool(getenv, "INTROSPECTION", true), "allow schema introspection (INTROSPECTION)")
	fs.StringVar(&c.LogFormat, "log-format", env(getenv, "LOG_FORMAT", "text"), "text or json (LOG_FORMAT)")
	fs.StringVar(&c.LogLevel, "log-level", env(getenv, "LOG_LEVEL", "info"), "debug, info, warn or error (LOG_LEVEL)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", envDuration(getenv, "SHUTDOWN_TIMEOUT", 20*time.Second), "how long in-flight requests may finish on SIGTERM (SHUTDOWN_TIMEOUT)")
	fs.DurationVar(&c.DBConnectTimeout, "db-connect-timeout", envDuration(getenv, "DB_CONNECT_TIMEOUT", 30*time.Second), "how long to retry an unreachable database at start (DB_CONNECT_TIMEOUT)")
	fs.DurationVar(&c.QueryTimeout, "query-timeout", envDuration(getenv, "QUERY_TIMEOUT", 10*time.Second), "execution deadline of one request (QUERY_TIMEOUT)")
	fs.DurationVar(&c.UploadTimeout, "upload-timeout", envDuration(getenv, "UPLOAD_TIMEOUT", 2*time.Minute), "deadline of a picture upload, sending the file included (UPLOAD_TIMEOUT)")
	fs.Int64Var(&c.MaxBodyBytes, "max-body-bytes", int64(envInt(getenv, "MAX_BODY_BYTES", 64<<10)), "largest request body (MAX_BODY_BYTES)")
	fs.IntVar(&c.MaxResponseBytes, "max-response-bytes", envInt(getenv, "MAX_RESPONSE_BYTES", 4<<20), "largest answer; a larger one is refused with RESPONSE_TOO_LARGE (MAX_RESPONSE_BYTES)")
	fs.IntVar(&c.MaxQueryBytes, "max-query-bytes", envInt(getenv, "MAX_QUERY_BYTES", 16<<10), "largest query document (MAX_QUERY_BYTES)")
	fs.IntVar(&c.MaxQueryDepth, "max-query-depth", envInt(getenv, "MAX_QUERY_DEPTH", 15), "deepest field nesting (MAX_QUERY_DEPTH)")
	fs.IntVar(&c.MaxQueryCost, "max-query-cost", envInt(getenv, "MAX_QUERY_COST", 25000), "highest query cost (MAX_QUERY_COST)")
	fs.IntVar(&c.MaxQueryFields, "max-query-fields", envInt(getenv, "MAX_QUERY_FIELDS", 1000), "most fields per query, fragments expanded (MAX_QUERY_FIELDS)")
	fs.IntVar(&c.MaxQueryAliases, "max-query-aliases", envInt(getenv, "MAX_QUERY_ALIASES", 50), "most aliases per query (MAX_QUERY_ALIASES)")
	fs.IntVar(&c.CacheMaxAge, "cache-max-age", envInt(getenv, "CACHE_MAX_AGE", 60), "max-age in seconds of cacheable anonymous GET answers (CACHE_MAX_AGE)")
	fs.Float64Var(&c.RateLimit, "rate-limit", envFloat(getenv, "RATE_LIMIT", 20), "requests per second per client IP, 0 = off (RATE_LIMIT)")
	fs.IntVar(&c.RateBurst, "rate-burst", envInt(getenv, "RATE_BURST", 60), "requests a client may send at once (RATE_BURST)")
	fs.Float64Var(&c.KioskRateLimit, "kiosk-rate-limit", envFloat(getenv, "KIOSK_RATE_LIMIT", 200), "requests per second shared by each kiosk network (KIOSK_RATE_LIMIT)")
	fs.IntVar(&c.KioskBurst, "kiosk-burst", envInt(getenv, "KIOSK_BURST", 400), "burst of each kiosk network (KIOSK_BURST)")
	fs.Float64Var(&c.TokenRateLimit, "token-rate-limit", envFloat(getenv, "TOKEN_RATE_LIMIT", 50), "requests per second per editor token (TOKEN_RATE_LIMIT)")
	fs.IntVar(&c.TokenBurst, "token-burst", envInt(getenv, "TOKEN_BURST", 100), "burst of each editor token (TOKEN_BURST)")
	fs.StringVar(&c.KioskNetworks, "kiosk-networks", env(getenv, "KIOSK_NETWORKS", ""), "comma-separated CIDRs of kiosk sites with their own, higher rate (KIOSK_NETWORKS)")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", env(getenv, "TRUSTED_PROXIES", ""), "comma-separated CIDRs of proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES)")
	fs.StringVar(&c.TrustedDocuments, "trusted-documents", env(getenv, "TRUSTED_DOCUMENTS", ""), "JSON manifest {sha256: query}; when set only those operations run (TRUSTED_DOCUMENTS)")
	fs.BoolVar(&c.Metrics, "metrics", envBool(getenv, "METRICS", true), "serve Prometheus metrics at /metrics (METRICS)")
	fs.StringVar(&c.PprofAddr, "pprof-addr", env(getenv, "PPROF_ADDR", ""), "serve net/http/pprof on this loopback address, e.g. 127.0.0.1:6060; empty = off (PPROF_ADDR)")
	fs.StringVar(&c.DatabaseReadURL, "database-read-url", env(getenv, "DATABASE_READ_URL", ""), "postgres://... of a read replica for anonymous reads; empty: the primary (DATABASE_READ_URL)")
	fs.DurationVar(&c.DatabaseReadLag, "database-read-lag", envDuration(getenv, "DATABASE_READ_LAG", time.Second), "with a read replica, the response cache is emptied again this long after each write (DATABASE_READ_LAG)")
	fs.IntVar(&c.ResponseCacheMB, "response-cache-mb", envInt(getenv, "RESPONSE_CACHE_MB", 64), "memory for cached anonymous answers in MiB; 0 turns the cache off (RESPONSE_CACHE_MB)")
	fs.DurationVar(&c.ResponseCacheTTL, "response-cache-ttl", envDuration(getenv, "RESPONSE_CACHE_TTL", time.Minute), "longest time a cached answer is served (RESPONSE_CACHE_TTL)")
	fs.StringVar(&c.RedisURL, "redis-url", env(getenv, "REDIS_URL", ""), "redis://host:6379/0 to share rate limits and persisted queries between replicas; empty: per process (REDIS_URL)")
	fs.StringVar(&c.RedisPrefix, "redis-prefix", env(getenv, "REDIS_PREFIX", "brandshow:"), "prefix of this deployment's Redis keys (REDIS_PREFIX)")
	fs.StringVar(&c.MediaURL, "media-url", env(getenv, "MEDIA_URL", ""), "where pictures are kept: file:///dir or s3://bucket?region=...&endpoint=...; empty means data/media (MEDIA_URL)")
	fs.Int64Var(&c.MediaMaxBytes, "media-max-bytes", int64(envInt(getenv, "MEDIA_MAX_BYTES", 20<<20)), "largest picture upload in bytes (MEDIA_MAX_BYTES)")
	fs.Int64Var(&c.MediaMaxPixels, "media-max-pixels", int64(envInt(getenv, "MEDIA_MAX_PIXELS", 50_000_000)), "most pixels (width × height) of an uploaded picture (MEDIA_MAX_PIXELS)")
	fs.IntVar(&c.MediaWorkers, "media-workers", envInt(getenv, "MEDIA_WORKERS", 0), "pictures decoded or encoded at once (uploads, new renditions); 0 = half the CPUs (MEDIA_WORKERS)")
	fs.IntVar(&c.MediaCacheMB, "media-cache-mb", envInt(getenv, "MEDIA_CACHE_MB", 32), "memory for hot picture renditions in MiB; 0 turns it off (MEDIA_CACHE_MB)")
	fs.BoolVar(&c.WebhookAllowPrivate, "webhook-allow-private", envBool(getenv, "WEBHOOK_ALLOW_PRIVATE", false), "let webhooks reach private, loopback and link-local addresses (closed networks, tests); off: public addresses only (WEBHOOK_ALLOW_PRIVATE)")
	fs.DurationVar(&c.WebhookTimeout, "webhook-timeout", envDuration(getenv, "WEBHOOK_TIMEOUT", 10*time.Second), "how long one webhook POST may take (WEBHOOK_TIMEOUT)")
	fs.IntVar(&c.WebhookMaxAttempts, "webhook-max-attempts", envInt(getenv, "WEBHOOK_MAX_ATTEMPTS", 10), "attempts per webhook event before it is marked FAILED (WEBHOOK_MAX_ATTEMPTS)")
	fs.DurationVar(&c.WebhookRetryBase, "webhook-retry-base", envDuration(getenv, "WEBHOOK_RETRY_BASE", 30*time.Second), "wait after a first failed webhook attempt, doubled each time up to 1h, ±20% jitter (WEBHOOK_RETRY_BASE)")
	fs.DurationVar(&c.WebhookPoll, "webhook-poll", envDuration(getenv, "WEBHOOK_POLL", 5*time.Second), "how often the webhook outbox is looked at besides this process's own commits (WEBHOOK_POLL)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.WebhookTimeout <= 0 || c.WebhookMaxAttempts < 1 || c.WebhookRetryBase <= 0 || c.WebhookPoll <= 0 {
		return c, fmt.Errorf("WEBHOOK_TIMEOUT, WEBHOOK_RETRY_BASE and WEBHOOK_POLL must be positive and WEBHOOK_MAX_ATTEMPTS at least 1")
	}
	if c.PprofAddr != "" && !isLoopbackAddr(c.PprofAddr) {
		return c, fmt.Errorf("PPROF_ADDR must be a loopback address such as 127.0.0.1:6060, got %q", c.PprofAddr)
	}
	for _, o := range strings.Split(origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	switch c.DemoContent {
	case "auto", "true", "false":
	default:
		return c, fmt.Errorf("DEMO_CONTENT must be auto, true or false, got %q", c.DemoContent)
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		return c, fmt.Errorf("LOG_FORMAT must be text or json, got %q", c.LogFormat)
	}
	if c.MaxResponseBytes < 1<<10 {
		return c, fmt.Errorf("MAX_RESPONSE_BYTES must be at least 1024, got %d", c.MaxResponseBytes)
	}
	if c.ResponseCacheMB < 0 || c.ResponseCacheMB > 1<<20 {
		return c, fmt.Errorf("RESPONSE_CACHE_MB must be between 0 and %d, got %d", 1<<20, c.ResponseCacheMB)
	}
	if c.MediaMaxBytes < 1<<10 || c.MediaMaxPixels < 1 || c.MediaCacheMB < 0 || c.MediaWorkers < 0 {
		return c, fmt.Errorf("MEDIA_MAX_BYTES must be at least 1024, MEDIA_MAX_PIXELS at least 1, MEDIA_CACHE_MB and MEDIA_WORKERS not negative")
	}
	if c.MaxKiosks < 1 || c.MaxKiosks > 10000 {
		return c, fmt.Errorf("MAX_KIOSKS must be between 1 and 10000, got %d", c.MaxKiosks)
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return c, fmt.Errorf("PUBLIC_URL must be an http or https address such as https://brands.example.cn, got %q", c.PublicURL)
		}
		c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	}
	if c.DatabaseReadURL != "" && !c.IsPostgres() {
		return c, fmt.Errorf("DATABASE_READ_URL needs a PostgreSQL DATABASE_URL")
	}
	return c, nil
}

// IsPostgres reports whether the database is PostgreSQL.
func (c Config) IsPostgres() bool {
	return strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://")
}

// LoadDemo reports whether the demo content is loaded at start.
func (c Config) LoadDemo() bool {
	return c.DemoContent == "true" || (c.DemoContent == "auto" && !c.IsPostgres())
}

// isLoopbackAddr reports whether addr is host:port with a loopback host
// (127.0.0.0/8, ::1 or localhost); an empty host would listen everywhere.
func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func env(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func envBool(getenv func(string) string, key string, def bool) bool {
	if v, err := strconv.ParseBool(getenv(key)); err == nil {
		return v
	}
	return def
}

func envInt(getenv func(string) string, key string, def int) int {
	if v, err := strconv.Atoi(getenv(key)); err == nil {
		return v
	}
	return def
}

func envFloat(getenv func(string) string, key string, def float64) float64 {
	if v, err := strconv.ParseFloat(getenv(key), 64); err == nil {
		return v
	}
	return def
}

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(getenv(key)); err == nil {
		return v
	}
	return def
}

// Getenv is os.Getenv, for callers that want the real environment.
var Getenv = os.Getenv
