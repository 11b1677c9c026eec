// Package middleware holds the HTTP wrappers of the public endpoint: request
// ids, panic recovery, body and time limits, and HTTP caching of anonymous
// GET queries. server/httpapp assembles them; each is small and tested on
// its own.
package middleware

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"
)

type requestIDKey struct{}

// RequestIDHeader carries the request id in both directions.
const RequestIDHeader = "X-Request-Id"

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// RequestID gives every request an id: the caller's X-Request-Id when it is
// sane (so a proxy's id carries through), a random one otherwise. The id is
// in the response header, in every log line and in internal errors, so a
// user's report can be matched to the log.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(RequestIDHeader)
		if !validRequestID.MatchString(id) {
			id = newID()
		}
		w.Header().Set(RequestIDHeader, id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// RequestIDFrom returns the request's id, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Recover turns a panic anywhere below it into a 500 with a GraphQL-shaped
// "internal error" and the request id; the panic itself goes to the log.
func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				id := RequestIDFrom(r.Context())
				logger.ErrorContext(r.Context(), "http: panic", "panic", p, "request_id", id)
				WriteError(w, http.StatusInternalServerError, "internal error", "INTERNAL", id)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// WriteError writes a GraphQL-shaped error response.
func WriteError(w http.ResponseWriter, status int, message, code, requestID string) {
	ext := map[string]any{"code": code}
	if requestID != "" {
		ext["requestId"] = requestID
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": ext}},
	})
}

// Limit bounds a request's body size and its running time. The body is read
// here, whole, before anything else sees it: a body that is too large, or
// too slow to arrive (the server's read timeout), gets a clear 413 or 408
// instead of a half-read request. The handler's context is cancelled at the
// deadline, which cancels the database query, and the client gets a
// TIMEOUT error.
func Limit(maxBody int64, timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := RequestIDFrom(r.Context())
		if r.ContentLength > maxBody {
			WriteError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: the limit is %d bytes", maxBody), "REQUEST_TOO_LARGE", id)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
			if err != nil {
				var tooLarge *http.MaxBytesError
				if errors.As(err, &tooLarge) {
					WriteError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: the limit is %d bytes", maxBody), "REQUEST_TOO_LARGE", id)
					return
				}
				WriteError(w, http.StatusRequestTimeout, "the request body could not be read in time", "BAD_REQUEST", id)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Deadline gives the request's context a deadline, timeout from now, before
// any of its database work: authentication included, not only execution.
func Deadline(timeout time.Duration, next http.Handler) http.Handler {
	return DeadlineBy(func(*http.Request) time.Duration { return timeout }, next)
}

// DeadlineBy is Deadline with a timeout chosen per request.
func DeadlineBy(timeout func(*http.Request) time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout(r))
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// FinishGraphQL holds each GraphQL answer until it is complete, then
//   - gives a request whose deadline passed an answer that says so (gqlgen
//     sends "null" when the context is done before execution starts), and
//   - follows the GraphQL-over-HTTP recommendations gqlgen does not: a
//     request error (a document that does not parse or validate, bad
//     variables) has no "data" entry, and with application/json it is
//     answered 200, as the spec's "legacy" media type expects, instead of 422.
func FinishGraphQL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, send := Hold(w)
		next.ServeHTTP(a, r)
		if body := bytes.TrimSpace(a.Body.Bytes()); r.Context().Err() != nil && (len(body) == 0 || string(body) == "null") {
			a.Header().Set("Content-Type", "application/json")
			a.Clean = false
			a.Replace(http.StatusOK, []byte(`{"errors":[{"message":"the request took too long and was cancelled","extensions":{"code":"TIMEOUT"}}]}`+"\n"))
			send()
			return
		}
		if a.Status == http.StatusBadRequest || a.Status == http.StatusUnprocessableEntity {
			status := a.Status
			if strings.HasPrefix(a.Header().Get("Content-Type"), "application/json") && status == http.StatusUnprocessableEntity {
				status = http.StatusOK
			}
			a.Replace(status, bytes.Replace(a.Body.Bytes(), []byte(`,"data":null}`), []byte(`}`), 1))
		}
		send()
	})
}
