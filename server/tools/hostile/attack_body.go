package main

import "strings"

// bodyAttacks are broken at the HTTP or JSON level: bodies of a megabyte
// and malformed JSON. They must be refused while reading the request,
// with a coded error and nothing of the body echoed.
func bodyAttacks() []weighted {
	out := []weighted{
		// A 1 MB body: a query whose comment fills a megabyte, and a
		// megabyte of variables.
		{1, postJSON("1 MB body (comment)", "#"+strings.Repeat("x", 1<<20)+"\n{ __typename }", nil)},
		{1, postJSON("1 MB body (variables)", `query Big($s: String!) { brand(slug: $s) { slug } }`,
			map[string]any{"s": strings.Repeat("红", 1<<20/3)})},
	}
	// Malformed JSON and other broken requests.
	for _, body := range []string{
		`{"query": "{ stats { brandCount } }", "variables": {`,
		`{"query": {"nested": ["not", "a", "string"]}}`,
		`[{"query":"{ stats { brandCount } }"},{"query":"{ about { notice } }"}]`,
		"\xff\xfe{\x00\"query\x00\"",
		`{"query": "{ stats { brandCount ` + strings.Repeat("{", 20000) + `"}`,
		strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000),
	} {
		out = append(out, weighted{1, request{kind: "malformed JSON", body: []byte(body), ctype: "application/json"}})
	}
	return out
}
