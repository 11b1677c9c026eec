package httpapp_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// assetRefs finds the src and href attributes of <script> and <link> tags.
var assetRefs = regexp.MustCompile(`<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"`)

// TestWebClientServed checks that the embedded web client is served at /
// (with client routes falling back to the app and long caching only for
// hashed assets) and that /graphiql loads nothing from another origin, so
// the playground works without internet access.
func TestWebClientServed(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		home := do(h, http.MethodGet, "/", nil)
		if home.code != 200 || !contains(home.header.Get("Content-Type"), "text/html") || !contains(home.body, `<div id="app">`) {
			t.Fatalf("/: %d %q %.200s", home.code, home.header.Get("Content-Type"), home.body)
		}
		if cc := home.header.Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("/ Cache-Control %q, want no-cache", cc)
		}
		if csp := home.header.Get("Content-Security-Policy"); !contains(csp, "default-src 'self'") || contains(csp, "unsafe") {
			t.Errorf("/ Content-Security-Policy %q, want default-src 'self' and nothing unsafe", csp)
		}
		if r := do(h, http.MethodGet, "/", map[string]string{"If-None-Match": home.header.Get("ETag")}); r.code != http.StatusNotModified {
			t.Errorf("/ with its ETag: %d, want 304", r.code)
		}
		for _, route := range []string{"/brands/hongan-dasao", "/search?q=%E7%BA%A2%E5%AE%89", "/kiosk", "/kiosk/brands/hongan-dasao"} {
			// The same app with the page's own head (see pages_test.go).
			r := do(h, http.MethodGet, route, nil)
			if r.code != 200 || !contains(r.body, `<div id="app">`) ||
				fmt.Sprint(assets(r.body)) != fmt.Sprint(assets(home.body)) {
				t.Errorf("%s: %d, want the app", route, r.code)
			}
		}
		for _, missing := range []string{"/assets/nope.js", "/favicon.ico", "/index.html"} {
			if r := do(h, http.MethodGet, missing, nil); r.code != 404 {
				t.Errorf("%s: %d, want 404", missing, r.code)
			}
		}
		if r := do(h, http.MethodPost, "/", nil); r.code != http.StatusMethodNotAllowed {
			t.Errorf("POST /: %d, want 405", r.code)
		}
		scripts := 0
		for _, m := range assetRefs.FindAllStringSubmatch(home.body, -1) {
			if !strings.HasPrefix(m[1], "/assets/") {
				continue
			}
			scripts++
			r := do(h, http.MethodGet, m[1], nil)
			if r.code != 200 || !contains(r.header.Get("Cache-Control"), "immutable") {
				t.Errorf("%s: %d %q", m[1], r.code, r.header.Get("Cache-Control"))
			}
		}
		if scripts == 0 {
			t.Error("/ references no asset")
		}
		for _, f := range []string{"/sw.js", "/widget.js"} {
			r := do(h, http.MethodGet, f, nil)
			if r.code != 200 || !contains(r.header.Get("Content-Type"), "javascript") || r.header.Get("Cache-Control") != "no-cache" {
				t.Errorf("%s: %d %q %q", f, r.code, r.header.Get("Content-Type"), r.header.Get("Cache-Control"))
			}
		}

		gi := do(h, http.MethodGet, "/graphiql", nil)
		if gi.code != 200 || !contains(gi.body, `id="graphiql"`) {
			t.Fatalf("/graphiql: %d %.200s", gi.code, gi.body)
		}
		if csp := gi.header.Get("Content-Security-Policy"); !contains(csp, "default-src 'self'") || contains(csp, "unsafe-eval") {
			t.Errorf("/graphiql Content-Security-Policy %q, want default-src 'self' without unsafe-eval", csp)
		}
		refs := assetRefs.FindAllStringSubmatch(gi.body, -1)
		if len(refs) < 2 {
			t.Fatalf("/graphiql has %d script/style references, want its script and style", len(refs))
		}
		for _, m := range refs {
			ref := m[1]
			if strings.HasPrefix(ref, "data:") {
				continue
			}
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				t.Errorf("/graphiql loads %q from another origin", ref)
				continue
			}
			r := do(h, http.MethodGet, ref, nil)
			if r.code != 200 {
				t.Errorf("/graphiql asset %s: %d", ref, r.code)
			}
			if regexp.MustCompile(`(?:@import|url\()\s*["']?(?:https?:)?//`).MatchString(r.body) {
				t.Errorf("/graphiql asset %s loads something from another origin", ref)
			}
		}
	})
}

// assets lists the /assets/ files a page loads.
func assets(body string) []string {
	var out []string
	for _, m := range assetRefs.FindAllStringSubmatch(body, -1) {
		if strings.HasPrefix(m[1], "/assets/") {
			out = append(out, m[1])
		}
	}
	return out
}
