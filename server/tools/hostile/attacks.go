package main

import "math/rand/v2"

// weighted is a request with its weight in the attack mix.
type weighted struct {
	weight int
	req    request
}

// serverInfo is what the attacks need to know about the server under attack.
type serverInfo struct {
	nodeID string // the global ID of one published node, for nodes(ids:)
}

// hostileRequests are prepared once, so building them costs the attackers
// nothing during the attack. Each family of attacks lives in its own
// file; each kind of request has a weight in the mix.
func hostileRequests(t serverInfo) []weighted {
	var out []weighted
	for _, family := range [][]weighted{
		depthAttacks(),
		costAttacks(),
		bodyAttacks(),
		amplificationAttacks(t),
	} {
		out = append(out, family...)
	}
	return out
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
