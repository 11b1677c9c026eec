package main

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
)

// Amplification attacks are small anonymous requests that used to make
// the server do (and answer) far more than they cost to send: one ID
// repeated thousands of times in nodes(ids:), many aliases of the whole
// schema's introspection, and Bearer tokens that do not exist (each one a
// database lookup, answered before the rate limiter ran). The server must
// refuse them or bound the answer; the report shows their codes and
// answer sizes.
func amplificationAttacks(t serverInfo) []weighted {
	var out []weighted
	if t.nodeID != "" {
		// A 60 KB request once produced a 258 MB answer.
		out = append(out,
			weighted{1, repeatedNodes("nodes (one ID ×4300)", t.nodeID, 4300)},
			weighted{1, repeatedNodes("nodes (one ID ×100)", t.nodeID, 100)},
		)
	}
	// A 6.6 KB request once returned 6.6 MB for a cost of 850.
	var intro strings.Builder
	intro.WriteString("{ ")
	for i := range 50 {
		fmt.Fprintf(&intro, "s%d: __schema { types { name kind description fields(includeDeprecated: true) "+
			"{ name description args { name type { name kind } } type { name kind ofType { name kind } } } } } ", i)
	}
	intro.WriteString("}")
	out = append(out, weighted{1, postJSON("introspection (50 aliases of __schema)", intro.String(), nil)})

	// Well-formed tokens that do not exist: a new one for every request
	// (no cache of refused tokens helps), and one sent again and again.
	fresh := postJSON("invalid token (new each request)", `{ stats { brandCount } }`, nil)
	fresh.freshToken = true
	repeated := postJSON("invalid token (repeated)", `{ stats { brandCount } }`, nil)
	repeated.bearer = wellFormedToken()
	return append(out, weighted{1, fresh}, weighted{1, repeated})
}

// repeatedNodes asks nodes(ids:) for the same ID n times, with the
// brand's long texts.
func repeatedNodes(kind, id string, n int) request {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = id
	}
	return postJSON(kind, `query Repeated($ids: [ID!]!) { nodes(ids: $ids) { id ... on Brand { slug nameZh zh: story(lang: ZH) en: story(lang: EN) } } }`,
		map[string]any{"ids": ids})
}

// wellFormedToken is a random token shaped like the server's own (the
// "bs_" prefix and 32 random bytes, base64url), which no server has issued.
func wellFormedToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on Linux
	return "bs_" + base64.RawURLEncoding.EncodeToString(b)
}
