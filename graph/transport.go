package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// gqlgen's transports answer a body they cannot decode with the decoder's
// words, Go types and the body itself ("cannot unmarshal array into Go
// value of type graphql.RawParams body:[...]"), and a few refusals with no
// extensions.code. These wrappers check the request first and answer with
// a coded error that says what to send instead.

// strictPOST is transport.POST for one JSON object per request.
type strictPOST struct {
	transport.POST
	requestID func(context.Context) string
}

// postParams is the shape of a GraphQL-over-HTTP POST body.
type postParams struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// Do implements graphql.Transport.
func (t strictPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	body, err := io.ReadAll(r.Body) // read already by the HTTP application: in memory
	if err != nil {
		badRequest(w, t.requestID(r.Context()), http.StatusBadRequest, "the request body could not be read")
		return
	}
	if msg := postBodyProblem(body); msg != "" {
		badRequest(w, t.requestID(r.Context()), http.StatusBadRequest, msg)
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
type strictGET struct {
	transport.GET
	requestID func(context.Context) string
}

// Do implements graphql.Transport.
func (t strictGET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		badRequest(w, t.requestID(r.Context()), http.StatusBadRequest, "the URL's query string is malformed (bad %-escape or separator)")
		return
	}
	for _, name := range []string{"variables", "extensions"} {
		if v := q.Get(name); v != "" && (!json.Valid([]byte(v)) || !jsonObjectOrNull(json.RawMessage(v))) {
			badRequest(w, t.requestID(r.Context()), http.StatusBadRequest, name+" must be a JSON object")
			return
		}
	}
	// transport.GET answers 406, uncoded, to a mutation: its only 406.
	rec := &notAcceptable{ResponseWriter: w}
	t.GET.Do(rec, r, exec)
	if rec.refused {
		w.Header().Set("Allow", "POST")
		badRequest(w, t.requestID(r.Context()), http.StatusMethodNotAllowed, "mutations are accepted by POST only, never by GET")
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
type unsupported struct{ requestID func(context.Context) string }

// Supports implements graphql.Transport.
func (unsupported) Supports(*http.Request) bool { return true }

// Do implements graphql.Transport.
func (t unsupported) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	if r.Method == http.MethodPost {
		badRequest(w, t.requestID(r.Context()), http.StatusUnsupportedMediaType, "send GraphQL requests by POST with Content-Type: application/json, or by GET")
		return
	}
	w.Header().Set("Allow", strings.Join([]string{http.MethodGet, http.MethodPost, http.MethodOptions}, ", "))
	badRequest(w, t.requestID(r.Context()), http.StatusMethodNotAllowed, "send GraphQL requests by GET or POST")
}

// badRequest answers a coded error without "data", as the HTTP
// application's own refusals do.
func badRequest(w http.ResponseWriter, requestID string, status int, msg string) {
	codedError(w, requestID, status, CodeBadRequest, msg)
}

// codedError answers with one GraphQL error of the code, before execution.
func codedError(w http.ResponseWriter, requestID string, status int, code, msg string) {
	ext := map[string]any{"code": code}
	if requestID != "" {
		ext["requestId"] = requestID
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": ext}},
	})
}
