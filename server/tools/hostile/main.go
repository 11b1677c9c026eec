// Command hostile puts a running brandshow server under hostile load and
// reports whether it keeps serving the public: it first sends only valid
// queries (a warm-up that measures the unloaded latency), then keeps the
// same valid queries going while attackers send very deep, costly, huge,
// wide, malformed, slow and amplifying requests (one ID repeated in
// nodes(ids:), aliased introspection, invalid Bearer tokens), and prints
// the valid-query latency in both phases, what every kind of request got
// back (codes and answer sizes), and the server's peak memory. Each family
// of attacks is in its own attack_*.go file.
//
//	go build -o /tmp/brandshow ./server
//	(cd "$(mktemp -d)" && ADDR=127.0.0.1:8090 exec /tmp/brandshow) &
//	go run ./server/tools/hostile -url http://127.0.0.1:8090/graphql -duration 2m -concurrency 16 -pid $!
//
// It only ever talks to the loopback interface (127.0.0.0/8, ::1 or
// localhost): any other host is refused before a request is sent, every
// connection is checked again when it is dialled, proxies from the
// environment are ignored and redirects are not followed. It stops by
// itself after -duration or -max-requests, whichever comes first.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"brandshow/server/tools/loopback"
)

// options are the command-line settings.
type options struct {
	target      *url.URL
	duration    time.Duration
	warmup      time.Duration
	concurrency int
	probes      int
	probeEvery  time.Duration
	maxRequests int64
	timeout     time.Duration
	slowMax     int
	slowHold    time.Duration
	pid         int
	attackFrom  net.IP // local loopback address of the attackers, nil: default
}

func main() {
	opts, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	report, err := run(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
	report.print(os.Stdout, opts)
}

func parseFlags(args []string) (options, error) {
	var o options
	var rawURL string
	fs := flag.NewFlagSet("hostile", flag.ContinueOnError)
	fs.StringVar(&rawURL, "url", "", "GraphQL endpoint on the loopback interface, e.g. http://127.0.0.1:8080/graphql (required)")
	fs.DurationVar(&o.duration, "duration", 2*time.Minute, "total run time, warm-up included")
	fs.DurationVar(&o.warmup, "warmup", 0, "valid-queries-only phase at the start; 0 means a quarter of -duration (at most 30s)")
	fs.IntVar(&o.concurrency, "concurrency", 16, "attacking workers during the attack phase")
	fs.IntVar(&o.probes, "probes", 2, "workers sending valid queries in both phases (their latency is what is reported)")
	fs.DurationVar(&o.probeEvery, "probe-interval", 50*time.Millisecond, "pause of each probe between two valid queries")
	fs.Int64Var(&o.maxRequests, "max-requests", 200000, "stop after this many requests in all")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Second, "client deadline of one request")
	fs.IntVar(&o.slowMax, "slow-max", 4, "slow-body (slowloris) connections open at once during the attack")
	fs.DurationVar(&o.slowHold, "slow-hold", 20*time.Second, "longest time one slow-body connection trickles its body")
	fs.IntVar(&o.pid, "pid", 0, "server process id: its memory (VmRSS, VmHWM in /proc/PID/status) is sampled and reported")
	attackFrom := fs.String("attack-from", "", "local loopback address for the attackers (e.g. 127.0.0.2), so a per-IP rate limiter tells them from the probes")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if *attackFrom != "" {
		ip := net.ParseIP(*attackFrom)
		if ip == nil || !ip.IsLoopback() {
			return o, fmt.Errorf("-attack-from must be a loopback address, got %q", *attackFrom)
		}
		o.attackFrom = ip
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if rawURL == "" {
		return o, errors.New("-url is required")
	}
	target, err := loopback.URL(rawURL)
	if err != nil {
		return o, fmt.Errorf("-url: %w", err)
	}
	o.target = target
	if o.duration <= 0 || o.duration > time.Hour {
		return o, errors.New("-duration must be between 0 and 1h")
	}
	if o.warmup == 0 {
		o.warmup = min(o.duration/4, 30*time.Second)
	}
	if o.warmup <= 0 || o.warmup >= o.duration {
		return o, errors.New("-warmup must be positive and shorter than -duration")
	}
	if o.concurrency < 1 || o.concurrency > 1024 || o.probes < 1 || o.probes > 64 {
		return o, errors.New("-concurrency must be 1..1024 and -probes 1..64")
	}
	if o.maxRequests < 1 || o.timeout <= 0 || o.slowMax < 0 || o.slowHold <= 0 {
		return o, errors.New("-max-requests, -timeout and -slow-hold must be positive, -slow-max not negative")
	}
	return o, nil
}
