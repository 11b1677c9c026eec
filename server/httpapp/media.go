package httpapp

import (
	"archive/zip"
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/media"
	"brandshow/server/middleware"
)

// bodyLimits bounds /graphql request bodies: MaxBodyBytes for every request
// (read whole, see middleware.Limit), except a token holder's multipart
// upload, which may be as large as the media store accepts and is streamed
// (gqlgen's multipart transport keeps big files in a temporary file), not
// held in memory. Writes in the request may attach uploaded pictures (the
// store measures them, see schematype.WithPictureDescriber).
func bodyLimits(cfg Config, next http.Handler) http.Handler {
	small := middleware.Limit(cfg.MaxBodyBytes, cfg.QueryTimeout, next)
	if cfg.Media == nil {
		return small
	}
	maxUpload := cfg.Media.MaxBytes() + 1<<20 // the file and the form's other parts
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(schematype.WithPictureDescriber(r.Context(), cfg.Media))
		if _, holder := visibility.ViewerFrom(r.Context()); !holder || !isUpload(r) {
			small.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > maxUpload {
			middleware.WriteError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: an upload may have at most %d bytes", maxUpload), "REQUEST_TOO_LARGE", middleware.RequestIDFrom(r.Context()))
			return
		}
		// The server's read and write timeouts are for queries; an upload
		// has UploadTimeout (its context's deadline, see Config.deadline).
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(cfg.UploadTimeout))
		_ = rc.SetWriteDeadline(time.Now().Add(cfg.UploadTimeout + 5*time.Second))
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		next.ServeHTTP(w, r)
	})
}

// isUpload tells a multipart POST: an upload, if its sender holds a token
// (bodyLimits and gqlgen's transport refuse the others).
func isUpload(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data" && r.Method == http.MethodPost
}

// deadline is a /graphql request's deadline: UploadTimeout for an upload,
// QueryTimeout for everything else.
func (cfg Config) deadline(r *http.Request) time.Duration {
	if cfg.Media != nil && isUpload(r) {
		return cfg.UploadTimeout
	}
	return cfg.QueryTimeout
}

// pressKit serves /brands/{slug}/press-kit.zip: the published brand's
// uploaded pictures (logo and gallery) at full size, credits.txt naming
// each picture's credit, licence and source in Chinese and English, and
// the brand's summary. Unknown and draft brands are 404 alike; the public
// client never sees drafts.
func pressKit(cfg Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		if schematype.CheckLine(slug) != nil || len(slug) > 128 {
			http.NotFound(w, r)
			return
		}
		b, err := cfg.DB.Client.Brand.Query().Where(brand.Slug(slug)).Only(r.Context())
		if ent.IsNotFound(err) {
			http.NotFound(w, r)
			return
		}
		if err != nil {
			cfg.Logger.ErrorContext(r.Context(), "press kit: brand", "error", err.Error())
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		body, err := buildPressKit(r, cfg.Media, b)
		if err != nil {
			cfg.Logger.ErrorContext(r.Context(), "press kit", "error", err.Error())
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-press-kit.zip"`, b.Slug))
		w.Header().Set("Cache-Control", "public, max-age=300")
		_, _ = w.Write(body)
	})
}

// PressKitPictures is the order of a brand's pictures in its press kit.
func PressKitPictures(b *ent.Brand) []schematype.Picture {
	var pics []schematype.Picture
	if b.Logo != nil {
		pics = append(pics, *b.Logo)
	}
	return append(pics, b.Pictures...)
}

func buildPressKit(r *http.Request, store *media.Store, b *ent.Brand) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var credits strings.Builder
	fmt.Fprintf(&credits, "%s / %s\n图片来源与许可 / Picture credits and licences\n\n", b.NameZh, orZh(b.NameEn, b.NameZh))
	modified := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if b.UpdatedAt.After(modified) {
		modified = b.UpdatedAt.UTC()
	}
	n := 0
	for _, p := range PressKitPictures(b) {
		name := ""
		if store != nil && schematype.IsUploaded(p.URL) {
			a, err := store.Describe(r.Context(), p.URL)
			if err != nil {
				return nil, fmt.Errorf("picture %s: %w", p.URL, err)
			}
			data, err := store.Original(r.Context(), a)
			if err != nil {
				return nil, err
			}
			n++
			name = fmt.Sprintf("pictures/%02d-%s.%s", n, a.SHA256[:12], a.Ext())
			f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: modified})
			if err != nil {
				return nil, err
			}
			if _, err := f.Write(data); err != nil {
				return nil, err
			}
		}
		zh, en := p.License.Names()
		if name == "" {
			name = p.URL + "（外部链接，未包含 / external link, not included）"
		}
		fmt.Fprintf(&credits, "%s\n  说明 / Description: %s / %s\n  作者 / Credit: %s\n  许可 / Licence: %s / %s\n", name, p.Alt, orZh(p.AltEn, p.Alt), p.Credit, zh, en)
		if p.Source != "" {
			fmt.Fprintf(&credits, "  来源 / Source: %s\n", p.Source)
		}
		credits.WriteString("\n")
	}
	summary := fmt.Sprintf("%s\n\n%s\n\n%s\n\n%s\n", b.NameZh, b.SummaryZh, orZh(b.NameEn, b.NameZh), orZh(b.SummaryEn, b.SummaryZh))
	for _, file := range []struct{ name, text string }{{"credits.txt", credits.String()}, {"summary.txt", summary}} {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: file.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(file.text)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
