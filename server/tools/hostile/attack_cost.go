package main

import (
	"fmt"
	"strings"
)

// costAttacks are small or ordinary-looking requests that ask for a huge
// amount of work: nested pages, huge page sizes, many aliases and many
// fragments. The cost limit must refuse them before execution.
func costAttacks() []weighted {
	// Wide alias bomb: 1000 aliased pages of 100.
	var aliases strings.Builder
	aliases.WriteString("{ ")
	for i := range 1000 {
		fmt.Fprintf(&aliases, "a%d: brands(first: 100) { totalCount edges { node { slug nameZh } } } ", i)
	}
	aliases.WriteString("}")

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

	return []weighted{
		// Costly: pages of 100 nested four times (GitHub-style cost 10^8).
		{2, postJSON("costly nested pages", `{ brands(first: 100) { edges { node { slug
  roleModels(first: 100) { edges { node { slug brands(first: 100) { edges { node { slug
  mediaCoverages(first: 100) { totalCount edges { node { slug title brands(first: 100) { totalCount } } } } } } } } } } } } } }`, nil)},
		// Huge first values.
		{1, postJSON("huge first", `{ brands(first: 1000000000) { edges { node { slug } } } }`, nil)},
		{1, getQuery("huge first", `{ featuredBrands(first: 2147483647) { slug } venuesNear(lat: 30, lng: 114, radiusKm: 1e300, first: 99999999) { distanceKm } }`)},
		{1, postJSON("alias bomb (1000 aliases)", aliases.String(), nil)},
		{1, postJSON("fragments (3000)", frags.String(), nil)},
	}
}
