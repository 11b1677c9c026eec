package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"brandshow/server/tools/loopback"
)

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
	client := loopback.Client(loopback.ClientOptions{
		Timeout: o.timeout, IdleConns: o.concurrency + o.probes, IdleTimeout: 30 * time.Second,
	})
	defer client.CloseIdleConnections()
	attacker := client
	if o.attackFrom != nil {
		attacker = loopback.Client(loopback.ClientOptions{
			Timeout: o.timeout, IdleConns: o.concurrency, IdleTimeout: 30 * time.Second, From: o.attackFrom,
		})
		defer attacker.CloseIdleConnections()
	}

	slugs, info, err := brandSlugs(parent, client, o.target)
	if err != nil {
		return nil, fmt.Errorf("the server does not answer a valid query, so there is nothing to measure: %w", err)
	}
	valid := validRequests(slugs)
	mix := hostileRequests(info)

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
// brand-page probes use, and a brand's global ID for the attacks on
// nodes(ids:); it also proves the server answers at all.
func brandSlugs(ctx context.Context, client *http.Client, target *url.URL) ([]string, serverInfo, error) {
	var info serverInfo
	req := postJSON("slugs", `{ brands(first: 50) { edges { node { id slug } } } }`, nil)
	httpReq, err := req.build(ctx, target)
	if err != nil {
		return nil, info, err
	}
	resp, err := client.Do(httpReq)
	if err != nil {
		return nil, info, err
	}
	defer resp.Body.Close()
	var answer struct {
		Data struct {
			Brands struct {
				Edges []struct {
					Node struct{ ID, Slug string } `json:"node"`
				} `json:"edges"`
			} `json:"brands"`
		} `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&answer); err != nil {
		return nil, info, fmt.Errorf("HTTP %d: %w", resp.StatusCode, err)
	}
	if resp.StatusCode != http.StatusOK || len(answer.Errors) > 0 {
		return nil, info, fmt.Errorf("HTTP %d, errors %s", resp.StatusCode, answer.Errors)
	}
	var slugs []string
	for _, e := range answer.Data.Brands.Edges {
		slugs = append(slugs, e.Node.Slug)
		info.nodeID = cmp.Or(info.nodeID, e.Node.ID)
	}
	if len(slugs) == 0 {
		return nil, info, errors.New("no published brands: load the demo content first")
	}
	return slugs, info, nil
}
