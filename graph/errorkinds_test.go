package graph_test

import (
	"net/http"
	"strings"
	"testing"

	"brandshow/server/store/storetest"
)

// TestArgumentErrorsFollowTheArgumentsType: what a parse failure says is
// decided by the argument's GraphQL type (Cursor, ID), not by the wording of
// the Go error behind it, and it never shows Go's words.
func TestArgumentErrorsFollowTheArgumentsType(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		e := mustFail(t, h, `{ brands(first: 1, after: "not a cursor!") { totalCount } }`, nil, "invalid cursor", "BAD_USER_INPUT")
		if strings.Contains(e.Message, "base64") || strings.Contains(e.Message, "msgpack") {
			t.Errorf("cursor error shows Go's words: %q", e.Message)
		}
		e = mustFail(t, h, `{ node(id: "abc") { id } }`, nil, `invalid value "abc"`, "BAD_USER_INPUT")
		if !strings.Contains(e.Message, "expected an ID") || strings.Contains(e.Message, "strconv") {
			t.Errorf("ID error: %q", e.Message)
		}
	})
}

// TestConstraintErrorsByDriverCode: a unique and a foreign-key violation
// are told apart by the driver's error code on both databases.
func TestConstraintErrorsByDriverCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		region := e.regionID(t)
		in := map[string]any{"slug": publishedBrands()[0].Slug, "nameZh": "重复", "category": "QUALITY_SERVICE", "level": "COUNTY", "regionID": region}
		r := e.as(t, "publisher", `mutation($in: CreateBrandInput!) { createBrand(input: $in) { id } }`, map[string]any{"in": in})
		if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "already used") {
			t.Errorf("duplicate slug: %+v", r.Errors)
		}
		in = map[string]any{"slug": "fresh-slug", "nameZh": "新品", "category": "QUALITY_SERVICE", "level": "COUNTY", "regionID": region, "roleModelIDs": []any{"21474836480999"}}
		r = e.as(t, "publisher", `mutation($in: CreateBrandInput!) { createBrand(input: $in) { id } }`, map[string]any{"in": in})
		if len(r.Errors) == 0 || strings.Contains(r.Errors[0].Message, "conflicts with existing content") {
			t.Errorf("unknown linked ID: %+v", r.Errors)
		}
	})
}
