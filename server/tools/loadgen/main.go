// Command loadgen runs a named mix of our clients' real GraphQL operations
// against a server for a fixed time at a fixed concurrency, and prints
// requests per second, latency percentiles, errors and SQL statements per
// request. The operations live in a directory per server (ops/brandshow for
// ours, peer/ops for the PostGraphile peer), so the same mix can be pointed
// at either; see ops.go for the layout.
//
//	go run ./server/tools/loadgen -url http://127.0.0.1:8090/graphql -mix public -duration 10s -c 32
//	go run ./server/tools/loadgen pgcount -listen 127.0.0.1:5433 -upstream 127.0.0.1:5432 &
//	go run ./server/tools/loadgen -url http://127.0.0.1:5678/graphql -ops server/tools/loadgen/peer/ops -metrics-url '' \
//	    -pg-count-url http://127.0.0.1:9187/metrics
//	go run ./server/tools/loadgen ceiling -from http://127.0.0.1:8090/graphql -addr 127.0.0.1:8099
//
// Like server/tools/hostile it only talks to the loopback interface and stops by
// itself after -duration. Workers are closed-loop: each sends its next
// request when the previous answer is read. At the end of -duration no new
// request starts and those in flight finish, so the tool's count equals
// the server's; req/s is completed requests over the elapsed time.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"brandshow/server/tools/loopback"
)

// options are the settings of a load run.
type options struct {
	target     *url.URL
	opsDir     string
	mix        string
	duration   time.Duration
	warmup     time.Duration
	conc       int
	timeout    time.Duration
	get        bool
	metricsURL string // "" to skip
	pgCountURL string // a pgcount proxy's /metrics, "" to skip
	seed       uint64
	// publishEvery > 0: an editor (token) unpublishes and publishes
	// publishSlug in turn at this interval during the measured run.
	publishEvery time.Duration
	token        string
	publishSlug  string
	// uploads > 0: that many editors (token) upload uploadMP-megapixel
	// JPEGs one after another during the measured run.
	uploads  int
	uploadMP float64
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	args := os.Args[1:]
	var err error
	switch {
	case len(args) > 0 && args[0] == "ceiling":
		err = ceilingCommand(ctx, args[1:], os.Stdout)
	case len(args) > 0 && args[0] == "pgcount":
		err = pgcountCommand(ctx, args[1:], os.Stdout)
	default:
		var o options
		if o, err = parseFlags(args); err == nil {
			var rep *Report
			if rep, err = run(ctx, o); err == nil {
				rep.Print(os.Stdout)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// defaultOpsDir is our server's operations, found from the repository root
// or from this package's directory (go test).
func defaultOpsDir() string {
	for _, d := range []string{"server/tools/loadgen/ops/brandshow", "ops/brandshow"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return "server/tools/loadgen/ops/brandshow"
}

func parseFlags(args []string) (options, error) {
	var o options
	var rawURL string
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.StringVar(&rawURL, "url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint (loopback only)")
	fs.StringVar(&o.opsDir, "ops", defaultOpsDir(), "operation directory of the target server")
	fs.StringVar(&o.mix, "mix", "public", "a mix named in the directory's mixes.txt, or inline: Op=3,Op=1")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "how long to send requests")
	fs.DurationVar(&o.warmup, "warmup", 0, "send the mix this long first, unmeasured (0: measure a cold server)")
	fs.IntVar(&o.conc, "c", 32, "concurrent connections (closed-loop workers)")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "per-request timeout")
	fs.BoolVar(&o.get, "get", false, "send queries by GET (?query=&variables=) instead of POST")
	fs.StringVar(&o.metricsURL, "metrics-url", "auto", "Prometheus endpoint with "+statementsMetric+"; auto = the target's /metrics, empty = skip")
	fs.StringVar(&o.pgCountURL, "pg-count-url", "", "/metrics of a `loadgen pgcount` proxy between the server and PostgreSQL: counts the statements of any server")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed of the operation and variable draws")
	fs.DurationVar(&o.publishEvery, "publish-every", 0, "during the measured run, unpublish and publish -publish-slug in turn this often as an editor (LOADGEN_TOKEN, a publisher's token); 0: no writes")
	fs.StringVar(&o.publishSlug, "publish-slug", "hongan-dasao", "the brand -publish-every writes")
	fs.IntVar(&o.uploads, "uploads", 0, "during the measured run, this many editors (LOADGEN_TOKEN) upload pictures one after another; 0: no uploads")
	fs.Float64Var(&o.uploadMP, "upload-mp", 12, "size of each -uploads JPEG in megapixels")
	o.token = os.Getenv("LOADGEN_TOKEN")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.publishEvery > 0 && o.token == "" {
		return o, errors.New("-publish-every needs a publisher's token in LOADGEN_TOKEN")
	}
	if o.uploads < 0 || o.uploadMP <= 0 || o.uploadMP > 50 {
		return o, errors.New("-uploads must be 0 or more and -upload-mp in (0, 50]")
	}
	if o.uploads > 0 && o.token == "" {
		return o, errors.New("-uploads needs an editor's token in LOADGEN_TOKEN")
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	u, err := loopback.URL(rawURL)
	if err != nil {
		return o, err
	}
	o.target = u
	if o.duration <= 0 || o.conc <= 0 || o.warmup < 0 || o.timeout <= 0 {
		return o, errors.New("-duration, -c and -timeout must be positive, -warmup not negative")
	}
	if o.metricsURL == "auto" {
		m := *u
		m.Path, m.RawQuery = "/metrics", ""
		o.metricsURL = m.String()
	}
	for _, m := range []string{o.metricsURL, o.pgCountURL} {
		if m == "" {
			continue
		}
		if _, err := loopback.URL(m); err != nil {
			return o, err
		}
	}
	return o, nil
}

// newClient is a loopback-only HTTP client with a connection per worker.
func newClient(conc int, timeout time.Duration) *http.Client {
	return loopback.Client(loopback.ClientOptions{Timeout: timeout, IdleConns: conc * 2, IdleTimeout: 90 * time.Second})
}

// Outcome is what one request got.
type Outcome struct {
	Op        string
	Latency   time.Duration
	Status    int    // 0: no HTTP answer
	Transport string // connection or timeout error, "" when answered
	GQLErrors []string
	Bytes     int
}

func (o Outcome) failed() bool {
	return o.Transport != "" || o.Status != http.StatusOK || len(o.GQLErrors) > 0
}

// encodeRequest builds one request as JSON (POST) or URL parameters (GET).
func encodeRequest(ctx context.Context, target *url.URL, op *Operation, vars map[string]any, get bool) (*http.Request, error) {
	if get {
		q := url.Values{"query": {op.Query}, "operationName": {op.Name}}
		if vars != nil {
			b, err := json.Marshal(vars)
			if err != nil {
				return nil, err
			}
			q.Set("variables", string(b))
		}
		u := *target
		u.RawQuery = q.Encode()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err == nil {
			req.Header.Set("Accept", "application/graphql-response+json, application/json")
		}
		return req, err
	}
	body, err := json.Marshal(map[string]any{"query": op.Query, "operationName": op.Name, "variables": vars})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target.String(), bytes.NewReader(body))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/graphql-response+json, application/json")
	}
	return req, err
}

// send sends one operation and classifies the answer; the latency includes
// reading the whole body.
func send(ctx context.Context, client *http.Client, target *url.URL, op *Operation, vars map[string]any, get bool) (Outcome, []byte) {
	out := Outcome{Op: op.Name}
	req, err := encodeRequest(ctx, target, op, vars, get)
	if err != nil {
		out.Transport = err.Error()
		return out, nil
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		out.Latency = time.Since(start)
		out.Transport = classifyError(err)
		return out, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	resp.Body.Close()
	out.Latency = time.Since(start)
	if err != nil {
		out.Transport = classifyError(err)
		return out, nil
	}
	out.Status = resp.StatusCode
	out.Bytes = len(body)
	out.GQLErrors = graphqlErrors(body)
	return out, body
}

// graphqlErrors returns each error's extensions.code, or its message when
// it has none; a body that is not a GraphQL answer is one error.
func graphqlErrors(body []byte) []string {
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		return []string{"not a GraphQL answer"}
	}
	var codes []string
	for _, e := range answer.Errors {
		if c, ok := e.Extensions["code"].(string); ok {
			codes = append(codes, c)
		} else {
			msg := e.Message
			if len(msg) > 60 {
				msg = msg[:60] + "…"
			}
			codes = append(codes, msg)
		}
	}
	if len(answer.Errors) == 0 && (len(answer.Data) == 0 || string(answer.Data) == "null") {
		codes = append(codes, "no data")
	}
	return codes
}

func classifyError(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection reset"
	}
	return "connection error"
}

// setup fills the pools that the operations of ops use, running the
// directory's setup query when one of them reads it. A mix without pools
// sends nothing (the ceiling handler would not answer a setup query).
func setup(ctx context.Context, client *http.Client, o options, d *OpsDir, ops ...string) (Pools, error) {
	specs := map[string]json.RawMessage{}
	needsSetup := false
	for _, name := range ops {
		for _, ref := range poolRefs(d.Operations[name].Vars) {
			specs[ref] = d.PoolSpecs[ref]
			var path string
			needsSetup = needsSetup || json.Unmarshal(specs[ref], &path) == nil
		}
	}
	var answer any
	if d.Setup != "" && needsSetup {
		op := &Operation{Name: operationName(d.Setup), Query: d.Setup}
		out, body := send(ctx, client, o.target, op, nil, false)
		if out.failed() {
			return nil, fmt.Errorf("setup query: HTTP %d %s %v %.300s", out.Status, out.Transport, out.GQLErrors, body)
		}
		if err := json.Unmarshal(body, &answer); err != nil {
			return nil, fmt.Errorf("setup query: %w", err)
		}
	}
	return buildPools(specs, answer)
}

// operationName is the name after "query" in a document, "" when anonymous.
func operationName(doc string) string {
	for _, line := range strings.Split(doc, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "query "); ok {
			return strings.TrimSpace(strings.FieldsFunc(rest, func(r rune) bool { return r == '(' || r == '{' || r == ' ' })[0])
		}
	}
	return ""
}

// Report is the result of a run.
type Report struct {
	Target     string
	Mix        Mix
	Conc       int
	Elapsed    time.Duration
	Outcomes   []Outcome
	Statements *StatementCounter // server-side delta, nil when not read
	PGCount    *float64          // statements seen by a pgcount proxy, nil when not read
	Notes      []string
}

// run loads, sets up, optionally warms up, then measures.
func run(ctx context.Context, o options) (*Report, error) {
	d, err := loadOpsDir(o.opsDir)
	if err != nil {
		return nil, err
	}
	mix, err := d.mix(o.mix)
	if err != nil {
		return nil, err
	}
	client := newClient(o.conc, o.timeout)
	defer client.CloseIdleConnections()
	var ops []string
	for _, e := range mix.Entries {
		ops = append(ops, e.Op)
	}
	pools, err := setup(ctx, client, o, d, ops...)
	if err != nil {
		return nil, err
	}
	if o.warmup > 0 {
		load(ctx, client, o, d, mix, pools, o.warmup, o.seed+1)
	}
	rep := &Report{Target: o.target.String(), Mix: mix, Conc: o.conc}
	var pgBefore float64
	if o.pgCountURL != "" {
		if pgBefore, err = readPGCount(ctx, client, o.pgCountURL); err != nil {
			return nil, err
		}
	}
	var before StatementCounter
	if o.metricsURL != "" {
		if before, err = readStatements(ctx, client, o.metricsURL); err != nil {
			return nil, err
		}
	}
	var wr *writer
	if o.publishEvery > 0 {
		if wr, err = newWriter(ctx, client, o.target, o.token, o.publishSlug); err != nil {
			return nil, err
		}
		wctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { wr.run(wctx, o.publishEvery); close(done) }()
		defer func() { stop(); <-done }()
	}
	var up *uploaders
	if o.uploads > 0 {
		if up, err = newUploaders(client, o.target, o.token, o.uploads, o.uploadMP); err != nil {
			return nil, err
		}
		uctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { up.run(uctx, o.uploads); close(done) }()
		defer func() { stop(); <-done }()
	}
	rep.Outcomes, rep.Elapsed = load(ctx, client, o, d, mix, pools, o.duration, o.seed)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var writes int64
	if wr != nil {
		writes = wr.writes.Load()
		rep.Notes = append(rep.Notes, fmt.Sprintf("an editor published or unpublished %s %d times (every %s), %d failed", o.publishSlug, writes, o.publishEvery, wr.errors.Load()))
	}
	if up != nil {
		rep.Notes = append(rep.Notes, up.note(o.uploads, o.uploadMP))
	}
	if o.metricsURL != "" {
		after, err := readStatements(ctx, client, o.metricsURL)
		if err != nil {
			return nil, err
		}
		rep.Statements = &StatementCounter{Statements: after.Statements - before.Statements, Requests: after.Requests - before.Requests}
		extra := int(writes) // the editors' requests, not the run's
		if up != nil {
			extra += int(up.uploads.Load() + up.errors.Load())
		}
		if n := int(rep.Statements.Requests); n != len(rep.Outcomes) && (extra == 0 || n < len(rep.Outcomes) || n > len(rep.Outcomes)+extra+2+o.uploads) {
			rep.Notes = append(rep.Notes, fmt.Sprintf("the server counted %.0f GraphQL requests, this tool %d: is someone else loading it?", rep.Statements.Requests, len(rep.Outcomes)))
		}
	}
	if o.pgCountURL != "" {
		after, err := readPGCount(ctx, client, o.pgCountURL)
		if err != nil {
			return nil, err
		}
		delta := after - pgBefore
		rep.PGCount = &delta
	}
	return rep, nil
}

// load runs the closed-loop workers for d and returns every outcome of a
// request that started before the end; those in flight at the end finish.
func load(ctx context.Context, client *http.Client, o options, d *OpsDir, mix Mix, pools Pools, dur time.Duration, seed uint64) ([]Outcome, time.Duration) {
	start := time.Now()
	end := start.Add(dur)
	results := make([][]Outcome, o.conc)
	var wg sync.WaitGroup
	for w := range o.conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(w)))
			for time.Now().Before(end) && ctx.Err() == nil {
				op := d.Operations[mix.pick(rng)]
				out, _ := send(ctx, client, o.target, op, pools.instantiate(op.Vars, rng), o.get)
				results[w] = append(results[w], out)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []Outcome
	for _, r := range results {
		all = append(all, r...)
	}
	return all, elapsed
}

// Print writes the report as aligned text.
func (r *Report) Print(w io.Writer) {
	total, failed, lat := r.summary(r.Outcomes)
	fmt.Fprintf(w, "target %s  mix %s  c=%d  elapsed %s  GOMAXPROCS=%d\n", r.Target, mixString(r.Mix), r.Conc, r.Elapsed.Round(time.Millisecond), runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "requests %d  %.1f req/s  errors %d (%s)\n", total, float64(total)/r.Elapsed.Seconds(), failed, errorSummary(r.Outcomes))
	fmt.Fprintf(w, "latency p50 %s  p95 %s  p99 %s  max %s\n", ms(lat.Percentile(50)), ms(lat.Percentile(95)), ms(lat.Percentile(99)), ms(lat.Percentile(100)))
	if r.Statements != nil && r.Statements.Requests > 0 {
		fmt.Fprintf(w, "SQL statements/request (server /metrics): %.2f  (%.0f statements, %.0f requests)\n", r.Statements.Statements/r.Statements.Requests, r.Statements.Statements, r.Statements.Requests)
	}
	if r.PGCount != nil && total > 0 {
		fmt.Fprintf(w, "SQL statements/request (pgcount proxy): %.2f  (%.0f statements)\n", *r.PGCount/float64(total), *r.PGCount)
	}
	byOp := map[string][]Outcome{}
	for _, o := range r.Outcomes {
		byOp[o.Op] = append(byOp[o.Op], o)
	}
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "  operation\trequests\treq/s\tp50\tp95\tp99\terrors\tbytes/answer")
	for _, name := range sortedKeys(byOp) {
		outs := byOp[name]
		n, f, l := r.summary(outs)
		var bytes int
		for _, o := range outs {
			bytes += o.Bytes
		}
		fmt.Fprintf(tw, "  %s\t%d\t%.1f\t%s\t%s\t%s\t%d\t%d\n", name, n, float64(n)/r.Elapsed.Seconds(),
			ms(l.Percentile(50)), ms(l.Percentile(95)), ms(l.Percentile(99)), f, bytes/max(n, 1))
	}
	tw.Flush()
	for _, n := range r.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}

func (r *Report) summary(outs []Outcome) (int, int, Latencies) {
	lat := make(Latencies, 0, len(outs))
	failed := 0
	for _, o := range outs {
		lat = append(lat, o.Latency)
		if o.failed() {
			failed++
		}
	}
	return len(outs), failed, lat.Sorted()
}

// errorSummary counts failures by kind: "HTTP 429: 3, GraphQL INTERNAL: 1".
func errorSummary(outs []Outcome) string {
	kinds := map[string]int{}
	for _, o := range outs {
		switch {
		case o.Transport != "":
			kinds[o.Transport]++
		case o.Status != http.StatusOK:
			kinds[fmt.Sprintf("HTTP %d", o.Status)]++
		}
		for _, c := range o.GQLErrors {
			kinds["GraphQL "+c]++
		}
	}
	if len(kinds) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range sortedKeys(kinds) {
		parts = append(parts, fmt.Sprintf("%s: %d", k, kinds[k]))
	}
	return strings.Join(parts, ", ")
}

func mixString(m Mix) string {
	parts := []string{}
	for _, e := range m.Entries {
		parts = append(parts, fmt.Sprintf("%s=%d", e.Op, e.Weight))
	}
	sort.Strings(parts)
	return m.Name + " (" + strings.Join(parts, " ") + ")"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }
