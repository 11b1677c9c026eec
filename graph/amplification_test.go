package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"testing"

	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/graph"
	"brandshow/server/httpapp"
	"brandshow/server/respcache"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

// These tests hold the promise that work is bounded by what is returned:
// a small request cannot make the server build a huge answer, whether by
// repeating IDs, by aliasing introspection or by selecting long texts.

// answer is a decoded GraphQL response with its extensions and HTTP facts.
type answer struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlError      `json:"errors"`
	Extensions struct {
		Cost graph.Cost `json:"cost"`
	} `json:"extensions"`
	status int
	header http.Header
	size   int
}

func ask(t *testing.T, h http.Handler, query string, vars map[string]any) answer {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var a answer
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatalf("decode %.300q: %v", rec.Body.String(), err)
	}
	a.status, a.header, a.size = rec.Code, rec.Header(), rec.Body.Len()
	return a
}

func (a answer) code() any {
	if len(a.Errors) == 0 {
		return nil
	}
	return a.Errors[0].Extensions["code"]
}

// longBody gives one published report a body of n Chinese characters (3
// bytes each in the answer) and returns its ID.
func longBody(t *testing.T, db *store.DB, n int) string {
	t.Helper()
	ctx := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "t", Role: visibility.RoleAdmin})
	mc := db.Client.MediaCoverage.Query().Where(mediacoverage.StatusEQ(schematype.StatusPublished)).FirstX(ctx)
	// Written as the system, as fixtures are: an admin's edit of a published
	// item would wait as a pending revision.
	mc.Update().SetBodyZh(strings.Repeat("秘", n)).ExecX(visibility.WithSystem(ctx))
	return fmt.Sprint(mc.ID)
}

func repeated(id string, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = id
	}
	return ids
}

const nodesBody = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on MediaCoverage { body } } }`

func TestNodesTakesAtMost100IDs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, true)
		h := uncachedHandler(db)
		id := longBody(t, db, 100)

		// The probe's request: one ID 4,300 times.
		counter.Reset()
		a := ask(t, h, nodesBody, map[string]any{"ids": repeated(id, 4300)})
		if a.code() != graph.CodeBadUserInput || !strings.Contains(a.Errors[0].Message, "at most 100") {
			t.Fatalf("4,300 IDs: %d bytes, errors %+v; want BAD_USER_INPUT naming the limit", a.size, a.Errors)
		}
		if a.Data != nil && string(a.Data) != "null" {
			t.Fatalf("refused request has data: %.200s", a.Data)
		}
		if n := counter.Count(); n != 0 {
			t.Fatalf("refused request ran %d SQL statements", n)
		}
		// The same in the document, without variables.
		lit := `{ nodes(ids: [` + strings.Repeat(`"`+id+`", `, 101) + `]) { id } }`
		if a := ask(t, h, lit, nil); a.code() != graph.CodeBadUserInput {
			t.Fatalf("101 literal IDs: %+v", a.Errors)
		}

		// 100 are allowed; repeats answer every position (as Relay wants), and
		// each repeat counts in the cost.
		a = ask(t, h, nodesBody, map[string]any{"ids": repeated(id, 100)})
		if len(a.Errors) > 0 {
			t.Fatalf("100 IDs: %+v", a.Errors)
		}
		var got struct{ Nodes []struct{ ID string } }
		if err := json.Unmarshal(a.Data, &got); err != nil || len(got.Nodes) != 100 || got.Nodes[99].ID != id {
			t.Fatalf("100 IDs answered %d nodes (%v)", len(got.Nodes), err)
		}
		one := ask(t, h, nodesBody, map[string]any{"ids": []string{id}})
		if a.Extensions.Cost.Requested < 100*(one.Extensions.Cost.Requested-1) {
			t.Fatalf("100 IDs cost %d, one costs %d: repeats must count", a.Extensions.Cost.Requested, one.Extensions.Cost.Requested)
		}
	})
}

func TestLongTextsCountInTheCost(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		short := ask(t, h, `{ mediaCoverages(first: 100) { edges { node { slug } } } }`, nil)
		long := ask(t, h, `{ mediaCoverages(first: 100) { edges { node { body } } } }`, nil)
		if len(short.Errors)+len(long.Errors) > 0 {
			t.Fatalf("errors: %+v %+v", short.Errors, long.Errors)
		}
		// A report body may be 150 KB: it must cost far more than a slug.
		if long.Extensions.Cost.Requested < 40*short.Extensions.Cost.Requested {
			t.Fatalf("100 bodies cost %d, 100 slugs %d: long texts must count by their size",
				long.Extensions.Cost.Requested, short.Extensions.Cost.Requested)
		}
		// Stories, biographies and purposes too, under every name.
		for _, q := range []string{
			`{ brands(first: 100) { edges { node { storyZh } } } }`,
			`{ roleModels(first: 100) { edges { node { bio(lang: EN) } } } }`,
			`{ alliances(first: 100) { edges { node { purposeEn } } } }`,
		} {
			a := ask(t, h, q, nil)
			if len(a.Errors) > 0 || a.Extensions.Cost.Requested < 5*short.Extensions.Cost.Requested {
				t.Errorf("%s: cost %d, errors %+v", q, a.Extensions.Cost.Requested, a.Errors)
			}
		}
	})
}

// TestManyLongTextsAreRefusedBeforeRunning: the probe's amplification, at
// the size the cost now allows per request, does not run at all.
func TestManyLongTextsAreRefusedBeforeRunning(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		var b strings.Builder
		b.WriteString(`query($ids: [ID!]!) { `)
		for i := range 10 {
			fmt.Fprintf(&b, `a%d: nodes(ids: $ids) { ... on MediaCoverage { body bodyZh bodyEn } } `, i)
		}
		b.WriteString(`}`)
		a := ask(t, h, b.String(), map[string]any{"ids": repeated("12884901889", 100)})
		if a.code() != graph.CodeQueryTooCostly {
			t.Fatalf("10 x 100 report bodies: %d bytes, errors %+v; want QUERY_TOO_COSTLY", a.size, a.Errors)
		}
	})
}

func aliasedIntrospection(n int) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "a%d: __schema { types { name kind fields { name type { name kind ofType { name kind } } } inputFields { name type { name kind } } enumValues { name } } } ", i)
	}
	b.WriteString("}")
	return b.String()
}

func standardIntrospection(t *testing.T) string {
	t.Helper()
	q, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	return string(q)
}

func TestIntrospectionCostsWhatItReturns(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	h := uncachedHandler(db)
	// The probe's request: 50 aliases, 7.7 KB, answered 7.3 MB.
	if a := ask(t, h, aliasedIntrospection(50), nil); a.code() != graph.CodeQueryTooCostly {
		t.Fatalf("50 aliased introspections: %d bytes, cost %+v, errors %+v; want QUERY_TOO_COSTLY", a.size, a.Extensions.Cost, a.Errors)
	}
	// One is a normal request; its cost grows with what it returns.
	one := ask(t, h, aliasedIntrospection(1), nil)
	if len(one.Errors) > 0 || one.Extensions.Cost.Requested < 1000 {
		t.Fatalf("one introspection: cost %d (want about the size of the schema), errors %+v", one.Extensions.Cost.Requested, one.Errors)
	}
	// The playground's (graphql-js's) introspection query runs.
	std := ask(t, h, standardIntrospection(t), nil)
	if len(std.Errors) > 0 {
		t.Fatalf("standard introspection query: %+v", std.Errors)
	}
	t.Logf("standard introspection: cost %d, %d bytes", std.Extensions.Cost.Requested, std.size)
	// __type of one type costs in proportion to that type.
	small := ask(t, h, `{ __type(name: "About") { fields { name } } }`, nil)
	big := ask(t, h, `{ __type(name: "BrandWhereInput") { inputFields { name } } }`, nil)
	if len(small.Errors)+len(big.Errors) > 0 || big.Extensions.Cost.Requested <= small.Extensions.Cost.Requested*5 {
		t.Fatalf("__type costs: About %d, BrandWhereInput %d (errors %+v %+v)", small.Extensions.Cost.Requested, big.Extensions.Cost.Requested, small.Errors, big.Errors)
	}
}

func TestIntrospectionIsNeverInTheResponseCache(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	h, _ := cachedHandler(db)
	for _, q := range []string{standardIntrospection(t), `{ __type(name: "Brand") { name } stats { brandCount } }`} {
		for i := range 2 {
			a := ask(t, h, q, nil)
			if len(a.Errors) > 0 {
				t.Fatalf("%+v", a.Errors)
			}
			if s := a.header.Get(respcache.StatusHeader); s == "hit" {
				t.Fatalf("request %d of %.40q served from the response cache", i+1, q)
			}
		}
	}
}

func TestDisabledIntrospectionAnswersOneCodedError(t *testing.T) {
	db := storetest.SharedDemo(t, "sqlite3")
	logs := &errorLog{}
	h := httpapp.New(httpapp.Config{DB: db, Logger: slog.New(logs), Introspection: false})
	for _, q := range []string{aliasedIntrospection(3), `{ __type(name: "Brand") { name } }`, `{ stats { brandCount } s: __schema { queryType { name } } }`} {
		a := ask(t, h, q, nil)
		if len(a.Errors) != 1 || a.code() != graph.CodeIntrospectionDisabled {
			t.Fatalf("%.40q: errors %+v; want one INTROSPECTION_DISABLED", q, a.Errors)
		}
		if a.Data != nil && string(a.Data) != "null" {
			t.Fatalf("refused request has data: %s", a.Data)
		}
	}
	if errs := logs.errors(); len(errs) > 0 {
		t.Fatalf("a refused introspection logged errors: %q", errs)
	}
	// __typename is not introspection of the schema.
	if a := ask(t, h, `{ stats { __typename brandCount } }`, nil); len(a.Errors) > 0 {
		t.Fatalf("__typename: %+v", a.Errors)
	}
}

func TestResponseSizeLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		logs := &errorLog{}
		const limit = 256 << 10
		h := httpapp.New(httpapp.Config{DB: db, Logger: slog.New(logs), Introspection: true, MaxResponseBytes: limit,
			Limits: &graph.Limits{MaxCost: 1 << 30}, ResponseCache: respcache.New(respcache.Options{MaxBytes: 64 << 20})})
		id := longBody(t, db, 16000) // 48 KB, near the limit of 50,000 bytes

		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		a := ask(t, h, nodesBody, map[string]any{"ids": repeated(id, 100)}) // 4.8 MB of answer
		runtime.ReadMemStats(&after)
		if a.code() != graph.CodeResponseTooLarge || a.Data != nil && string(a.Data) != "null" {
			t.Fatalf("4.8 MB answer with a 256 KiB limit: %d bytes, errors %+v", a.size, a.Errors)
		}
		if len(a.Errors) != 1 || a.size > 4<<10 {
			t.Fatalf("want one short error, got %d bytes: %+v", a.size, a.Errors)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 12*limit+4<<20 {
			t.Fatalf("the refused answer allocated %d MiB: execution must stop near the limit", alloc>>20)
		}
		if a.header.Get(respcache.StatusHeader) == "hit" {
			t.Fatal("served from cache")
		}
		// Introspection answers are bounded the same way.
		if a := ask(t, h, aliasedIntrospection(5), nil); a.code() != graph.CodeResponseTooLarge {
			t.Fatalf("5 introspections (~700 KB) with a 256 KiB limit: %d bytes, errors %+v", a.size, a.Errors)
		}
		// Below the limit everything answers.
		if a := ask(t, h, nodesBody, map[string]any{"ids": []string{id}}); len(a.Errors) > 0 {
			t.Fatalf("one body: %+v", a.Errors)
		}
		if errs := logs.errors(); len(errs) > 0 {
			t.Fatalf("an oversized answer is the caller's doing, not an internal error: %q", errs)
		}
	})
}
