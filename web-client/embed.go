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
	"regexp"
	"strconv"
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

// RouteHead describes one of the client's routes to those who do not run
// its JavaScript (crawlers, link previews): the HTTP status to answer with
// and the head elements (title, description, links, meta tags, JSON-LD)
// that replace the shell's own title and description. It must escape all
// text it puts in head.
type RouteHead func(r *http.Request) (status int, head []byte)

// Handler serves the site at /: files of dist/, and index.html for any other
// path without a file extension (the client's own routes such as
// /brands/hongan-dasao), so every page's URL can be shared and reloaded.
// With route set, each route's shell carries the page's own head and the
// route's status (404 for an unknown page; the client still shows its
// not-found view). Unknown files are 404.
func Handler(route RouteHead) http.Handler {
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
		if route == nil {
			serve(w, r, "/index.html", files["/index.html"])
			return
		}
		status, head := route(r)
		body := withHead(head)
		sum := sha256.Sum256(body)
		f := file{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		if status == http.StatusOK {
			serve(w, r, "/index.html", f)
			return
		}
		h := w.Header()
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", contentSecurityPolicy["/index.html"])
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
	})
}

// shellHead is the part of index.html that a route's head replaces: the
// shell's generic description and title.
var shellHead = regexp.MustCompile(`(?s)<meta name="description"[^>]*>\s*<title>.*?</title>`)

// withHead is index.html with head in place of its description and title.
func withHead(head []byte) []byte {
	shell := files["/index.html"].body
	loc := shellHead.FindIndex(shell)
	if loc == nil {
		panic("web-client/dist/index.html has no description and title to replace")
	}
	out := make([]byte, 0, len(shell)+len(head))
	out = append(out, shell[:loc[0]]...)
	out = append(out, bytes.TrimSpace(head)...)
	return append(out, shell[loc[1]:]...)
}

// GraphiQL serves the bundled playground page (its assets are under /assets/).
func GraphiQL() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, "/graphiql.html", files["/graphiql.html"])
	})
}

func init() {
	if shellHead.Find(files["/index.html"].body) == nil {
		panic("web-client/dist/index.html has no description and title for the pages' heads to replace")
	}
}
