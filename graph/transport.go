package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"brandshow/server/middleware"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// gqlgen's transports answer a body they cannot decode with the decoder's
// words, Go types and the body itself ("cannot unmarshal array into Go
// value of type graphql.RawParams body:[...]"), and a few refusals with no
// extensions.code. These wrappers check the request first and answer with
// a coded error that says what to send instead.

// strictPOST is transport.POST for one JSON object per request.
type strictPOST struct{ transport.POST }

// postParams is the shape of a GraphQL-over-HTTP POST body.
type postParams struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// Do implements graphql.Transport.
func (t strictPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	body, err := io.ReadAll(r.Body) // read already by middleware.Limit: in memory
	if err != nil {
		badRequest(w, r, http.StatusBadRequest, "the request body could not be read")
		return
	}
	if msg := postBodyProblem(body); msg != "" {
		badRequest(w, r, http.StatusBadRequest, msg)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	t.POST.Do(w, r, exec)
}

// postBodyProblem says what is wrong with a POST body, or "".
func postBodyProblem(body []byte) string {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return "batched requests (a JSON array) are not supported: send one {\"query\": ...} object per request"
	}
	var p postParams
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&p); err != nil || dec.More() {
		return `the request body must be one JSON object: {"query": "...", "operationName": "...", "variables": {...}, "extensions": {...}}, with query and operationName strings`
	}
	if !jsonObjectOrNull(p.Variables) {
		return "variables must be a JSON object"
	}
	if !jsonObjectOrNull(p.Extensions) {
		return "extensions must be a JSON object"
	}
	return ""
}

func jsonObjectOrNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null" || raw[0] == '{'
}

// strictGET is transport.GET with coded refusals.
type strictGET struct{ transport.GET }

// Do implements graphql.Transport.
func (t strictGET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		badRequest(w, r, http.StatusBadRequest, "the URL's query string is malformed (bad %-escape or separator)")
		return
	}
	for _, name := range []string{"variables", "extensions"} {
		if v := q.Get(name); v != "" && (!json.Valid([]byte(v)) || !jsonObjectOrNull(json.RawMessage(v))) {
			badRequest(w, r, http.StatusBadRequest, name+" must be a JSON object")
			return
		}
	}
	// transport.GET answers 406, uncoded, to a mutation: its only 406.
	rec := &notAcceptable{ResponseWriter: w}
	t.GET.Do(rec, r, exec)
	if rec.refused {
		w.Header().Set("Allow", "POST")
		badRequest(w, r, http.StatusMethodNotAllowed, "mutations are accepted by POST only, never by GET")
	}
}

// notAcceptable swallows a 406 answer so that it can be replaced.
type notAcceptable struct {
	http.ResponseWriter
	refused bool
}

func (n *notAcceptable) WriteHeader(status int) {
	if status == http.StatusNotAcceptable {
		n.refused = true
		return
	}
	n.ResponseWriter.WriteHeader(status)
}

func (n *notAcceptable) Write(b []byte) (int, error) {
	if n.refused {
		return len(b), nil
	}
	return n.ResponseWriter.Write(b)
}

// unsupported takes every request no other transport supports (another
// method or content type) and answers a coded error instead of gqlgen's
// uncoded "transport not supported".
type unsupported struct{}

// Supports implements graphql.Transport.
func (unsupported) Supports(*http.Request) bool { return true }

// Do implements graphql.Transport.
func (unsupported) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	if r.Method == http.MethodPost {
		badRequest(w, r, http.StatusUnsupportedMediaType, "send GraphQL requests by POST with Content-Type: application/json, or by GET")
		return
	}
	w.Header().Set("Allow", strings.Join([]string{http.MethodGet, http.MethodPost, http.MethodOptions}, ", "))
	badRequest(w, r, http.StatusMethodNotAllowed, "send GraphQL requests by GET or POST")
}

func badRequest(w http.ResponseWriter, r *http.Request, status int, msg string) {
	middleware.WriteError(w, status, msg, CodeBadRequest, middleware.RequestIDFrom(r.Context()))
}
