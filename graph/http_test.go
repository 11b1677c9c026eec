package graph_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

type httpResult struct {
	code   int
	body   string
	header http.Header
}

func do(h http.Handler, method, target string, header map[string]string) *httpResult {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return &httpResult{code: rec.Code, body: rec.Body.String(), header: rec.Header()}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
