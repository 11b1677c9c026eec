// Package media is brandshow's picture store: editors' uploads are checked
// (real JPEG, PNG or WebP, bounded in bytes and pixels), turned upright by
// their EXIF orientation, stripped of every piece of metadata by
// re-encoding, and kept content-addressed (by the SHA-256 of the stored
// bytes) in a gocloud.dev/blob bucket: a directory by default, any
// S3-compatible store when MEDIA_URL says so. Resized renditions are made
// once on first request, stored beside the originals and served with
// immutable caching (see Handler).
package media

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // file:// buckets
	_ "gocloud.dev/blob/s3blob"   // s3:// buckets
	"gocloud.dev/gcerrors"
	"golang.org/x/sync/singleflight"
)

// Defaults of Config.
const (
	DefaultMaxBytes  = 20 << 20   // 20 MB
	DefaultMaxPixels = 50_000_000 // 50 megapixels
	DefaultDir       = "data/media"
)

// Widths is the ladder of rendition widths. A picture is never upscaled: a
// width at or above the original's is served by the original.
var Widths = []int{320, 640, 1280, 1920}

// Config says where the store lives and what it accepts.
type Config struct {
	// URL is a gocloud.dev/blob URL (file:///abs/dir, s3://bucket?region=...);
	// empty means DefaultDir under the working directory.
	URL string
	// MaxBytes bounds an upload (default DefaultMaxBytes).
	MaxBytes int64
	// MaxPixels bounds width × height, read from the header before the
	// image is decoded (default DefaultMaxPixels).
	MaxPixels int64
	// CacheMB is the memory for hot renditions (default 32; negative: none).
	CacheMB int
	// Workers bounds how many pictures are decoded and encoded at once
	// (uploads and new renditions); the rest wait their turn. Default
	// DefaultWorkers: half the CPUs, so that uploads never take every core
	// from the public queries.
	Workers int
}

// DefaultWorkers is half the CPUs the process may use, at least one.
func DefaultWorkers() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// Asset describes one stored picture (its sidecar meta/<sha>.json).
type Asset struct {
	SHA256        string `json:"sha256"`
	Format        string `json:"format"` // jpeg or png
	Width         int    `json:"width"`
	Height        int    `json:"height"`
	Bytes         int64  `json:"bytes"`
	Thumbhash     string `json:"thumbhash"`     // base64
	DominantColor string `json:"dominantColor"` // #rrggbb
}

// Ext is the file extension of the asset's format.
func (a Asset) Ext() string { return extOf(a.Format) }

// Path is the same-origin URL path of the original: the reference that
// picture inputs accept.
func (a Asset) Path() string { return "/media/" + a.SHA256 + "." + a.Ext() }

func extOf(format string) string {
	if format == "png" {
		return "png"
	}
	return "jpg"
}

func contentType(format string) string {
	if format == "png" {
		return "image/png"
	}
	return "image/jpeg"
}

// Store keeps originals, renditions and their descriptions in one bucket.
type Store struct {
	bucket    *blob.Bucket
	maxBytes  int64
	maxPixels int64
	cache     *byteCache
	assets    sync.Map // sha → Asset (descriptions never change)
	making    singleflight.Group
	// work holds a token per picture being decoded or encoded (Workers).
	work chan struct{}
}

// Open opens (and for a directory, creates) the bucket of cfg.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	u := cfg.URL
	if u == "" {
		dir, err := filepath.Abs(DefaultDir)
		if err != nil {
			return nil, fmt.Errorf("media: %w", err)
		}
		u = "file://" + filepath.ToSlash(dir)
	}
	if strings.HasPrefix(u, "file://") {
		parsed, err := url.Parse(u)
		if err != nil {
			return nil, fmt.Errorf("media: MEDIA_URL: %w", err)
		}
		if err := os.MkdirAll(parsed.Path, 0o750); err != nil {
			return nil, fmt.Errorf("media: %w", err)
		}
	}
	b, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("media: open %s: %w", redact(u), err)
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = DefaultWorkers()
	}
	s := &Store{bucket: b, maxBytes: cfg.MaxBytes, maxPixels: cfg.MaxPixels, work: make(chan struct{}, workers)}
	if s.maxBytes <= 0 {
		s.maxBytes = DefaultMaxBytes
	}
	if s.maxPixels <= 0 {
		s.maxPixels = DefaultMaxPixels
	}
	mb := cfg.CacheMB
	if mb == 0 {
		mb = 32
	}
	if mb > 0 {
		s.cache = newByteCache(int64(mb) << 20)
	}
	return s, nil
}

// redact drops the query of a bucket URL (it may hold an endpoint's
// details) from error messages.
func redact(u string) string {
	if i := strings.IndexByte(u, '?'); i >= 0 {
		return u[:i]
	}
	return u
}

// Close closes the bucket.
func (s *Store) Close() error { return s.bucket.Close() }

// MaxBytes is the largest upload accepted.
func (s *Store) MaxBytes() int64 { return s.maxBytes }

// Put checks an upload, strips it and stores it; a refused upload stores
// nothing and returns an *InputError.
func (s *Store) Put(ctx context.Context, r io.Reader) (Asset, error) {
	data, err := io.ReadAll(io.LimitReader(r, s.maxBytes+1))
	if err != nil {
		return Asset{}, fmt.Errorf("media: read upload: %w", err)
	}
	if int64(len(data)) > s.maxBytes {
		return Asset{}, inputErrorf(ErrTooLarge, "the file is larger than the limit of %d MB", s.maxBytes>>20)
	}
	clean, asset, err := withWorker(ctx, s, func() ([]byte, Asset, error) { return prepare(data, s.maxPixels) })
	if err != nil {
		return Asset{}, err
	}
	if old, err := s.Asset(ctx, asset.SHA256); err == nil {
		return old, nil // the same picture again
	}
	opts := &blob.WriterOptions{ContentType: contentType(asset.Format), CacheControl: immutable}
	if err := s.bucket.WriteAll(ctx, originalKey(asset), clean, opts); err != nil {
		return Asset{}, fmt.Errorf("media: store original: %w", err)
	}
	meta, _ := json.Marshal(asset)
	// The description last: an asset exists once its description does.
	if err := s.bucket.WriteAll(ctx, metaKey(asset.SHA256), meta, &blob.WriterOptions{ContentType: "application/json"}); err != nil {
		return Asset{}, fmt.Errorf("media: store description: %w", err)
	}
	s.assets.Store(asset.SHA256, asset)
	return asset, nil
}

// ErrNotFound is returned for a picture the store does not hold.
var ErrNotFound = errors.New("media: no such picture")

var shaPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Asset returns the description of a stored picture.
func (s *Store) Asset(ctx context.Context, sha string) (Asset, error) {
	if v, ok := s.assets.Load(sha); ok {
		return v.(Asset), nil
	}
	if !shaPattern.MatchString(sha) {
		return Asset{}, ErrNotFound
	}
	data, err := s.bucket.ReadAll(ctx, metaKey(sha))
	if gcerrors.Code(err) == gcerrors.NotFound {
		return Asset{}, ErrNotFound
	}
	if err != nil {
		return Asset{}, fmt.Errorf("media: read description: %w", err)
	}
	var a Asset
	if err := json.Unmarshal(data, &a); err != nil {
		return Asset{}, fmt.Errorf("media: description of %s: %w", sha, err)
	}
	s.assets.Store(sha, a)
	return a, nil
}

// ParsePath reads a same-origin media URL path: "/media/<sha>.jpg" gives
// the sha and true. Anything else gives false.
func ParsePath(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/media/")
	if !ok {
		return "", false
	}
	sha, ext, ok := strings.Cut(rest, ".")
	if !ok || (ext != "jpg" && ext != "png") || !shaPattern.MatchString(sha) {
		return "", false
	}
	return sha, true
}

// Describe returns the asset behind a same-origin media path.
func (s *Store) Describe(ctx context.Context, path string) (Asset, error) {
	sha, ok := ParsePath(path)
	if !ok {
		return Asset{}, ErrNotFound
	}
	a, err := s.Asset(ctx, sha)
	if err == nil && a.Path() != path {
		return Asset{}, ErrNotFound
	}
	return a, err
}

// RenditionWidth is the ladder width that serves a display width: the
// smallest at least as wide, or 0 (the original) when none is narrower
// than the original.
func RenditionWidth(want, original int) int {
	if want <= 0 {
		return 0
	}
	for _, w := range Widths {
		if w >= want {
			if w >= original {
				return 0
			}
			return w
		}
	}
	return 0
}

// RenditionPath is the URL path of the rendition of a for a display width.
func RenditionPath(a Asset, want int) string {
	w := RenditionWidth(want, a.Width)
	if w == 0 {
		return a.Path()
	}
	return fmt.Sprintf("/media/%s/%d.%s", a.SHA256, w, a.Ext())
}

// Original returns the stored bytes of an asset.
func (s *Store) Original(ctx context.Context, a Asset) ([]byte, error) {
	key := originalKey(a)
	if b, ok := s.cache.get(key); ok {
		return b, nil
	}
	b, err := s.bucket.ReadAll(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("media: read original: %w", err)
	}
	s.cache.put(key, b)
	return b, nil
}

// Rendition returns the rendition of a at ladder width w (made and stored
// on first use); w must be on the ladder and narrower than the original.
func (s *Store) Rendition(ctx context.Context, a Asset, w int) ([]byte, error) {
	if RenditionWidth(w, a.Width) != w {
		return nil, ErrNotFound
	}
	key := fmt.Sprintf("renditions/%s/%d.%s", a.SHA256, w, a.Ext())
	if b, ok := s.cache.get(key); ok {
		return b, nil
	}
	v, err, _ := s.making.Do(key, func() (any, error) {
		b, err := s.bucket.ReadAll(ctx, key)
		if err == nil {
			return b, nil
		}
		if gcerrors.Code(err) != gcerrors.NotFound {
			return nil, fmt.Errorf("media: read rendition: %w", err)
		}
		orig, err := s.Original(ctx, a)
		if err != nil {
			return nil, err
		}
		b, _, err = withWorker(ctx, s, func() ([]byte, struct{}, error) {
			b, err := resize(orig, a.Format, w)
			return b, struct{}{}, err
		})
		if err != nil {
			return nil, err
		}
		opts := &blob.WriterOptions{ContentType: contentType(a.Format), CacheControl: immutable}
		if err := s.bucket.WriteAll(ctx, key, b, opts); err != nil {
			return nil, fmt.Errorf("media: store rendition: %w", err)
		}
		return b, nil
	})
	if err != nil {
		return nil, err
	}
	b := v.([]byte)
	s.cache.put(key, b)
	return b, nil
}

// withWorker runs f, which decodes or encodes a picture, once one of the
// store's workers is free; a request that ends while waiting gives up.
func withWorker[T any](ctx context.Context, s *Store, f func() ([]byte, T, error)) ([]byte, T, error) {
	select {
	case s.work <- struct{}{}:
	case <-ctx.Done():
		var zero T
		return nil, zero, fmt.Errorf("media: waiting for a free worker: %w", ctx.Err())
	}
	defer func() { <-s.work }()
	return f()
}

const immutable = "public, max-age=31536000, immutable"

func originalKey(a Asset) string { return "originals/" + a.SHA256 + "." + a.Ext() }
func metaKey(sha string) string  { return "meta/" + sha + ".json" }

// Keys lists every key under prefix (tests and backups).
func (s *Store) Keys(ctx context.Context, prefix string) ([]string, error) {
	var keys []string
	it := s.bucket.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return keys, nil
		}
		if err != nil {
			return nil, fmt.Errorf("media: list: %w", err)
		}
		keys = append(keys, obj.Key)
	}
}

// byteCache is an LRU of rendition bytes bounded by their total size.
type byteCache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	items *lru.Cache[string, []byte]
}

func newByteCache(max int64) *byteCache {
	c := &byteCache{max: max}
	c.items, _ = lru.NewWithEvict[string, []byte](1<<16, func(_ string, b []byte) { c.size -= int64(len(b)) })
	return c
}

func (c *byteCache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.items.Get(key)
}

func (c *byteCache) put(key string, b []byte) {
	if c == nil || int64(len(b)) > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items.Contains(key) {
		return
	}
	c.items.Add(key, b)
	c.size += int64(len(b))
	for c.size > c.max {
		c.items.RemoveOldest()
	}
}
