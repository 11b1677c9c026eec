package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"brandshow/server/media/mediatest"
)

// uploaders are editors uploading camera-sized pictures during a run
// (-uploads N): each sends uploadPicture over the GraphQL multipart request
// spec, one upload after another, so that the run shows what N concurrent
// uploads (decode, turn, strip, re-encode: CPU and memory) do to the public
// mix's latency. Uploads are not counted among the run's requests.
type uploaders struct {
	client  *http.Client
	target  *url.URL
	token   string
	files   [][]byte
	uploads atomic.Int64
	errors  atomic.Int64
	took    atomic.Int64 // nanoseconds, summed over successful uploads
	lastErr atomic.Value // string: the last failure, for the note
}

const uploadQuery = `mutation($file: Upload!) { uploadPicture(file: $file, alt: "loadgen") { url } }`

// newUploaders draws the pictures (two per uploader, so the store re-encodes
// each upload; a repeated file skips only the final write).
func newUploaders(client *http.Client, target *url.URL, token string, n int, megapixels float64) (*uploaders, error) {
	u := &uploaders{client: client, target: target, token: token}
	w := int(4000 * megapixels / 12)
	h := int(megapixels * 1e6 / float64(w))
	for i := range 2 * n {
		f, err := mediatest.Photo(w, h, i+1)
		if err != nil {
			return nil, err
		}
		u.files = append(u.files, f)
	}
	return u, nil
}

// run starts n uploaders and returns when ctx ends and they have stopped.
func (u *uploaders) run(ctx context.Context, n int) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; ctx.Err() == nil; k++ {
				start := time.Now()
				if err := u.upload(ctx, u.files[(2*i+k%2)%len(u.files)]); err != nil {
					if ctx.Err() == nil {
						u.errors.Add(1)
						u.lastErr.Store(err.Error())
					}
					continue
				}
				u.uploads.Add(1)
				u.took.Add(int64(time.Since(start)))
			}
		}()
	}
	wg.Wait()
}

func (u *uploaders) upload(ctx context.Context, file []byte) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": uploadQuery, "variables": map[string]any{"file": nil}})
	if err := mw.WriteField("operations", string(ops)); err != nil {
		return err
	}
	if err := mw.WriteField("map", `{"0":["variables.file"]}`); err != nil {
		return err
	}
	part, err := mw.CreateFormFile("0", "photo.jpg")
	if err != nil {
		return err
	}
	if _, err := part.Write(file); err != nil {
		return err
	}
	if err := mw.Close(); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.target.String(), &body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+u.token)
	resp, err := u.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || len(graphqlErrors(b)) > 0 {
		return fmt.Errorf("upload: %d %s", resp.StatusCode, b)
	}
	return nil
}

// note says how many uploads ran and their mean time.
func (u *uploaders) note(n int, megapixels float64) string {
	done := u.uploads.Load()
	mean := time.Duration(0)
	if done > 0 {
		mean = time.Duration(u.took.Load() / done)
	}
	out := fmt.Sprintf("%d editors uploaded %.0f-megapixel JPEGs throughout: %d uploads (mean %s each), %d failed",
		n, megapixels, done, mean.Round(time.Millisecond), u.errors.Load())
	if last, ok := u.lastErr.Load().(string); ok {
		out += fmt.Sprintf(" (the last: %.200s)", last)
	}
	return out
}
