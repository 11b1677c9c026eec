package main

import "strings"

// depthAttacks nest selections far deeper than any client does: the
// server must refuse them before resolving a single level.
func depthAttacks() []weighted {
	// Very deep: brand → region → brands → … 40 times, each level a page of 100.
	var deep strings.Builder
	deep.WriteString(`{ brand(slug: "hongan-dasao") { slug `)
	for range 40 {
		deep.WriteString(`region { code brands(first: 100) { edges { node { slug `)
	}
	deep.WriteString(strings.Repeat(`} } } } `, 40) + `} }`)

	// Introspection that fans out: every type's fields' types' fields' … 8 times.
	introspection := "name"
	for range 8 {
		introspection = "name fields { name type { " + introspection + " } }"
	}
	return []weighted{
		{2, postJSON("deep nesting (40 levels)", deep.String(), nil)},
		{1, postJSON("deep nesting (500 parents)", `{ region(code: "421181") { `+
			strings.Repeat(`parent { code `, 500)+strings.Repeat(`} `, 500)+`} }`, nil)},
		{1, postJSON("deep introspection", "{ __schema { types { "+introspection+" } } }", nil)},
	}
}
