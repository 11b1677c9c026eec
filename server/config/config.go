// Package config reads the server's settings from flags and environment
// variables (a flag wins over its variable); every setting has a sane
// default, so `go run ./server` needs none.
package config

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the server. README.md documents each in one table.
type Config struct {
	Addr             string
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
}

// Parse reads args (without the program name and command) and the environment.
func Parse(args []string, getenv func(string) string) (Config, error) {
	var c Config
	var origins string
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
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
	if err := fs.Parse(args); err != nil {
		return c, err
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

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(getenv(key)); err == nil {
		return v
	}
	return def
}

// Getenv is os.Getenv, for callers that want the real environment.
var Getenv = os.Getenv
