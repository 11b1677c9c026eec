package media

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"brandshow/ent/schematype"
)

// DescribePicture implements schematype.PictureDescriber: the measured
// fields of the picture uploaded at path.
func (s *Store) DescribePicture(ctx context.Context, path string) (schematype.Picture, error) {
	a, err := s.Describe(ctx, path)
	if errors.Is(err, ErrNotFound) {
		return schematype.Picture{}, schematype.ErrUnknownUpload
	}
	if err != nil {
		return schematype.Picture{}, err
	}
	return schematype.Picture{URL: a.Path(), Width: a.Width, Height: a.Height, Thumbhash: a.Thumbhash, DominantColor: a.DominantColor}, nil
}

// Handler serves /media/<sha256>.<ext> (the original) and
// /media/<sha256>/<width>.<ext> (a rendition on the ladder, made on first
// request). Every answer is immutable (its URL names its content), with an
// ETag; unknown paths are 404. Renditions are JPEG or PNG, like their
// original: no well-kept pure-Go WebP encoder exists (golang.org/x/image
// decodes WebP only).
func (s *Store) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		a, width, ok := s.parseRequest(r.Context(), r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := `"` + a.SHA256[:32] + "-" + strconv.Itoa(width) + `"`
		h := w.Header()
		h.Set("Cache-Control", immutable)
		h.Set("ETag", etag)
		h.Set("Content-Type", contentType(a.Format))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		var body []byte
		var err error
		if width == 0 {
			body, err = s.Original(r.Context(), a)
		} else {
			body, err = s.Rendition(r.Context(), a, width)
		}
		if err != nil {
			h.Del("Cache-Control")
			h.Del("ETag")
			http.Error(w, "picture unavailable", http.StatusServiceUnavailable)
			return
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method == http.MethodHead {
			return
		}
		_, _ = w.Write(body)
	})
}

// parseRequest reads /media/<sha>.<ext> or /media/<sha>/<w>.<ext>.
func (s *Store) parseRequest(ctx context.Context, path string) (Asset, int, bool) {
	rest, ok := strings.CutPrefix(path, "/media/")
	if !ok {
		return Asset{}, 0, false
	}
	sha, tail, nested := strings.Cut(rest, "/")
	if !nested {
		a, err := s.Describe(ctx, path)
		return a, 0, err == nil
	}
	if !shaPattern.MatchString(sha) {
		return Asset{}, 0, false
	}
	a, err := s.Asset(ctx, sha)
	if err != nil {
		return Asset{}, 0, false
	}
	num, ext, ok := strings.Cut(tail, ".")
	w, err := strconv.Atoi(num)
	if !ok || err != nil || ext != a.Ext() || strconv.Itoa(w) != num || RenditionWidth(w, a.Width) != w {
		return Asset{}, 0, false
	}
	return a, w, true
}

// LocalFiles is the store as server import uses it: pictures may also be
// image files named by a path relative to Dir (the spreadsheet's folder),
// which are checked and stored like uploads.
type LocalFiles struct {
	*Store
	Dir string
}

// ImportPicture implements schematype.PictureImporter.
func (l LocalFiles) ImportPicture(ctx context.Context, ref string) (schematype.Picture, error) {
	root, err := os.OpenRoot(l.Dir) // the file must be inside Dir: no .., no symlink out
	if err != nil {
		return schematype.Picture{}, fmt.Errorf("open %s: %w", l.Dir, err)
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(ref))
	if err != nil {
		return schematype.Picture{}, fmt.Errorf("no such file next to the imported file (%w)", errors.Unwrap(err))
	}
	defer f.Close()
	a, err := l.Put(ctx, f)
	if err != nil {
		return schematype.Picture{}, err
	}
	return schematype.Picture{URL: a.Path(), Width: a.Width, Height: a.Height, Thumbhash: a.Thumbhash, DominantColor: a.DominantColor}, nil
}
