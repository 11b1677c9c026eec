package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"brandshow/graph"
	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/store/storetest"
)

// FuzzHandler sends one arbitrary request to the real HTTP handler (the one
// main serves) and checks the promises the public endpoint makes to anyone,
// whatever they send: never a 5xx, never a panic (neither one that escapes
// nor one that gqlgen recovers), never an internal error, and never a write
// to the database.
//
// A plain `go test` runs only the seed corpus in testdata/fuzz/FuzzHandler;
// .ci/run fuzzes it for a bounded time:
//
//	go test -run '^$' -fuzz '^FuzzHandler$' -fuzztime 30s ./graph/
func FuzzHandler(f *testing.F) {
	db, counter := storetest.Fresh(f, "sqlite3", true)
	logs := &errorLog{}
	h := httpapp.New(httpapp.Config{
		DB:             db,
		SampleContent:  true,
		AllowedOrigins: []string{"*"},
		Introspection:  true,
		Logger:         slog.New(logs),
		ResponseCache:  respcache.New(respcache.Options{MaxBytes: 4 << 20}),
	})

	f.Fuzz(func(t *testing.T, get bool, rawQuery string, body []byte, contentType, headerName, headerValue string) {
		req, ok := fuzzRequest(get, rawQuery, body, contentType, headerName, headerValue)
		if !ok {
			t.Skip("not a request an HTTP/1.1 server would pass to the handler")
		}
		counter.Reset()
		logs.reset()

		rec, err := serveWithDeadline(h, req, 30*time.Second)
		if err != nil {
			t.Fatalf("%s %s: %v", req.Method, req.URL, err)
		}
		describe := func() string {
			return fmt.Sprintf("%s %s\ncontent-type: %q, %s: %q\nbody: %q\nanswer %d: %.500s",
				req.Method, req.URL, contentType, headerName, headerValue, body, rec.Code, rec.Body.String())
		}

		if rec.Code >= 500 {
			t.Errorf("status %d, want < 500\n%s", rec.Code, describe())
		}
		for _, msg := range logs.errors() {
			t.Errorf("the server logged an error (a recovered panic or an internal error): %s\n%s", msg, describe())
		}
		if code := internalErrorCode(rec.Body.Bytes()); code != "" {
			t.Errorf("the answer has an error with code %s\n%s", code, describe())
		}
		for _, stmt := range counter.Statements() {
			if isWrite(stmt) {
				t.Errorf("the request wrote to the database: %s\n%s", stmt, describe())
			}
		}
	})
}

// fuzzRequest builds the request, or reports false when no HTTP/1.1 server
// would hand it to a handler (an invalid target or header): the fuzzer then
// skips it instead of testing a request that cannot arrive.
func fuzzRequest(get bool, rawQuery string, body []byte, contentType, headerName, headerValue string) (*http.Request, bool) {
	method := http.MethodPost
	if get {
		method = http.MethodGet
	}
	target := "/graphql"
	if rawQuery != "" {
		target += "?" + escapeTargetBytes(rawQuery)
	}
	u, err := url.ParseRequestURI(target)
	if err != nil {
		return nil, false
	}
	req := httptest.NewRequest(method, "/graphql", bytes.NewReader(body))
	req.URL = u
	req.RequestURI = target
	if contentType != "" {
		if !validHeaderValue(contentType) {
			return nil, false
		}
		req.Header.Set("Content-Type", contentType)
	}
	if headerName != "" {
		if !validHeaderName(headerName) || !validHeaderValue(headerValue) {
			return nil, false
		}
		switch http.CanonicalHeaderKey(headerName) {
		case "Host", "Content-Length", "Transfer-Encoding", "Connection", "Te", "Trailer", "Upgrade":
			// The server consumes these itself before the handler runs.
			return nil, false
		}
		req.Header.Add(headerName, headerValue)
	}
	return req, true
}

// escapeTargetBytes percent-encodes what a client must escape in a request
// line (controls, space, '#', non-ASCII) and leaves the rest, malformed
// escapes included, as the fuzzer wrote it.
func escapeTargetBytes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == '#' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// validHeaderName reports whether s is an RFC 9110 token, as net/http requires.
func validHeaderName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// validHeaderValue reports whether net/http would accept s as a field value:
// no controls but tab, and no surrounding white space (the server trims it).
func validHeaderValue(s string) bool {
	if strings.TrimSpace(s) != s {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}

// serveWithDeadline serves req and fails when the handler does not return
// within limit: a request that hangs the handler is a finding too.
func serveWithDeadline(h http.Handler, req *http.Request, limit time.Duration) (*httptest.ResponseRecorder, error) {
	ctx, cancel := context.WithTimeout(req.Context(), limit)
	defer cancel()
	req = req.WithContext(ctx)
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(rec, req)
	}()
	select {
	case <-done:
		return rec, nil
	case <-time.After(limit + 5*time.Second):
		return nil, fmt.Errorf("the handler did not return within %s", limit)
	}
}

// internalErrorCode returns the code of the first error in a GraphQL answer
// that the server did not expect (INTERNAL), or "".
func internalErrorCode(body []byte) string {
	var answer struct {
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &answer) != nil {
		return ""
	}
	for _, e := range answer.Errors {
		if e.Extensions["code"] == graph.CodeInternal {
			return graph.CodeInternal
		}
	}
	return ""
}

// isWrite reports whether a SQL statement changes data or schema.
func isWrite(stmt string) bool {
	s := strings.ToUpper(strings.TrimSpace(stmt))
	for _, verb := range []string{"INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "REPLACE", "TRUNCATE"} {
		if strings.HasPrefix(s, verb) {
			return true
		}
	}
	return false
}

func TestIsWrite(t *testing.T) {
	for stmt, want := range map[string]bool{
		"SELECT * FROM brands":                 false,
		"  insert INTO brands VALUES (1)":      true,
		"\n\tUpdate brands SET slug = 'x'":     true,
		"DELETE FROM brands":                   true,
		"create table x (id int)":              true,
		"DROP TABLE brands":                    true,
		"ALTER TABLE brands ADD COLUMN x int":  true,
		"SELECT 'INSERT' FROM brands":          false,
		"WITH x AS (SELECT 1) SELECT * FROM x": false,
	} {
		if got := isWrite(stmt); got != want {
			t.Errorf("isWrite(%q) = %v, want %v", stmt, got, want)
		}
	}
}

// errorLog is a slog handler that keeps the messages logged at error level,
// which is where the server reports recovered panics and internal errors.
type errorLog struct {
	mu   sync.Mutex
	msgs []string
}

func (l *errorLog) Enabled(_ context.Context, level slog.Level) bool { return level >= slog.LevelError }

func (l *errorLog) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, b.String())
	return nil
}

func (l *errorLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *errorLog) WithGroup(string) slog.Handler      { return l }

func (l *errorLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = nil
}

func (l *errorLog) errors() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.msgs...)
}
