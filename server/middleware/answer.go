package middleware

import (
	"bytes"
	"net/http"
)

// Answer is a GraphQL answer held in memory until it is complete. The
// layers that must see a whole answer before it is sent (FinishGraphQL,
// the response cache, HTTPCache) share one: the outermost holds it (Hold)
// and sends it, the inner ones work on it in place, so an answer is
// buffered once. The GraphQL server's verdict travels with the bytes
// (Clean, Storable), so no layer reads the body to learn whether it holds
// errors.
type Answer struct {
	header http.Header
	Status int
	Body   bytes.Buffer
	wrote  bool
	// Clean is true when the GraphQL server executed the operation and its
	// answer has no errors. False by default: an answer nobody vouched for
	// (a refusal, a timeout, a transport's error) is never cached.
	Clean bool
	// Storable is true when the operation is one whose answer the response
	// cache may keep (a query, not introspection).
	Storable bool
	// Private is true when the answer is for its requester only (a
	// preview): no cache, shared or not, may keep it.
	Private bool
}

// Hold returns w itself when an outer layer holds the answer already (send
// then does nothing: the outer layer sends), or a new Answer that send
// writes to w.
func Hold(w http.ResponseWriter) (a *Answer, send func()) {
	if a, ok := w.(*Answer); ok {
		return a, func() {}
	}
	a = &Answer{header: http.Header{}, Status: http.StatusOK}
	return a, func() {
		for k, v := range a.header {
			w.Header()[k] = v
		}
		w.WriteHeader(a.Status)
		_, _ = w.Write(a.Body.Bytes())
	}
}

// Header implements http.ResponseWriter.
func (a *Answer) Header() http.Header { return a.header }

// WriteHeader implements http.ResponseWriter; the first status counts.
func (a *Answer) WriteHeader(status int) {
	if !a.wrote {
		a.Status, a.wrote = status, true
	}
}

// Write implements http.ResponseWriter.
func (a *Answer) Write(p []byte) (int, error) {
	a.wrote = true
	return a.Body.Write(p)
}

// Replace sets the answer's status and body.
func (a *Answer) Replace(status int, body []byte) {
	a.Status, a.wrote = status, true
	a.Body.Reset()
	a.Body.Write(body)
}
