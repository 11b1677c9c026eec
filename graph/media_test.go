package graph_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"entgo.io/ent/dialect"
	"image"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brandshow/server/httpapp"
	"brandshow/server/media"
	"brandshow/server/media/mediatest"
	"brandshow/server/store/storetest"
)

// mediaEditors are editors whose handler keeps pictures in a fresh store.
func mediaEditors(t *testing.T, dia string, maxBytes int64) (*editors, *media.Store) {
	t.Helper()
	return mediaEditorsWith(t, dia, httpapp.Config{}, maxBytes)
}

// mediaEditorsWith is mediaEditors with cfg's timeouts.
func mediaEditorsWith(t *testing.T, dia string, cfg httpapp.Config, maxBytes int64) (*editors, *media.Store) {
	t.Helper()
	e := newEditors(t, dia)
	store, err := media.Open(context.Background(), media.Config{URL: "file://" + filepath.ToSlash(t.TempDir()), MaxBytes: maxBytes})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	e.h = httpapp.New(httpapp.Config{
		DB: e.db, SampleContent: true, AllowedOrigins: []string{"*"}, Introspection: true, Logger: testLogger(), Media: store,
		QueryTimeout: cfg.QueryTimeout, UploadTimeout: cfg.UploadTimeout,
	})
	return e, store
}

const uploadMutation = `mutation($f: Upload!, $credit: String, $license: PictureLicense) {
  uploadPicture(file: $f, alt: "红安大嫂在培训", altEn: "Training", credit: $credit, license: $license, source: "https://example.org/photo") {
    url small: url(width: 320) width height thumbhash dominantColor credit license source
  }
}`

// upload sends a GraphQL multipart request (the spec's operations, map and
// file parts) with the role's token.
func (e *editors) upload(t *testing.T, role string, file []byte, vars map[string]any) (response, int) {
	t.Helper()
	if vars == nil {
		vars = map[string]any{"credit": "示例摄影 / Sample photo", "license": "CC_BY_4_0"}
	}
	vars["f"] = nil
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": uploadMutation, "variables": vars})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0": ["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", "photo.jpg")
	_, _ = fw.Write(file)
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/graphql", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if tok := e.tokens[role]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var r response
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatalf("decode %s: %v", rec.Body.String(), err)
	}
	return r, rec.Code
}

type uploadedPicture struct {
	URL, Small, Thumbhash, DominantColor, Credit, License, Source string
	Width, Height                                                 int
}

func (e *editors) mustUpload(t *testing.T, file []byte) uploadedPicture {
	t.Helper()
	r, status := e.upload(t, "editor", file, nil)
	if status != 200 || len(r.Errors) > 0 {
		t.Fatalf("upload: %d %+v", status, r.Errors)
	}
	var out struct{ UploadPicture uploadedPicture }
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	return out.UploadPicture
}

func get(h http.Handler, path string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestUploadPictureAndServeRenditions: an editor uploads a camera JPEG
// (turned, with an EXIF block); the answer is an upright, measured,
// same-origin picture; the original and a rendition are served immutable,
// without the metadata, with an ETag; the picture goes into a brand's logo.
func TestUploadPictureAndServeRenditions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, _ := mediaEditors(t, dia, 0)
		p := e.mustUpload(t, mediatest.WithExif(mediatest.JPEG(t, mediatest.Gradient(800, 400)), 6))
		if !strings.HasPrefix(p.URL, "/media/") || p.Width != 400 || p.Height != 800 || p.Thumbhash == "" || p.DominantColor == "" ||
			p.License != "CC_BY_4_0" || p.Credit == "" || p.Source == "" {
			t.Fatalf("uploaded picture %+v", p)
		}
		if !strings.HasSuffix(p.Small, "/320.jpg") {
			t.Fatalf("url(width: 320) = %s", p.Small)
		}
		orig := get(e.h, p.URL, nil)
		if orig.Code != 200 || orig.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" || orig.Header().Get("ETag") == "" {
			t.Fatalf("original: %d %v", orig.Code, orig.Header())
		}
		if bytes.Contains(orig.Body.Bytes(), []byte(mediatest.Secret)) {
			t.Fatal("the served original carries the EXIF text")
		}
		small := get(e.h, p.Small, nil)
		cfg, _, err := image.DecodeConfig(bytes.NewReader(small.Body.Bytes()))
		if small.Code != 200 || err != nil || cfg.Width != 320 || cfg.Height != 640 {
			t.Fatalf("rendition: %d %dx%d %v", small.Code, cfg.Width, cfg.Height, err)
		}
		if again := get(e.h, p.Small, map[string]string{"If-None-Match": small.Header().Get("ETag")}); again.Code != http.StatusNotModified {
			t.Fatalf("If-None-Match: %d", again.Code)
		}
		for _, bad := range []string{"/media/" + strings.Repeat("0", 64) + ".jpg", strings.Replace(p.Small, "/320.", "/333.", 1), strings.Replace(p.Small, "/320.", "/1920.", 1)} {
			if rec := get(e.h, bad, nil); rec.Code != 404 {
				t.Errorf("%s: %d, want 404", bad, rec.Code)
			}
		}
		// The upload goes into a logo; the measured fields come from the
		// store, not from the request.
		id := e.draftBrandID(t, "media-logo")
		r := e.as(t, "editor", `mutation($id: ID!, $p: PictureInput!) { updateBrand(id: $id, input: {logo: $p}) { logo { url width height thumbhash url320: url(width: 320) } } }`,
			map[string]any{"id": id, "p": map[string]any{"url": p.URL, "alt": "标志", "width": 5, "height": 5, "credit": "x", "license": "CC0_1_0"}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"width":400`) || !strings.Contains(string(r.Data), "/320.jpg") {
			t.Fatalf("logo: %s %+v", r.Data, r.Errors)
		}
	})
}

// TestAnonymousUploadIsRefused: without a token the multipart request is
// refused before its file is read, and nothing is stored.
// TestUploadsHaveTheirOwnDeadline: an upload runs under UploadTimeout, not
// under the queries' QueryTimeout (a camera file on a slow link, decoded
// after other uploads, takes longer than any query may).
func TestUploadsHaveTheirOwnDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, _ := mediaEditorsWith(t, dia, httpapp.Config{QueryTimeout: time.Nanosecond}, 0)
		if r := e.as(t, "editor", `{ brands(first: 1) { totalCount } }`, nil); code(r) != "TIMEOUT" {
			t.Fatalf("a query under a 1 ns QueryTimeout: %+v, want TIMEOUT", r.Errors)
		}
		if up := e.mustUpload(t, mediatest.JPEG(t, mediatest.Gradient(64, 48))); up.Width != 64 {
			t.Fatalf("upload: %+v", up)
		}
	})
}

// TestUploadOpensNoTransaction: an upload writes no row, so it runs outside
// the mutation transaction. In one, it held SQLite's write lock (BEGIN
// IMMEDIATE) while decoding for seconds: four concurrent camera uploads
// timed out waiting for each other, and every editor's write waited too.
// With the write lock held elsewhere, an upload still answers at once.
func TestUploadOpensNoTransaction(t *testing.T) {
	e, _ := mediaEditorsWith(t, dialect.SQLite, httpapp.Config{UploadTimeout: 3 * time.Second}, 0)
	release := holdWriteLock(t, e.db, "brands")
	defer release()
	r, _ := answerWithin(t, 30*time.Second, func() response {
		r, _ := e.upload(t, "editor", mediatest.JPEG(t, mediatest.Gradient(64, 48)), nil)
		return r
	})
	if len(r.Errors) > 0 {
		t.Fatalf("upload while another writer holds the lock: %+v", r.Errors)
	}
}

func TestAnonymousUploadIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, store := mediaEditors(t, dia, 0)
		r, status := e.upload(t, "anonymous", mediatest.JPEG(t, mediatest.Gradient(50, 50)), nil)
		if status != http.StatusUnauthorized || code(r) != "UNAUTHENTICATED" {
			t.Fatalf("anonymous upload: %d %+v", status, r.Errors)
		}
		if keys, _ := store.Keys(context.Background(), ""); len(keys) != 0 {
			t.Fatalf("stored %v", keys)
		}
	})
}

// TestUploadBadInput: every refused file gets BAD_USER_INPUT with its own
// reason, and nothing is stored.
func TestUploadBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, store := mediaEditors(t, dia, 64<<10)
		big := mediatest.JPEG(t, mediatest.Gradient(300, 300))
		for _, c := range []struct {
			name string
			file []byte
			want string
		}{
			{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), "SVG included"},
			{"gif", mediatest.GIF(t), "not a JPEG, PNG or WebP"},
			{"text", []byte("not a picture at all"), "not a JPEG, PNG or WebP"},
			{"truncated", big[:len(big)/2], "damaged"},
			{"bomb", mediatest.PNGHeaderOnly(60_000, 60_000), "megapixels"},
			{"too large", append(mediatest.JPEG(t, mediatest.Gradient(20, 20)), make([]byte, 70<<10)...), "larger than"},
		} {
			r, _ := e.upload(t, "editor", c.file, nil)
			if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, c.want) {
				t.Errorf("%s: %+v, want BAD_USER_INPUT saying %q", c.name, r.Errors, c.want)
			} else if f := r.Errors[0].Extensions["field"]; f != "file" {
				t.Errorf("%s: extensions.field %v, want file", c.name, f)
			}
		}
		if keys, _ := store.Keys(context.Background(), ""); len(keys) != 0 {
			t.Fatalf("refused uploads stored %v", keys)
		}
	})
}

// TestPictureRules: http: is refused with a clear message, an unknown
// /media/ path is refused, a draft may lack credit and licence, publishing
// it then is refused until they are set.
func TestPictureRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, _ := mediaEditors(t, dia, 0)
		id := e.draftBrandID(t, "media-rules")
		role := "editor"
		set := func(p map[string]any) response {
			return e.as(t, role, `mutation($id: ID!, $p: [PictureInput!]) { updateBrand(id: $id, input: {pictures: $p}) { id } }`,
				map[string]any{"id": id, "p": []any{p}})
		}
		if r := set(map[string]any{"url": "http://example.org/a.jpg", "alt": "图"}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "must use https") {
			t.Fatalf("http picture: %+v", r.Errors)
		}
		if r := set(map[string]any{"url": "/media/" + strings.Repeat("a", 64) + ".jpg", "alt": "图"}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "upload it first") {
			t.Fatalf("unknown upload: %+v", r.Errors)
		}
		if r := set(map[string]any{"url": "https://example.org/a.jpg", "alt": "图", "license": "CC_BY_4_0", "focalPoint": map[string]any{"x": 2, "y": 0}}); code(r) != "BAD_USER_INPUT" {
			t.Fatalf("focal point out of range: %+v", r.Errors)
		}
		p := e.mustUpload(t, mediatest.JPEG(t, mediatest.Gradient(64, 64)))
		if r := set(map[string]any{"url": p.URL, "alt": "图"}); len(r.Errors) > 0 {
			t.Fatalf("a draft without credit: %+v", r.Errors)
		}
		publish := `mutation($id: ID!) { publish(id: $id) { id } }`
		if r := e.as(t, "publisher", publish, map[string]any{"id": id}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "credit and a licence") {
			t.Fatalf("publishing uncredited: %+v", r.Errors)
		}
		if r := set(map[string]any{"url": p.URL, "alt": "图", "credit": "摄影：示例", "license": "ALL_RIGHTS_RESERVED", "focalPoint": map[string]any{"x": 0.3, "y": 0.6}}); len(r.Errors) > 0 {
			t.Fatalf("credited: %+v", r.Errors)
		}
		if r := e.as(t, "publisher", publish, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatalf("publishing credited: %+v", r.Errors)
		}
		// Published: a new uncredited picture is refused too.
		role = "publisher"
		if r := set(map[string]any{"url": "https://example.org/b.jpg", "alt": "图"}); code(r) != "BAD_USER_INPUT" {
			t.Fatalf("uncredited picture on a published brand: %+v", r.Errors)
		}
	})
}

// TestCoverageMedia: a report's image, and a film's video (https only) and
// poster.
func TestCoverageMedia(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, _ := mediaEditors(t, dia, 0)
		id := e.draftID(t, "MediaCoverage", "media-film")
		p := e.mustUpload(t, mediatest.JPEG(t, mediatest.Gradient(700, 400)))
		upd := `mutation($id: ID!, $in: UpdateMediaCoverageInput!) { updateMediaCoverage(id: $id, input: $in) { image { url width } poster { url(width: 320) } videoURL } }`
		if r := e.as(t, "editor", upd, map[string]any{"id": id, "in": map[string]any{"videoURL": "http://example.org/film.mp4"}}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "https") {
			t.Fatalf("http video: %+v", r.Errors)
		}
		pic := map[string]any{"url": p.URL, "alt": "剧照", "credit": "示例", "license": "CC_BY_4_0"}
		r := e.as(t, "editor", upd, map[string]any{"id": id, "in": map[string]any{"videoURL": "https://example.org/film.mp4", "image": pic, "poster": pic}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"width":700`) || !strings.Contains(string(r.Data), "/320.jpg") || !strings.Contains(string(r.Data), "film.mp4") {
			t.Fatalf("coverage media: %s %+v", r.Data, r.Errors)
		}
	})
}

// TestPressKit: a published brand's kit holds its uploaded pictures at full
// size and a credits.txt that names each one's credit and licence; a draft
// brand has no kit (404, like an unknown one), and Brand.pressKitUrl
// points to it.
func TestPressKit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e, store := mediaEditors(t, dia, 0)
		logo := e.mustUpload(t, mediatest.PNG(t, mediatest.Gradient(120, 120)))
		photo := e.mustUpload(t, mediatest.JPEG(t, mediatest.Gradient(900, 600)))
		id := e.draftBrandID(t, "press-kit-brand")
		pic := func(url, credit, license string) map[string]any {
			return map[string]any{"url": url, "alt": "图 " + credit, "credit": credit, "license": license}
		}
		r := e.as(t, "editor", `mutation($id: ID!, $logo: PictureInput, $p: [PictureInput!]) { updateBrand(id: $id, input: {logo: $logo, pictures: $p, summaryZh: "示例摘要"}) { pressKitUrl } }`,
			map[string]any{"id": id, "logo": pic(logo.URL, "标志设计：示例工作室", "ALL_RIGHTS_RESERVED"), "p": []any{pic(photo.URL, "摄影：示例摄影师", "CC_BY_4_0")}})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "/brands/press-kit-brand/press-kit.zip") {
			t.Fatalf("update: %s %+v", r.Data, r.Errors)
		}
		if rec := get(e.h, "/brands/press-kit-brand/press-kit.zip", nil); rec.Code != 404 {
			t.Fatalf("a draft brand's press kit: %d", rec.Code)
		}
		if r := e.as(t, "publisher", `mutation($id: ID!) { publish(id: $id) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		rec := get(e.h, "/brands/press-kit-brand/press-kit.zip", nil)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" {
			t.Fatalf("press kit: %d %s", rec.Code, rec.Body.String())
		}
		zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			files[f.Name], _ = io.ReadAll(rc)
			rc.Close()
		}
		credits := string(files["credits.txt"])
		var pictures []string
		for name := range files {
			if strings.HasPrefix(name, "pictures/") {
				pictures = append(pictures, name)
				if !strings.Contains(credits, name) {
					t.Errorf("credits.txt does not name %s:\n%s", name, credits)
				}
			}
		}
		if len(pictures) != 2 || !strings.Contains(credits, "标志设计：示例工作室") || !strings.Contains(credits, "All rights reserved") ||
			!strings.Contains(credits, "摄影：示例摄影师") || !strings.Contains(credits, "CC BY 4.0") || !strings.Contains(string(files["summary.txt"]), "示例摘要") {
			t.Fatalf("press kit files %v, credits:\n%s", pictures, credits)
		}
		a, _ := store.Describe(context.Background(), photo.URL)
		orig, _ := store.Original(context.Background(), a)
		found := false
		for _, name := range pictures {
			found = found || bytes.Equal(files[name], orig)
		}
		if !found {
			t.Fatal("the photo is not in the kit at full size")
		}
		// Unpublished again: gone from the public.
		if r := e.as(t, "publisher", `mutation($id: ID!) { unpublish(id: $id) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if rec := get(e.h, "/brands/press-kit-brand/press-kit.zip", nil); rec.Code != 404 {
			t.Fatalf("an unpublished brand's press kit: %d", rec.Code)
		}
	})
}
