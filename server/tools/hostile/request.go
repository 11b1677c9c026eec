package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// request is one prepared HTTP request: GraphQL by POST (JSON body) or GET.
type request struct {
	kind  string
	get   bool
	query string // the URL query string for GET
	body  []byte // the body for POST
	ctype string
	// bearer is sent as "Authorization: Bearer …"; with freshToken a new
	// random well-formed token is made for every request instead.
	bearer     string
	freshToken bool
}

func postJSON(kind, query string, vars map[string]any) request {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err)
	}
	return request{kind: kind, body: body, ctype: "application/json"}
}

func getQuery(kind, query string) request {
	return request{kind: kind, get: true, query: url.Values{"query": {query}}.Encode()}
}

// The valid queries are what the README's clients send.

func (r request) build(ctx context.Context, target *url.URL) (*http.Request, error) {
	u := *target
	if r.get {
		u.RawQuery = r.query
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/graphql-response+json, application/json")
		r.authorize(req)
		return req, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", r.ctype)
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	r.authorize(req)
	return req, nil
}

// authorize sets the request's Bearer token, if it has one.
func (r request) authorize(req *http.Request) {
	switch {
	case r.freshToken:
		req.Header.Set("Authorization", "Bearer "+wellFormedToken())
	case r.bearer != "":
		req.Header.Set("Authorization", "Bearer "+r.bearer)
	}
}

// send sends one request and classifies the answer.
func send(ctx context.Context, client *http.Client, target *url.URL, r request) outcome {
	out := outcome{kind: r.kind}
	req, err := r.build(ctx, target)
	if err != nil {
		out.failure = "connection error: " + err.Error()
		return out
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		out.latency = time.Since(start)
		out.failure = classifyError(err)
		return out
	}
	// Read the answer (large ones are read up to 64 MB, then drained) so
	// the latency includes the whole body.
	body, readErr := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	rest, _ := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	out.size = int64(len(body)) + rest
	out.latency = time.Since(start)
	if readErr != nil {
		out.failure = classifyError(readErr)
		return out
	}
	out.status = resp.StatusCode
	out.codes = graphqlErrorCodes(body)
	return out
}

// graphqlErrorCodes returns the extensions.code of each error in a GraphQL
// answer ("no code" when it has none).
func graphqlErrorCodes(body []byte) []string {
	var answer struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &answer) != nil {
		if len(bytes.TrimSpace(body)) == 0 {
			return nil
		}
		return []string{"(answer is not JSON)"}
	}
	var codes []string
	for _, e := range answer.Errors {
		c := e.Extensions.Code
		if c == "" {
			c = "no code"
		}
		codes = append(codes, c)
	}
	return codes
}

// classifyError names a transport failure: "timeout" or a short
// "connection error: …".
func classifyError(err error) string {
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return "timeout"
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection error: refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection error: reset"
	case errors.Is(err, syscall.EPIPE):
		return "connection error: broken pipe"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection error: closed by server"
	case errors.Is(err, context.Canceled):
		return "connection error: cancelled"
	}
	return "connection error: other"
}
