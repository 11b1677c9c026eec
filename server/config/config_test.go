package config

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestDefaultsFlagsAndEnvironment(t *testing.T) {
	env := map[string]string{"ADDR": ":9000", "RATE_LIMIT": "5", "QUERY_TIMEOUT": "3s", "CORS_ORIGINS": "https://a.example, https://b.example"}
	c, err := Parse([]string{"-addr", ":9100"}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":9100" {
		t.Errorf("a flag must win over its variable: %q", c.Addr)
	}
	if c.RateLimit != 5 || c.QueryTimeout != 3*time.Second || len(c.CORSOrigins) != 2 || c.CORSOrigins[1] != "https://b.example" {
		t.Errorf("environment not read: %+v", c)
	}
	if c.ResponseCacheMB != 64 || c.ResponseCacheTTL != time.Minute || c.DatabaseReadURL != "" || c.DatabaseReadLag != time.Second {
		t.Errorf("response cache defaults: %+v", c)
	}
	if c.MaxResponseBytes != 4<<20 {
		t.Errorf("MAX_RESPONSE_BYTES default: %d", c.MaxResponseBytes)
	}
	if c.MaxQueryCost != 25000 || c.DatabaseURL != "" || !c.LoadDemo() || c.IsPostgres() {
		t.Errorf("defaults: %+v", c)
	}
	pg, _ := Parse(nil, func(k string) string {
		if k == "DATABASE_URL" {
			return "postgres://x@y/z"
		}
		return ""
	})
	if !pg.IsPostgres() || pg.LoadDemo() {
		t.Errorf("on PostgreSQL the demo content is not loaded by default")
	}
}

func TestBadValuesAreRefused(t *testing.T) {
	for _, args := range [][]string{{"-demo-content", "maybe"}, {"-log-format", "xml"}, {"-no-such-flag"},
		{"-pprof-addr", ":6060"}, {"-pprof-addr", "0.0.0.0:6060"}, {"-pprof-addr", "192.0.2.1:6060"}, {"-pprof-addr", "127.0.0.1"},
		{"-response-cache-mb", "-1"}, {"-max-response-bytes", "0"}, {"-database-read-url", "postgres://replica/db"},
		{"-max-kiosks", "0"}, {"-public-url", "brands.example.cn"}, {"-public-url", "javascript:alert(1)"}, {"-public-url", "https://x.cn/?a=1"}} {
		if _, err := Parse(args, func(string) string { return "" }); err == nil {
			t.Errorf("Parse(%v) accepted", args)
		}
	}
}

func TestPprofOnlyOnLoopback(t *testing.T) {
	none := func(string) string { return "" }
	c, err := Parse(nil, none)
	if err != nil || c.PprofAddr != "" {
		t.Fatalf("pprof must be off by default: %q %v", c.PprofAddr, err)
	}
	for _, addr := range []string{"127.0.0.1:6060", "[::1]:6060", "localhost:0"} {
		c, err := Parse(nil, func(k string) string {
			if k == "PPROF_ADDR" {
				return addr
			}
			return ""
		})
		if err != nil || c.PprofAddr != addr {
			t.Errorf("PPROF_ADDR=%s: %q %v", addr, c.PprofAddr, err)
		}
	}
}

// TestEverySettingIsDocumented: each variable of `server -h` has its row in
// the operators' configuration table.
func TestEverySettingIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/operators.md")
	if err != nil {
		t.Fatal(err)
	}
	var flags strings.Builder
	PrintFlags(&flags, func(string) string { return "" })
	vars := regexp.MustCompile(`\(([A-Z][A-Z_]+)\)`).FindAllStringSubmatch(flags.String(), -1)
	if len(vars) < 30 {
		t.Fatalf("only %d variables in the flags' help:\n%s", len(vars), flags.String())
	}
	for _, v := range vars {
		if !strings.Contains(string(doc), "| `"+v[1]+"` |") {
			t.Errorf("%s is not in the configuration table of docs/operators.md", v[1])
		}
	}
}
