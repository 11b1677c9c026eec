package media

import (
	"bytes"
	"context"
	"errors"
	"image"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"brandshow/server/media/mediatest"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// backends opens a store on each blob backend: a directory, and S3 through
// an in-process S3-compatible server (gofakes3) reached over real HTTP.
func backends(t *testing.T, cfg Config) map[string]*Store {
	t.Helper()
	ctx := context.Background()
	out := map[string]*Store{}
	fileCfg := cfg
	fileCfg.URL = "file://" + filepath.ToSlash(t.TempDir())
	fs, err := Open(ctx, fileCfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = fs.Close() })
	out["file"] = fs

	out["s3"] = openFakeS3(t, cfg)
	return out
}

// openFakeS3 starts gofakes3 on a loopback port and opens a store on it.
func openFakeS3(t testing.TB, cfg Config) *Store {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("media"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	cfg.URL = "s3://media?region=us-east-1&use_path_style=true&disable_https=true&endpoint=" + srv.URL
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestPutStripsMetadataAndAppliesOrientation(t *testing.T) {
	for name, s := range backends(t, Config{}) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			// 40×20, orientation 6: the camera was turned; upright it is 20×40.
			upload := mediatest.WithExif(mediatest.JPEG(t, mediatest.Gradient(40, 20)), 6)
			if !bytes.Contains(upload, []byte(mediatest.Secret)) {
				t.Fatal("test picture lacks its EXIF block")
			}
			a, err := s.Put(ctx, bytes.NewReader(upload))
			if err != nil {
				t.Fatal(err)
			}
			if a.Width != 20 || a.Height != 40 || a.Format != "jpeg" {
				t.Fatalf("asset %+v, want an upright 20×40 JPEG", a)
			}
			if len(a.SHA256) != 64 || a.Thumbhash == "" || !strings.HasPrefix(a.DominantColor, "#") {
				t.Fatalf("asset %+v lacks its hash, thumbhash or colour", a)
			}
			stored, err := s.Original(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(stored, []byte(mediatest.Secret)) || bytes.Contains(stored, []byte("Exif")) {
				t.Fatal("the stored original still carries its EXIF metadata")
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(stored))
			if err != nil || cfg.Width != 20 || cfg.Height != 40 {
				t.Fatalf("stored original is %dx%d (%v)", cfg.Width, cfg.Height, err)
			}
			// Content-addressed: the same picture again is the same asset.
			again, err := s.Put(ctx, bytes.NewReader(upload))
			if err != nil || again != a {
				t.Fatalf("second upload: %+v, %v; want %+v", again, err, a)
			}
			got, err := s.Describe(ctx, a.Path())
			if err != nil || got != a {
				t.Fatalf("Describe(%s) = %+v, %v", a.Path(), got, err)
			}
		})
	}
}

func TestPutRefusesBadInputAndStoresNothing(t *testing.T) {
	big := mediatest.JPEG(t, mediatest.Gradient(400, 400))
	cases := []struct {
		name   string
		data   []byte
		reason error
		words  string
	}{
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), ErrNotAnImage, "SVG"},
		{"gif", mediatest.GIF(t), ErrNotAnImage, "not a JPEG, PNG or WebP"},
		{"text named like a picture", []byte("hello, I am photo.jpg"), ErrNotAnImage, "not a JPEG"},
		{"empty", nil, ErrNotAnImage, "not a JPEG"},
		{"truncated jpeg", big[:len(big)/3], ErrCorrupt, "damaged"},
		{"jpeg header only", big[:20], ErrCorrupt, "damaged"},
		{"decompression bomb", mediatest.PNGHeaderOnly(100_000, 100_000), ErrTooManyPixels, "megapixels"},
		{"too many bytes", append(mediatest.JPEG(t, mediatest.Gradient(64, 64)), make([]byte, 40_000)...), ErrTooLarge, "larger than"},
	}
	for name, s := range backends(t, Config{MaxBytes: 30_000, MaxPixels: 50_000_000}) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for _, c := range cases {
				_, err := s.Put(ctx, bytes.NewReader(c.data))
				var in *InputError
				if !errors.As(err, &in) || !errors.Is(err, c.reason) || !strings.Contains(err.Error(), c.words) {
					t.Errorf("%s: got %v, want an InputError %v saying %q", c.name, err, c.reason, c.words)
				}
			}
			keys, err := s.Keys(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != 0 {
				t.Fatalf("refused uploads left %v in the store", keys)
			}
		})
	}
}

func TestPutAcceptsPNGAndWebP(t *testing.T) {
	s := backends(t, Config{})["file"]
	ctx := context.Background()
	p, err := s.Put(ctx, bytes.NewReader(mediatest.PNG(t, mediatest.Gradient(30, 10))))
	if err != nil || p.Format != "png" || p.Width != 30 {
		t.Fatalf("png: %+v, %v", p, err)
	}
	w, err := s.Put(ctx, bytes.NewReader(mediatest.TinyWebP(t)))
	if err != nil || w.Width != 1 || w.Height != 1 {
		t.Fatalf("webp: %+v, %v", w, err)
	}
}

func TestRenditionsAreMadeOnceAndNeverUpscaled(t *testing.T) {
	for name, s := range backends(t, Config{CacheMB: -1}) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			a, err := s.Put(ctx, bytes.NewReader(mediatest.JPEG(t, mediatest.Gradient(1000, 500))))
			if err != nil {
				t.Fatal(err)
			}
			if got := RenditionPath(a, 300); got != "/media/"+a.SHA256+"/320.jpg" {
				t.Fatalf("RenditionPath(300) = %s", got)
			}
			if got := RenditionPath(a, 900); got != a.Path() {
				t.Fatalf("RenditionPath(900) of a 1000-wide picture = %s, want the original", got)
			}
			b, err := s.Rendition(ctx, a, 640)
			if err != nil {
				t.Fatal(err)
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != 640 || cfg.Height != 320 {
				t.Fatalf("rendition %dx%d (%v)", cfg.Width, cfg.Height, err)
			}
			keys, _ := s.Keys(ctx, "renditions/")
			if len(keys) != 1 {
				t.Fatalf("renditions stored: %v", keys)
			}
			again, err := s.Rendition(ctx, a, 640)
			if err != nil || !bytes.Equal(again, b) {
				t.Fatalf("second read differs (%v)", err)
			}
			if _, err := s.Rendition(ctx, a, 1280); !errors.Is(err, ErrNotFound) {
				t.Fatalf("an upscaled rendition was made: %v", err)
			}
			if _, err := s.Rendition(ctx, a, 500); !errors.Is(err, ErrNotFound) {
				t.Fatalf("a width off the ladder was made: %v", err)
			}
		})
	}
}

func TestThumbhashIsStable(t *testing.T) {
	h1 := thumbhash(mediatest.Gradient(60, 30))
	h2 := thumbhash(mediatest.Gradient(60, 30))
	if !bytes.Equal(h1, h2) || len(h1) < 5 || len(h1) > 40 {
		t.Fatalf("thumbhash %x / %x", h1, h2)
	}
	if c := dominantColor(mediatest.Gradient(60, 30)); c[0] != '#' || len(c) != 7 {
		t.Fatalf("dominant colour %q", c)
	}
}

// TestWorkersBoundPictureWork: with every worker busy, an upload and a new
// rendition wait; a request that ends while waiting gets an error and
// stores nothing; once a worker is free both go through.
func TestWorkersBoundPictureWork(t *testing.T) {
	s, err := Open(context.Background(), Config{URL: "file://" + filepath.ToSlash(t.TempDir()), Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if DefaultWorkers() < 1 || cap(s.work) != 1 {
		t.Fatalf("workers: default %d, configured %d", DefaultWorkers(), cap(s.work))
	}
	file := mediatest.JPEG(t, mediatest.Gradient(800, 600))
	s.work <- struct{}{} // the one worker is busy
	short, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	_, err = s.Put(short, bytes.NewReader(file))
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("upload with every worker busy: %v, want the deadline", err)
	}
	if keys, _ := s.Keys(context.Background(), ""); len(keys) != 0 {
		t.Fatalf("a refused upload stored %v", keys)
	}
	<-s.work // free
	a, err := s.Put(context.Background(), bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	s.work <- struct{}{}
	short, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
	_, err = s.Rendition(short, a, 320)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("rendition with every worker busy: %v, want the deadline", err)
	}
	<-s.work
	if _, err := s.Rendition(context.Background(), a, 320); err != nil {
		t.Fatal(err)
	}
}
