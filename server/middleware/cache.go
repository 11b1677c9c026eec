package middleware

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
)

// HTTPCache makes anonymous GET queries cacheable by browsers, CDNs and
// kiosks: a successful answer gets Cache-Control: public, max-age and a
// strong ETag, and a request whose If-None-Match matches gets 304 Not
// Modified without a body. Anything sent with credentials is private and
// never stored; POST answers are not cached.
func HTTPCache(maxAge int, next http.Handler) http.Handler {
	public := fmt.Sprintf("public, max-age=%d", maxAge)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept")
		w.Header().Add("Vary", "Authorization")
		if r.Header.Get("Authorization") != "" || r.Header.Get("Cookie") != "" {
			w.Header().Set("Cache-Control", "private, no-store")
			next.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet {
			w.Header().Set("Cache-Control", "no-store")
			next.ServeHTTP(w, r)
			return
		}
		rec := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		body := rec.body.Bytes()
		// gqlgen writes "errors" first: an answer with errors (or anything
		// but 200) is not worth keeping.
		if rec.status != http.StatusOK || bytes.HasPrefix(body, []byte(`{"errors"`)) {
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(rec.status)
			_, _ = w.Write(body)
			return
		}
		sum := sha256.Sum256(body)
		etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", public)
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			w.Header().Del("Content-Type")
			w.Header().Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	})
}

func etagMatches(header, etag string) bool {
	for _, candidate := range strings.Split(header, ",") {
		candidate = strings.TrimSpace(candidate)
		if candidate == "*" || strings.TrimPrefix(candidate, "W/") == etag {
			return true
		}
	}
	return false
}

// bufferedResponse holds a response until it is complete.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if !b.wrote {
		b.status, b.wrote = status, true
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}
