package main

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// outcome is what one request got back.
type outcome struct {
	kind    string
	latency time.Duration
	status  int      // 0 when no HTTP answer
	size    int64    // bytes of the answer's body
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
	sizes     []int64 // answer bytes of the requests answered
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
		t.sizes = append(t.sizes, o.size)
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
