// Package webclient serves the reference web client (the promotion site,
// kiosk, journalist search and widget) and the offline GraphiQL playground,
// both built by Vite into dist/ and embedded in the binary, so that
// `go run ./server` shows them with only Go installed. dist/ is committed;
// CI rebuilds it from the sources and checks that nothing changed.
package webclient

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed all:dist
var dist embed.FS

// file is one embedded file with what its answers need.
type file struct {
	body []byte
	etag string
}

// files maps URL paths ("/assets/x.js") to their content, read once.
var files = func() map[string]file {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err)
	}
	out := map[string]file{}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out["/"+p] = file{body: b, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return out
}()

// contentSecurityPolicy of the two pages, as defence in depth: the client
// builds API text into text nodes and never into markup, and the policy
// makes sure nothing else could run either. The site loads only its own
// scripts, styles and API; pictures may come from any https host (content
// links them). GraphiQL's editor sets inline styles and its CSS embeds
// fonts as data: URLs, so only its page allows those. The end-to-end tests
// fail on any violation.
var contentSecurityPolicy = map[string]string{
	"/index.html":    "default-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'none'; form-action 'self'",
	"/graphiql.html": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'",
}

// serve answers with one embedded file. Hashed assets never change, so
// browsers keep them for a year; everything else is revalidated (ETag).
func serve(w http.ResponseWriter, r *http.Request, name string, f file) {
	h := w.Header()
	if strings.HasPrefix(name, "/assets/") {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("ETag", f.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	if csp, ok := contentSecurityPolicy[name]; ok {
		h.Set("Content-Security-Policy", csp)
	}
	if name == "/sw.js" {
		h.Set("Service-Worker-Allowed", "/")
	}
	http.ServeContent(w, r, path.Base(name), time.Time{}, bytes.NewReader(f.body))
}

// Handler serves the site at /: files of dist/, and index.html for any other
// path without a file extension (the client's own routes such as
// /brands/hongan-dasao), so every page's URL can be shared and reloaded.
// Unknown files are 404.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if name == "/index.html" || name == "/graphiql.html" || name == "/manifest.json" {
			// One URL per page: the app at /, the playground at /graphiql.
			http.NotFound(w, r)
			return
		}
		if f, ok := files[name]; ok && name != "/" {
			serve(w, r, name, f)
			return
		}
		if strings.Contains(path.Base(name), ".") {
			http.NotFound(w, r)
			return
		}
		serve(w, r, "/index.html", files["/index.html"])
	})
}

// GraphiQL serves the bundled playground page (its assets are under /assets/).
func GraphiQL() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, "/graphiql.html", files["/graphiql.html"])
	})
}
