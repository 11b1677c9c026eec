package main

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseFlagsBoundsTheRun(t *testing.T) {
	o, err := parseFlags([]string{"-url", "http://127.0.0.1:1/graphql", "-duration", "1m"})
	if err != nil {
		t.Fatal(err)
	}
	if o.warmup != 15*time.Second || o.maxRequests <= 0 {
		t.Errorf("warmup %s, max-requests %d", o.warmup, o.maxRequests)
	}
	for _, args := range [][]string{
		{},
		{"-url", "http://203.0.113.5/graphql"},
		{"-url", "http://127.0.0.1:1/graphql", "-duration", "0s"},
		{"-url", "http://127.0.0.1:1/graphql", "-duration", "2h"},
		{"-url", "http://127.0.0.1:1/graphql", "-max-requests", "0"},
		{"-url", "http://127.0.0.1:1/graphql", "-duration", "10s", "-warmup", "10s"},
	} {
		if _, err := parseFlags(args); err == nil {
			t.Errorf("parseFlags(%q) accepted", args)
		}
	}
}

func TestParseStatus(t *testing.T) {
	rss, hwm, err := parseStatus([]byte("Name:\tserver\nVmPeak:\t 900 kB\nVmHWM:\t   51200 kB\nVmRSS:\t   40960 kB\n"))
	if err != nil || rss != 40960 || hwm != 51200 {
		t.Errorf("parseStatus = %d, %d, %v", rss, hwm, err)
	}
	if _, _, err := parseStatus([]byte("Name:\tkthread\n")); err == nil {
		t.Error("parseStatus accepted a status without memory lines")
	}
}

func TestGraphQLErrorCodes(t *testing.T) {
	got := graphqlErrorCodes([]byte(`{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}},{"message":"y"}],"data":null}`))
	if !slices.Equal(got, []string{"BAD_USER_INPUT", "no code"}) {
		t.Errorf("codes = %q", got)
	}
	if got := graphqlErrorCodes([]byte(`{"data":{"stats":{}}}`)); len(got) != 0 {
		t.Errorf("codes of a clean answer = %q", got)
	}
	if got := graphqlErrorCodes([]byte(`<html>`)); !slices.Equal(got, []string{"(answer is not JSON)"}) {
		t.Errorf("codes of HTML = %q", got)
	}
}

func TestHostileMixIsBuilt(t *testing.T) {
	mix := hostileRequests(serverInfo{nodeID: "QnJhbmQ6MQ"})
	kinds := map[string]bool{}
	for _, w := range mix {
		kinds[w.req.kind] = true
		if w.weight < 1 {
			t.Errorf("%s has weight %d", w.req.kind, w.weight)
		}
	}
	for _, k := range []string{"deep nesting (40 levels)", "huge first", "alias bomb (1000 aliases)", "1 MB body (comment)", "malformed JSON", "fragments (3000)", "costly nested pages",
		"nodes (one ID ×4300)", "nodes (one ID ×100)", "introspection (50 aliases of __schema)",
		"invalid token (new each request)", "invalid token (repeated)"} {
		if !kinds[k] {
			t.Errorf("the mix has no %q", k)
		}
	}
}

func TestAmplificationAttacksAreWhatTheyClaim(t *testing.T) {
	byKind := map[string]request{}
	for _, w := range amplificationAttacks(serverInfo{nodeID: "QnJhbmQ6MQ"}) {
		byKind[w.req.kind] = w.req
	}
	var nodes struct {
		Variables struct{ IDs []string } `json:"variables"`
	}
	if err := json.Unmarshal(byKind["nodes (one ID ×4300)"].body, &nodes); err != nil {
		t.Fatal(err)
	}
	n := len(nodes.Variables.IDs)
	if distinct := slices.Compact(nodes.Variables.IDs); n != 4300 || len(distinct) != 1 || distinct[0] != "QnJhbmQ6MQ" {
		t.Errorf("nodes attack sends %d IDs (%d distinct), want one ID 4300 times", n, len(distinct))
	}
	if n := strings.Count(string(byKind["introspection (50 aliases of __schema)"].body), "__schema"); n != 50 {
		t.Errorf("introspection attack has %d aliases of __schema, want 50", n)
	}

	target, _ := url.Parse("http://127.0.0.1:1/graphql")
	tokens := func(r request) []string {
		var out []string
		for range 2 {
			req, err := r.build(context.Background(), target)
			if err != nil {
				t.Fatal(err)
			}
			scheme, tok, _ := strings.Cut(req.Header.Get("Authorization"), " ")
			if scheme != "Bearer" || !strings.HasPrefix(tok, "bs_") || len(tok) != 46 {
				t.Errorf("%s: Authorization %q is not a well-formed brandshow token", r.kind, req.Header.Get("Authorization"))
			}
			out = append(out, tok)
		}
		return out
	}
	if fresh := tokens(byKind["invalid token (new each request)"]); fresh[0] == fresh[1] {
		t.Error("the fresh-token attack sent the same token twice")
	}
	if repeated := tokens(byKind["invalid token (repeated)"]); repeated[0] != repeated[1] {
		t.Error("the repeated-token attack sent two tokens")
	}
}

func TestNodesAttacksNeedANodeID(t *testing.T) {
	for _, w := range hostileRequests(serverInfo{}) {
		if strings.HasPrefix(w.req.kind, "nodes") {
			t.Errorf("%s in the mix without a node ID", w.req.kind)
		}
	}
}
