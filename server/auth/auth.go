// Package auth authenticates editors. Requests carry
// "Authorization: Bearer <token>"; only the token's SHA-256 hash is stored
// (table tokens), so a database leak reveals no usable token. A request with
// a valid token runs as its holder (visibility.Viewer) on the writing ent
// client; anonymous requests run on the read-only client. An unknown or
// revoked token is refused with 401, never treated as anonymous.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"brandshow/ent"
	"brandshow/ent/token"
	"brandshow/ent/visibility"
	"brandshow/server/middleware"
	"brandshow/server/store"
)

// TokenPrefix marks brandshow tokens, so secret scanners can find leaked ones.
const TokenPrefix = "bs_"

// NewToken returns a new random token and its hash.
func NewToken() (tok, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	tok = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return tok, Hash(tok), nil
}

// Hash is the stored form of a token.
func Hash(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

// ErrUnauthenticated is the answer to a bad token.
var ErrUnauthenticated = errors.New("invalid, expired or revoked token")

// Authenticate resolves a bearer token to its holder.
func Authenticate(ctx context.Context, client *ent.Client, tok string) (visibility.Viewer, error) {
	if !strings.HasPrefix(tok, TokenPrefix) || len(tok) > 128 {
		return visibility.Viewer{}, ErrUnauthenticated
	}
	t, err := client.Token.Query().Where(token.Hash(Hash(tok)), token.RevokedAtIsNil()).Only(ctx)
	if ent.IsNotFound(err) {
		return visibility.Viewer{}, ErrUnauthenticated
	}
	if err != nil {
		return visibility.Viewer{}, fmt.Errorf("auth: %w", err)
	}
	touch(ctx, client, t)
	return visibility.Viewer{Name: t.Name, Role: visibility.Role(t.Role)}, nil
}

// touchTimeout bounds the write that records a token's use.
const touchTimeout = 2 * time.Second

var (
	touchMu   sync.Mutex
	lastTouch = map[string]time.Time{} // by token hash, unique across databases
	// touching holds a place while a touch is under way: one at a time, so
	// a database that stays busy (an import holds SQLite's write lock) has
	// at most one touch waiting on it.
	touching = make(chan struct{}, 1)
)

// touch records when a token was last used, at most once a minute. It is
// bookkeeping, so it never holds up or fails the request: it runs on its
// own, bounded by touchTimeout, and is skipped while another touch is still
// waiting on the database. A touch that fails is not retried before the
// next minute.
func touch(ctx context.Context, client *ent.Client, t *ent.Token) {
	now := time.Now()
	touchMu.Lock()
	defer touchMu.Unlock()
	if now.Sub(lastTouch[t.Hash]) < time.Minute {
		return
	}
	select {
	case touching <- struct{}{}:
	default:
		return
	}
	lastTouch[t.Hash] = now
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), touchTimeout)
	go func() {
		defer func() { <-touching }()
		defer cancel()
		_ = client.Token.UpdateOneID(t.ID).SetLastUsedAt(now).Exec(ctx)
	}()
}

// Middleware authenticates the request and puts the ent client it may use
// into the context (ent.FromContext): writer for token holders, public (which
// rejects every write) for everyone else. Anonymous requests may read from
// the read replica (store.WithReplicaReads); token holders read the primary,
// so an editor always sees what was just written. The token lookup uses the
// request's context, so the request deadline (middleware.Deadline) bounds it;
// a lookup that runs out of time answers 503 with the code TIMEOUT.
func Middleware(writer, public *ent.Client, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		if header == "" {
			next.ServeHTTP(w, r.WithContext(ent.NewContext(store.WithReplicaReads(r.Context()), public)))
			return
		}
		scheme, tok, ok := strings.Cut(header, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="brandshow"`)
			middleware.WriteError(w, http.StatusUnauthorized, "the Authorization header must be \"Bearer <token>\"", "UNAUTHENTICATED", middleware.RequestIDFrom(r.Context()))
			return
		}
		v, err := Authenticate(r.Context(), writer, strings.TrimSpace(tok))
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="brandshow", error="invalid_token"`)
			if store.IsTimeout(err) {
				middleware.WriteError(w, http.StatusServiceUnavailable, "the request took too long and was cancelled", "TIMEOUT", middleware.RequestIDFrom(r.Context()))
				return
			}
			if !errors.Is(err, ErrUnauthenticated) {
				middleware.WriteError(w, http.StatusServiceUnavailable, "internal error", "INTERNAL", middleware.RequestIDFrom(r.Context()))
				return
			}
			middleware.WriteError(w, http.StatusUnauthorized, ErrUnauthenticated.Error(), "UNAUTHENTICATED", middleware.RequestIDFrom(r.Context()))
			return
		}
		ctx := visibility.WithViewer(r.Context(), v)
		next.ServeHTTP(w, r.WithContext(ent.NewContext(ctx, writer)))
	})
}
