package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"brandshow/server/tools/loopback"
)

// latencyLine is "n=…  p50=…  p95=…  p99=…  max=…".
func latencyLine(lat []time.Duration) (string, time.Duration) {
	s := loopback.Sorted(lat)
	if len(s) == 0 {
		return "n=0", 0
	}
	p99 := loopback.Percentile(s, 99)
	return fmt.Sprintf("n=%-6d p50=%-9s p95=%-9s p99=%-9s max=%s",
		len(s), round(loopback.Percentile(s, 50)), round(loopback.Percentile(s, 95)), round(p99), round(s[len(s)-1])), p99
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
		fmt.Fprintln(tw, "  kind\tsent\tHTTP\tGraphQL error codes\ttimeouts\tconnection errors\tp50\tp99\tanswer bytes (max)")
		names := make([]string, 0, len(kinds))
		for k := range kinds {
			names = append(names, k)
		}
		sort.Strings(names)
		total := newTally()
		for _, k := range names {
			t := kinds[k]
			s := loopback.Sorted(t.latencies)
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", k, t.sent, counts(t.byClass), counts(t.byCode),
				t.timeouts, counts(t.connErrs), round(loopback.Percentile(s, 50)), round(loopback.Percentile(s, 99)), maxBytes(t.sizes))
			total.sent += t.sent
			total.timeouts += t.timeouts
			merge(total.byClass, t.byClass)
			merge(total.byCode, t.byCode)
			merge(total.connErrs, t.connErrs)
		}
		fmt.Fprintf(tw, "  all\t%d\t%s\t%s\t%d\t%s\t\t\t\n", total.sent, counts(total.byClass), counts(total.byCode),
			total.timeouts, counts(total.connErrs))
		tw.Flush()
	}

	if len(res.slow.results) > 0 {
		fmt.Fprintf(w, "\nslow bodies (64 KiB announced, 1 byte/s, at most %d open, each at most %s):\n", o.slowMax, o.slowHold)
		held := loopback.Sorted(res.slow.held)
		for _, k := range sortedKeys(res.slow.results) {
			fmt.Fprintf(w, "  %-50s %d\n", k, res.slow.results[k])
		}
		fmt.Fprintf(w, "  connection lifetime: p50=%s max=%s\n", round(loopback.Percentile(held, 50)), round(held[len(held)-1]))
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

// maxBytes is the largest answer, "-" when none was answered.
func maxBytes(sizes []int64) string {
	if len(sizes) == 0 {
		return "-"
	}
	m := slices.Max(sizes)
	switch {
	case m >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(m)/(1<<20))
	case m >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(m)/(1<<10))
	}
	return fmt.Sprintf("%d B", m)
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
