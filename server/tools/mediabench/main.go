// Command mediabench measures the picture store and prints numbers:
//
//   - upload: check, decode, turn, strip and store a camera-sized JPEG
//     (12 megapixels by default, with an EXIF block), time per upload and
//     the process's peak RSS while it runs;
//
//   - serve: a cached rendition fetched by -c closed-loop connections for
//     -duration: requests per second and latency percentiles, from the
//     in-process media handler or, with -url, from a running server
//     (loopback addresses only).
//
//     go run ./server/tools/mediabench -duration 10s -c 32
//     go run ./server/tools/mediabench -url http://127.0.0.1:8090/media/<sha>/640.jpg
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"brandshow/server/media"
	"brandshow/server/media/mediatest"
	"brandshow/server/tools/loopback"
)

func main() {
	duration := flag.Duration("duration", 10*time.Second, "how long to load the rendition")
	conns := flag.Int("c", 32, "connections (closed-loop workers)")
	target := flag.String("url", "", "a rendition URL of a running server (loopback only); empty: the in-process handler")
	megapixels := flag.Float64("upload-mp", 12, "size of the uploaded JPEG in megapixels; 0 skips the upload")
	uploads := flag.Int("uploads", 3, "uploads to time")
	flag.Parse()
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "mediabench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	store, err := media.Open(ctx, media.Config{URL: "file://" + dir})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	if *megapixels > 0 {
		benchUpload(ctx, store, *megapixels, *uploads)
	}
	url := *target
	if url == "" {
		a, err := store.Put(ctx, bytes.NewReader(photo(2400, 1600, 1)))
		if err != nil {
			log.Fatal(err)
		}
		srv := httptest.NewServer(store.Handler())
		defer srv.Close()
		url = srv.URL + media.RenditionPath(a, 640)
	} else if _, err := loopback.URL(url); err != nil {
		log.Fatal(err)
	}
	benchServe(url, *conns, *duration)
}

// photo is mediatest.Photo, fatal on error.
func photo(w, h, variant int) []byte {
	b, err := mediatest.Photo(w, h, variant)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func benchUpload(ctx context.Context, store *media.Store, mp float64, n int) {
	w := int(4000 * mp / 12)
	h := int(mp * 1e6 / float64(w))
	fmt.Printf("upload: %d×%d JPEG (%.1f MP), %d uploads\n", w, h, float64(w*h)/1e6, n)
	for i := 1; i <= n; i++ {
		file := photo(w, h, i)
		runtime.GC()
		before := rss("VmRSS")
		var peak atomic.Int64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { // sample RSS every 10 ms
			defer close(done)
			for {
				if r := rss("VmRSS"); r > peak.Load() {
					peak.Store(r)
				}
				select {
				case <-stop:
					return
				case <-time.After(10 * time.Millisecond):
				}
			}
		}()
		start := time.Now()
		a, err := store.Put(ctx, bytes.NewReader(file))
		took := time.Since(start)
		close(stop)
		<-done
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("  upload %d: %v for %.1f MB in, %.1f MB stored (%d×%d); RSS before %d MiB, peak during %d MiB\n",
			i, took.Round(time.Millisecond), float64(len(file))/1e6, float64(a.Bytes)/1e6, a.Width, a.Height, before>>10, peak.Load()>>10)
	}
	fmt.Printf("  process high-water mark (VmHWM, includes making the test files): %d MiB\n", rss("VmHWM")>>10)
}

// rss reads a memory line of /proc/self/status in KiB.
func rss(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

func benchServe(url string, conns int, d time.Duration) {
	client := loopback.Client(loopback.ClientOptions{Timeout: 10 * time.Second, IdleConns: conns, IdleTimeout: time.Minute})
	var mu sync.Mutex
	var samples []time.Duration
	var bytesRead, failures atomic.Int64
	end := time.Now().Add(d)
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(end) {
				start := time.Now()
				resp, err := client.Get(url)
				if err != nil {
					failures.Add(1)
					continue
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failures.Add(1)
					continue
				}
				bytesRead.Add(n)
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	s := loopback.Sorted(samples)
	fmt.Printf("serve: %s, %d connections, %v\n", url, conns, d)
	if len(s) == 0 {
		fmt.Printf("  no successful request (%d failures)\n", failures.Load())
		return
	}
	fmt.Printf("  %.0f req/s, %d bytes each, p50 %v p95 %v p99 %v, %d failures\n",
		float64(len(s))/d.Seconds(), bytesRead.Load()/int64(len(s)),
		loopback.Percentile(s, 50).Round(10*time.Microsecond), loopback.Percentile(s, 95).Round(10*time.Microsecond), loopback.Percentile(s, 99).Round(10*time.Microsecond), failures.Load())
}
