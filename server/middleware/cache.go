package middleware

import (
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
// never stored; POST answers are not cached. maxAge is asked per answer: it
// shrinks as a scheduled publication or withdrawal draws near, so no cache
// keeps an answer past it.
func HTTPCache(maxAge func() int, next http.Handler) http.Handler {
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
		a, send := Hold(w)
		next.ServeHTTP(a, r)
		// Only an answer the GraphQL server vouched for (no errors) is
		// worth keeping; the body is not searched for errors.
		if a.Status != http.StatusOK || !a.Clean || a.Private {
			a.Header().Set("Cache-Control", "no-store")
			send()
			return
		}
		sum := sha256.Sum256(a.Body.Bytes())
		etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
		a.Header().Set("ETag", etag)
		a.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", maxAge()))
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			a.Header().Del("Content-Type")
			a.Header().Del("Content-Length")
			a.Replace(http.StatusNotModified, nil)
		}
		send()
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
