package respcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"brandshow/ent/visibility"
	"brandshow/server/middleware"
)

// StatusHeader tells how an answer was served: "hit", "miss" or "bypass"
// (never cached: a token holder, a request the cache cannot key). It helps
// operators and tests; it reveals nothing about the content.
const StatusHeader = "X-Response-Cache"

// Middleware serves anonymous GraphQL answers from the cache and stores
// complete ones. It must run after authentication (it asks
// visibility.ViewerFrom whether the request is anonymous) and inside
// HTTP caching (which adds Cache-Control and the ETag, hit or miss).
//
// The key is everything that can change the answer: the method, the Accept
// header (it picks the media type and status codes), the SHA-256 of the
// query text, the operation name, the variables and the extensions
// (persisted-query hash) — the last two re-encoded with sorted keys, so
// `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` share an entry. Language is an
// argument (`name(lang: EN)`), so it is part of the query or the variables.
func (c *Cache) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, ok := requestKey(r)
		if !ok {
			w.Header().Set(StatusHeader, "bypass")
			next.ServeHTTP(w, r)
			return
		}
		a, send := middleware.Hold(w)
		if e, ok := c.get(key); ok {
			serve(a, e)
			send()
			return
		}
		ticket := c.Begin()
		// Requests for the same key that miss while it executes (after a
		// write emptied the cache, every client asks for the same few
		// pages at once) wait for that execution rather than repeat it,
		// and get its answer if it was stored: exactly what a hit right
		// after the store would have served. If it was not stored (an
		// error, a write while it executed), each executes on its own.
		f, leader := c.join(ticket, key)
		if !leader {
			select {
			case <-f.done:
			case <-r.Context().Done():
			}
			if e := f.e; e != nil && r.Context().Err() == nil {
				c.coalesced.Add(1)
				c.hits.Add(1)
				c.misses.Add(-1) // get counted it
				serve(a, e)
				send()
				return
			}
			next.ServeHTTP(a, r)
			a.Header().Set(StatusHeader, "miss")
			send()
			return
		}
		var stored *entry
		defer func() { c.land(ticket, key, f, stored) }() // also when next panics
		next.ServeHTTP(a, r)
		// Errors, partial answers and mutations are not stored: the GraphQL
		// server says so (middleware.Answer), the body is not searched.
		if a.Clean && a.Storable && !a.Private && a.Status == http.StatusOK && r.Context().Err() == nil {
			e := &entry{status: a.Status, header: a.Header().Clone(), body: bytes.Clone(a.Body.Bytes())}
			if c.put(ticket, key, e) {
				stored = e
			}
		}
		a.Header().Set(StatusHeader, "miss")
		send()
	})
}

// serve replays a stored answer into a.
func serve(a *middleware.Answer, e *entry) {
	for k, v := range e.header {
		a.Header()[k] = v
	}
	a.Header().Set(StatusHeader, "hit")
	a.Replace(e.status, e.body)
	a.Clean, a.Storable = true, true // only such answers are stored
}

// params are a GraphQL-over-HTTP request's parameters.
type params struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// requestKey returns the cache key of an anonymous GET or JSON POST
// request, or false when the request must not be (or cannot be) cached.
func requestKey(r *http.Request) (string, bool) {
	if _, editor := visibility.ViewerFrom(r.Context()); editor || r.Header.Get("Authorization") != "" {
		return "", false
	}
	var p params
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		p.Query, p.OperationName = q.Get("query"), q.Get("operationName")
		p.Variables, p.Extensions = json.RawMessage(q.Get("variables")), json.RawMessage(q.Get("extensions"))
	case http.MethodPost:
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" || r.Body == nil {
			return "", false
		}
		// middleware.Limit has read the body into memory already; read it
		// and put it back for the GraphQL server.
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return "", false
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil || dec.More() {
			return "", false
		}
	default:
		return "", false
	}
	vars, ok := canonical(p.Variables)
	if !ok {
		return "", false
	}
	ext, ok := canonical(p.Extensions)
	if !ok {
		return "", false
	}
	doc := sha256.Sum256([]byte(p.Query))
	h := sha256.New()
	for _, part := range [][]byte{[]byte(r.Method), []byte(strings.Join(r.Header.Values("Accept"), ",")), doc[:], []byte(p.OperationName), vars, ext} {
		// Length-prefixed, so parts cannot run into each other.
		_, _ = h.Write([]byte{byte(len(part) >> 24), byte(len(part) >> 16), byte(len(part) >> 8), byte(len(part))})
		_, _ = h.Write(part)
	}
	return string(h.Sum(nil)), true
}

// canonical re-encodes a JSON value with sorted object keys; empty and null
// are the same (absent).
func canonical(raw json.RawMessage) ([]byte, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, true
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, false
	}
	out, err := json.Marshal(v)
	return out, err == nil
}
