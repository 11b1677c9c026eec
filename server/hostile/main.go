// Command hostile puts a running brandshow server under hostile load and
// reports whether it keeps serving the public: it first sends only valid
// queries (a warm-up that measures the unloaded latency), then keeps the
// same valid queries going while attackers send very deep, costly, huge,
// wide, malformed and slow requests, and prints the valid-query latency in
// both phases, what every kind of request got back, and the server's peak
// memory.
//
//	go build -o /tmp/brandshow ./server
//	(cd "$(mktemp -d)" && ADDR=127.0.0.1:8090 exec /tmp/brandshow) &
//	go run ./server/hostile -url http://127.0.0.1:8090/graphql -duration 2m -concurrency 16 -pid $!
//
// It only ever talks to the loopback interface (127.0.0.0/8, ::1 or
// localhost): any other host is refused before a request is sent, every
// connection is checked again when it is dialled, proxies from the
// environment are ignored and redirects are not followed. It stops by
// itself after -duration or -max-requests, whichever comes first.
package main

import (
	"bufio"
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
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"
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
	target, err := loopbackURL(rawURL)
	if err != nil {
		return o, err
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

// loopbackURL parses raw and accepts it only when its host is on the
// loopback interface: 127.0.0.0/8, ::1 or the name localhost.
func loopbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("-url: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("-url: scheme must be http or https, got %q", u.Scheme)
	}
	if u.User != nil {
		return nil, errors.New("-url: no credentials in the URL")
	}
	host := u.Hostname()
	if host == "" {
		return nil, errors.New("-url: no host")
	}
	if !isLoopbackHost(host) {
		return nil, fmt.Errorf("-url: %q is not a loopback host (127.0.0.0/8, ::1 or localhost): this tool only loads servers on this machine", host)
	}
	return u, nil
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loopbackDialer dials only loopback addresses, whatever a name resolves to.
func loopbackDialer(timeout time.Duration) *net.Dialer {
	return loopbackDialerFrom(timeout, nil)
}

// loopbackDialerFrom is loopbackDialer with a local (loopback) source
// address, so attackers and probes can look like different clients to the
// server's per-IP rate limiter.
func loopbackDialerFrom(timeout time.Duration, local net.IP) *net.Dialer {
	var localAddr net.Addr
	if local != nil {
		localAddr = &net.TCPAddr{IP: local}
	}
	return &net.Dialer{
		Timeout:   timeout,
		LocalAddr: localAddr,
		Control: func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				return fmt.Errorf("refusing to connect to %s: not a loopback address", address)
			}
			return nil
		},
	}
}

// ---------------------------------------------------------------------
// Requests

// request is one prepared HTTP request: GraphQL by POST (JSON body) or GET.
type request struct {
	kind  string
	get   bool
	query string // the URL query string for GET
	body  []byte // the body for POST
	ctype string
}

func postJSON(kind, query string, vars map[string]any) request {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err)
	}
	return request{kind: kind, body: body, ctype: "application/json"}
}

func getQuery(kind, query string) request {
	return request{kind: kind, get: true, query: url.Values{"query": {query}}.Encode()}
}

// The valid queries are what the README's clients send.
const (
	featuredPageQuery = `query FeaturedPage {
  featuredBrands(first: 6, category: QUALITY_SERVICE) {
    slug name summary category level
    region { code name parent { name } }
    roleModels(first: 3) { edges { node { slug name kind } } }
    mediaCoverages { totalCount }
  }
  stats { brandCount workersEmployed }
  about { sampleContent notice }
}`
	brandPageQuery = `query BrandPage($slug: String!) {
  brand(slug: $slug) {
    name(lang: EN) story(lang: EN) industry(lang: EN)
    logo { url alt width height }
    roleModels(first: 10) { edges { node { name(lang: EN) kind title(lang: EN) } } }
    venues(first: 5) { edges { node { name(lang: EN) kind openingHours(lang: EN) } } }
  }
}`
	statsQuery = `query KeyFigures { stats { brandCount roleModelCount venueCount mediaCoverageCount workersEmployed
  brandsByCategory { category count } brandsByLevel { level count }
  brandsByPrefecture { region { code name } count } } }`
	venuesNearQuery = `query Nearby($lat: Float!, $lng: Float!) {
  venuesNear(lat: $lat, lng: $lng, radiusKm: 15, first: 5) {
    distanceKm venue { name(lang: EN) address(lang: EN) latitude longitude }
  }
}`
)

// validRequests are the probes' queries: four kinds, each equally likely,
// with a brand page for every known slug.
func validRequests(slugs []string) [][]request {
	brandPages := make([]request, 0, len(slugs))
	for _, s := range slugs {
		brandPages = append(brandPages, postJSON("valid brand page", brandPageQuery, map[string]any{"slug": s}))
	}
	return [][]request{
		{postJSON("valid featured page", featuredPageQuery, nil), getQuery("valid featured page", featuredPageQuery)},
		brandPages,
		{postJSON("valid stats", statsQuery, nil)},
		{
			postJSON("valid venuesNear", venuesNearQuery, map[string]any{"lat": 30.58, "lng": 114.30}),
			postJSON("valid venuesNear", venuesNearQuery, map[string]any{"lat": 30.65, "lng": 114.18}),
		},
	}
}

// hostileRequests are prepared once, so building them costs the attackers
// nothing during the attack. Each kind has a weight in the mix.
func hostileRequests() []weighted {
	var out []weighted
	add := func(weight int, r request) { out = append(out, weighted{weight, r}) }

	// Very deep: brand → region → brands → … 40 times, each level a page of 100.
	var deep strings.Builder
	deep.WriteString(`{ brand(slug: "hongan-dasao") { slug `)
	for range 40 {
		deep.WriteString(`region { code brands(first: 100) { edges { node { slug `)
	}
	deep.WriteString(strings.Repeat(`} } } } `, 40) + `} }`)
	add(2, postJSON("deep nesting (40 levels)", deep.String(), nil))
	add(1, postJSON("deep nesting (500 parents)", `{ region(code: "421181") { `+
		strings.Repeat(`parent { code `, 500)+strings.Repeat(`} `, 500)+`} }`, nil))
	// Introspection that fans out: every type's fields' types' fields' … 8 times.
	introspection := "name"
	for range 8 {
		introspection = "name fields { name type { " + introspection + " } }"
	}
	add(1, postJSON("deep introspection", "{ __schema { types { "+introspection+" } } }", nil))

	// Costly: pages of 100 nested four times (GitHub-style cost 10^8).
	add(2, postJSON("costly nested pages", `{ brands(first: 100) { edges { node { slug
  roleModels(first: 100) { edges { node { slug brands(first: 100) { edges { node { slug
  mediaCoverages(first: 100) { totalCount edges { node { slug title brands(first: 100) { totalCount } } } } } } } } } } } } } }`, nil))

	// Huge first values.
	add(1, postJSON("huge first", `{ brands(first: 1000000000) { edges { node { slug } } } }`, nil))
	add(1, getQuery("huge first", `{ featuredBrands(first: 2147483647) { slug } venuesNear(lat: 30, lng: 114, radiusKm: 1e300, first: 99999999) { distanceKm } }`))

	// Wide alias bomb: 1000 aliased pages of 100.
	var aliases strings.Builder
	aliases.WriteString("{ ")
	for i := range 1000 {
		fmt.Fprintf(&aliases, "a%d: brands(first: 100) { totalCount edges { node { slug nameZh } } } ", i)
	}
	aliases.WriteString("}")
	add(1, postJSON("alias bomb (1000 aliases)", aliases.String(), nil))

	// Thousands of fragments, all spread side by side on the same fields:
	// the validator compares overlapping fields pairwise.
	var frags strings.Builder
	frags.WriteString("query Fragments { ")
	for i := range 3000 {
		fmt.Fprintf(&frags, "...F%d ", i)
	}
	frags.WriteString("} ")
	for i := range 3000 {
		fmt.Fprintf(&frags, "fragment F%d on Query { stats { brandCount workersEmployed } about { notice } } ", i)
	}
	add(1, postJSON("fragments (3000)", frags.String(), nil))

	// A 1 MB body: a query whose comment fills a megabyte, and a megabyte
	// of variables.
	add(1, postJSON("1 MB body (comment)", "#"+strings.Repeat("x", 1<<20)+"\n{ __typename }", nil))
	add(1, postJSON("1 MB body (variables)", `query Big($s: String!) { brand(slug: $s) { slug } }`,
		map[string]any{"s": strings.Repeat("红", 1<<20/3)}))

	// Malformed JSON and other broken requests.
	for _, body := range []string{
		`{"query": "{ stats { brandCount } }", "variables": {`,
		`{"query": {"nested": ["not", "a", "string"]}}`,
		`[{"query":"{ stats { brandCount } }"},{"query":"{ about { notice } }"}]`,
		"\xff\xfe{\x00\"query\x00\"",
		`{"query": "{ stats { brandCount ` + strings.Repeat("{", 20000) + `"}`,
		strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000),
	} {
		add(1, request{kind: "malformed JSON", body: []byte(body), ctype: "application/json"})
	}
	return out
}

type weighted struct {
	weight int
	req    request
}

// pick chooses a request from the mix by weight.
func pick(mix []weighted, rng *rand.Rand) request {
	total := 0
	for _, w := range mix {
		total += w.weight
	}
	n := rng.IntN(total)
	for _, w := range mix {
		if n < w.weight {
			return w.req
		}
		n -= w.weight
	}
	return mix[len(mix)-1].req
}

// ---------------------------------------------------------------------
// Results

// outcome is what one request got back.
type outcome struct {
	kind    string
	latency time.Duration
	status  int      // 0 when no HTTP answer
	codes   []string // GraphQL error codes (extensions.code, or "no code")
	failure string   // "timeout", "connection error: …" or ""
}

// tally counts the outcomes of one kind of request.
type tally struct {
	sent      int
	byClass   map[string]int // "2xx", "4xx", …
	byCode    map[string]int // GraphQL error code → count
	timeouts  int
	connErrs  map[string]int
	latencies []time.Duration
}

func newTally() *tally {
	return &tally{byClass: map[string]int{}, byCode: map[string]int{}, connErrs: map[string]int{}}
}

func (t *tally) add(o outcome) {
	t.sent++
	t.latencies = append(t.latencies, o.latency)
	switch {
	case o.failure == "timeout":
		t.timeouts++
	case o.failure != "":
		t.connErrs[o.failure]++
	default:
		t.byClass[fmt.Sprintf("%dxx", o.status/100)]++
	}
	for _, c := range o.codes {
		t.byCode[c]++
	}
}

// recorder collects outcomes per phase and kind.
type recorder struct {
	mu     sync.Mutex
	phases map[string]map[string]*tally // phase → kind → tally
	valid  map[string][]time.Duration   // phase → latencies of valid queries answered without error
	failed map[string]int               // phase → valid queries that did not get data
}

func newRecorder() *recorder {
	return &recorder{phases: map[string]map[string]*tally{}, valid: map[string][]time.Duration{}, failed: map[string]int{}}
}

func (r *recorder) add(phase string, o outcome, valid bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	kinds := r.phases[phase]
	if kinds == nil {
		kinds = map[string]*tally{}
		r.phases[phase] = kinds
	}
	t := kinds[o.kind]
	if t == nil {
		t = newTally()
		kinds[o.kind] = t
	}
	t.add(o)
	if valid {
		if o.status == http.StatusOK && len(o.codes) == 0 && o.failure == "" {
			r.valid[phase] = append(r.valid[phase], o.latency)
		} else {
			r.failed[phase]++
		}
	}
}

// ---------------------------------------------------------------------
// The run

const (
	phaseWarmup = "alone"
	phaseAttack = "under attack"
)

// result is everything the report prints.
type result struct {
	rec     *recorder
	slow    *slowStats
	mem     *memStats
	sent    int64
	stopped string
	warmup  time.Duration
	attack  time.Duration
	slugs   int
}

func run(parent context.Context, o options) (*result, error) {
	client := &http.Client{
		Timeout: o.timeout,
		Transport: &http.Transport{
			Proxy:               nil, // never through a proxy from the environment
			DialContext:         loopbackDialer(5 * time.Second).DialContext,
			MaxIdleConns:        o.concurrency + o.probes,
			MaxIdleConnsPerHost: o.concurrency + o.probes,
			IdleConnTimeout:     30 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer client.CloseIdleConnections()
	attacker := client
	if o.attackFrom != nil {
		attacker = &http.Client{
			Timeout: o.timeout,
			Transport: &http.Transport{
				Proxy:               nil,
				DialContext:         loopbackDialerFrom(5*time.Second, o.attackFrom).DialContext,
				MaxIdleConns:        o.concurrency,
				MaxIdleConnsPerHost: o.concurrency,
				IdleConnTimeout:     30 * time.Second,
			},
			CheckRedirect: client.CheckRedirect,
		}
		defer attacker.CloseIdleConnections()
	}

	slugs, err := brandSlugs(parent, client, o.target)
	if err != nil {
		return nil, fmt.Errorf("the server does not answer a valid query, so there is nothing to measure: %w", err)
	}
	valid := validRequests(slugs)
	mix := hostileRequests()

	res := &result{rec: newRecorder(), slow: &slowStats{}, slugs: len(slugs)}
	var sent atomic.Int64
	budget := func() bool { return sent.Add(1) <= o.maxRequests }

	ctx, cancel := context.WithTimeout(parent, o.duration)
	defer cancel()
	if o.pid > 0 {
		res.mem = watchMemory(ctx, o.pid)
	}

	var phase atomic.Value
	phase.Store(phaseWarmup)
	start := time.Now()

	var wg sync.WaitGroup
	// Probes: valid queries in both phases, with a pause between two, so
	// their own load is the same alone and under attack.
	for i := range o.probes {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			for ctx.Err() == nil && budget() {
				ph := phase.Load().(string)
				variants := valid[rng.IntN(len(valid))]
				req := variants[rng.IntN(len(variants))]
				out := send(ctx, client, o.target, req)
				if ctx.Err() != nil && out.failure != "" {
					break // cut off by the end of the run: not the server's doing
				}
				res.rec.add(ph, out, true)
				sleep(ctx, o.probeEvery)
			}
		})
	}

	// Warm-up, then the attack.
	sleep(ctx, o.warmup)
	res.warmup = time.Since(start)
	attackStart := time.Now()
	phase.Store(phaseAttack)
	for i := range o.concurrency {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 2))
			for ctx.Err() == nil && budget() {
				out := send(ctx, attacker, o.target, pick(mix, rng))
				if ctx.Err() != nil && out.failure != "" {
					break
				}
				res.rec.add(phaseAttack, out, false)
			}
		})
	}
	for range o.slowMax {
		wg.Go(func() {
			for ctx.Err() == nil && budget() {
				res.slow.add(slowBody(ctx, o.target, o.slowHold, o.attackFrom))
			}
		})
	}
	wg.Wait()
	res.attack = time.Since(attackStart)
	res.sent = min(sent.Load(), o.maxRequests)
	switch {
	case parent.Err() != nil:
		res.stopped = "interrupted"
	case res.sent >= o.maxRequests:
		res.stopped = fmt.Sprintf("stopped at -max-requests %d", o.maxRequests)
	default:
		res.stopped = "stopped at -duration"
	}
	return res, nil
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// brandSlugs asks the server for the published brands' slugs, which the
// brand-page probes use; it also proves the server answers at all.
func brandSlugs(ctx context.Context, client *http.Client, target *url.URL) ([]string, error) {
	req := postJSON("slugs", `{ brands(first: 50) { edges { node { slug } } } }`, nil)
	httpReq, err := req.build(ctx, target)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(httpReq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var answer struct {
		Data struct {
			Brands struct {
				Edges []struct {
					Node struct{ Slug string } `json:"node"`
				} `json:"edges"`
			} `json:"brands"`
		} `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&answer); err != nil {
		return nil, fmt.Errorf("HTTP %d: %w", resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK || len(answer.Errors) > 0 {
		return nil, fmt.Errorf("HTTP %d, errors %s", resp.StatusCode, answer.Errors)
	}
	var slugs []string
	for _, e := range answer.Data.Brands.Edges {
		slugs = append(slugs, e.Node.Slug)
	}
	if len(slugs) == 0 {
		return nil, errors.New("no published brands: load the demo content first")
	}
	return slugs, nil
}

func (r request) build(ctx context.Context, target *url.URL) (*http.Request, error) {
	u := *target
	if r.get {
		u.RawQuery = r.query
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/graphql-response+json, application/json")
		return req, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", r.ctype)
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	return req, nil
}

// send sends one request and classifies the answer.
func send(ctx context.Context, client *http.Client, target *url.URL, r request) outcome {
	out := outcome{kind: r.kind}
	req, err := r.build(ctx, target)
	if err != nil {
		out.failure = "connection error: " + err.Error()
		return out
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		out.latency = time.Since(start)
		out.failure = classifyError(err)
		return out
	}
	// Read the answer (large ones are read up to 64 MB, then drained) so
	// the latency includes the whole body.
	body, readErr := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	out.latency = time.Since(start)
	if readErr != nil {
		out.failure = classifyError(readErr)
		return out
	}
	out.status = resp.StatusCode
	out.codes = graphqlErrorCodes(body)
	return out
}

// graphqlErrorCodes returns the extensions.code of each error in a GraphQL
// answer ("no code" when it has none).
func graphqlErrorCodes(body []byte) []string {
	var answer struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &answer) != nil {
		if len(bytes.TrimSpace(body)) == 0 {
			return nil
		}
		return []string{"(answer is not JSON)"}
	}
	var codes []string
	for _, e := range answer.Errors {
		c := e.Extensions.Code
		if c == "" {
			c = "no code"
		}
		codes = append(codes, c)
	}
	return codes
}

// classifyError names a transport failure: "timeout" or a short
// "connection error: …".
func classifyError(err error) string {
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return "timeout"
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection error: refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection error: reset"
	case errors.Is(err, syscall.EPIPE):
		return "connection error: broken pipe"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection error: closed by server"
	case errors.Is(err, context.Canceled):
		return "connection error: cancelled"
	}
	return "connection error: other"
}

// ---------------------------------------------------------------------
// Slow bodies (slowloris)

// slowStats counts what the server did with slow bodies.
type slowStats struct {
	mu      sync.Mutex
	results map[string]int
	held    []time.Duration
}

func (s *slowStats) add(kind string, held time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.results == nil {
		s.results = map[string]int{}
	}
	s.results[kind]++
	s.held = append(s.held, held)
}

// slowBody opens a connection, announces a 64 KiB JSON body and trickles
// it one byte a second, until the server answers or closes the
// connection, or hold has passed. A server with a read timeout ends it
// early; one without lets a handful of such clients pin connections and
// goroutines for as long as they like.
func slowBody(ctx context.Context, target *url.URL, hold time.Duration, from net.IP) (string, time.Duration) {
	start := time.Now()
	addr := target.Host
	if target.Port() == "" {
		addr = net.JoinHostPort(target.Hostname(), map[string]string{"http": "80", "https": "443"}[target.Scheme])
	}
	if target.Scheme != "http" {
		sleep(ctx, time.Second)
		return "skipped (https)", 0
	}
	conn, err := loopbackDialerFrom(5*time.Second, from).DialContext(ctx, "tcp", addr)
	if err != nil {
		sleep(ctx, 100*time.Millisecond)
		return "could not connect", time.Since(start)
	}
	defer conn.Close()
	path := target.RequestURI()
	header := "POST " + path + " HTTP/1.1\r\nHost: " + target.Host +
		"\r\nContent-Type: application/json\r\nContent-Length: 65536\r\n\r\n"
	if _, err := conn.Write([]byte(header)); err != nil {
		return "closed by server before the body", time.Since(start)
	}
	answered := make(chan string, 1)
	go func() {
		line, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			answered <- "closed by server"
			return
		}
		fields := strings.Fields(line)
		if len(fields) >= 2 {
			answered <- "answered " + fields[1] + " by server"
			return
		}
		answered <- "answered by server"
	}()
	body := []byte(`{"query":"{ __typename }","pad":"` + strings.Repeat(" ", 65536))
	deadline := time.NewTimer(hold)
	defer deadline.Stop()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case how := <-answered:
			return how + " mid-body", time.Since(start)
		case <-deadline.C:
			return fmt.Sprintf("held open by client for the whole %s", hold), time.Since(start)
		case <-ctx.Done():
			return "cut off by the end of the run", time.Since(start)
		case <-tick.C:
			if _, err := conn.Write(body[i%len(body) : i%len(body)+1]); err != nil {
				return "closed by server mid-body", time.Since(start)
			}
		}
	}
}

// ---------------------------------------------------------------------
// Memory

// memStats follows the server's resident memory.
type memStats struct {
	mu       sync.Mutex
	startRSS int64 // kB
	peakRSS  int64 // kB, the highest VmRSS sampled
	hwm      int64 // kB, the kernel's VmHWM at the last sample
	samples  int
	err      string
}

// watchMemory samples /proc/PID/status every 200 ms until ctx ends.
func watchMemory(ctx context.Context, pid int) *memStats {
	m := &memStats{}
	sample := func() {
		rss, hwm, err := readMemory(pid)
		m.mu.Lock()
		defer m.mu.Unlock()
		if err != nil {
			if m.err == "" {
				m.err = err.Error()
			}
			return
		}
		if m.samples == 0 {
			m.startRSS = rss
		}
		m.samples++
		m.peakRSS = max(m.peakRSS, rss)
		m.hwm = max(m.hwm, hwm)
	}
	sample()
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				sample()
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return m
}

// readMemory reads VmRSS and VmHWM (in kB) from /proc/PID/status.
func readMemory(pid int) (rss, hwm int64, err error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, err
	}
	return parseStatus(data)
}

func parseStatus(data []byte) (rss, hwm int64, err error) {
	found := 0
	for line := range strings.SplitSeq(string(data), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) < 1 {
			continue
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", key, err)
		}
		if key == "VmRSS" {
			rss = n
		} else {
			hwm = n
		}
		found++
	}
	if found < 2 {
		return 0, 0, errors.New("no VmRSS/VmHWM in /proc/PID/status")
	}
	return rss, hwm, nil
}

// ---------------------------------------------------------------------
// Report

// percentile returns the nearest-rank p-th percentile of sorted values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p/100*float64(len(sorted))+0.999999999) - 1
	return sorted[max(0, min(rank, len(sorted)-1))]
}

// latencyLine is "n=…  p50=…  p95=…  p99=…  max=…".
func latencyLine(lat []time.Duration) (string, time.Duration) {
	s := append([]time.Duration(nil), lat...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s) == 0 {
		return "n=0", 0
	}
	p99 := percentile(s, 99)
	return fmt.Sprintf("n=%-6d p50=%-9s p95=%-9s p99=%-9s max=%s",
		len(s), round(percentile(s, 50)), round(percentile(s, 95)), round(p99), round(s[len(s)-1])), p99
}

func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

func (res *result) print(w io.Writer, o options) {
	fmt.Fprintf(w, "hostile load on %s: %s alone, then %s under attack (%d attackers, %d slow bodies, %d probes); %d requests, %s\n",
		o.target, res.warmup.Round(time.Second), res.attack.Round(time.Second), o.concurrency, o.slowMax, o.probes, res.sent, res.stopped)

	fmt.Fprintln(w, "\nvalid-query latency (featured page, brand page, stats, venuesNear; answered with data and no error):")
	alone, p99Alone := latencyLine(res.rec.valid[phaseWarmup])
	attacked, p99Attack := latencyLine(res.rec.valid[phaseAttack])
	fmt.Fprintf(w, "  alone:        %s\n", alone)
	fmt.Fprintf(w, "  under attack: %s\n", attacked)
	if p99Alone > 0 && p99Attack > 0 {
		ratio := float64(p99Attack) / float64(p99Alone)
		verdict := "within"
		if ratio > 3 {
			verdict = "OVER"
		}
		fmt.Fprintf(w, "  p99 under attack is %.1f× p99 alone (%s the issue's bound of 3×)\n", ratio, verdict)
	}
	fmt.Fprintf(w, "  valid queries without data: alone %d, under attack %d\n", res.rec.failed[phaseWarmup], res.rec.failed[phaseAttack])

	for _, ph := range []string{phaseWarmup, phaseAttack} {
		kinds := res.rec.phases[ph]
		if len(kinds) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nrequests %s, by kind:\n", ph)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  kind\tsent\tHTTP\tGraphQL error codes\ttimeouts\tconnection errors\tp50\tp99")
		names := make([]string, 0, len(kinds))
		for k := range kinds {
			names = append(names, k)
		}
		sort.Strings(names)
		total := newTally()
		for _, k := range names {
			t := kinds[k]
			s := append([]time.Duration(nil), t.latencies...)
			sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%d\t%s\t%s\t%s\n", k, t.sent, counts(t.byClass), counts(t.byCode),
				t.timeouts, counts(t.connErrs), round(percentile(s, 50)), round(percentile(s, 99)))
			total.sent += t.sent
			total.timeouts += t.timeouts
			merge(total.byClass, t.byClass)
			merge(total.byCode, t.byCode)
			merge(total.connErrs, t.connErrs)
		}
		fmt.Fprintf(tw, "  all\t%d\t%s\t%s\t%d\t%s\t\t\n", total.sent, counts(total.byClass), counts(total.byCode),
			total.timeouts, counts(total.connErrs))
		tw.Flush()
	}

	if len(res.slow.results) > 0 {
		fmt.Fprintf(w, "\nslow bodies (64 KiB announced, 1 byte/s, at most %d open, each at most %s):\n", o.slowMax, o.slowHold)
		held := append([]time.Duration(nil), res.slow.held...)
		sort.Slice(held, func(i, j int) bool { return held[i] < held[j] })
		for _, k := range sortedKeys(res.slow.results) {
			fmt.Fprintf(w, "  %-50s %d\n", k, res.slow.results[k])
		}
		fmt.Fprintf(w, "  connection lifetime: p50=%s max=%s\n", round(percentile(held, 50)), round(held[len(held)-1]))
	}

	if res.mem != nil {
		m := res.mem
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.samples == 0 {
			fmt.Fprintf(w, "\nserver memory (pid %d): not readable: %s\n", o.pid, m.err)
		} else {
			fmt.Fprintf(w, "\nserver memory (pid %d, %d samples): RSS at start %s, peak RSS sampled %s, VmHWM (kernel peak) %s\n",
				o.pid, m.samples, mib(m.startRSS), mib(m.peakRSS), mib(m.hwm))
		}
	}
}

func mib(kb int64) string { return fmt.Sprintf("%.1f MiB", float64(kb)/1024) }

func merge(dst, src map[string]int) {
	for k, v := range src {
		dst[k] += v
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// counts formats a map as "a:1 b:2", or "-" when empty.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "-"
	}
	parts := make([]string, 0, len(m))
	for _, k := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%s:%d", strings.TrimPrefix(k, "connection error: "), m[k]))
	}
	return strings.Join(parts, " ")
}
