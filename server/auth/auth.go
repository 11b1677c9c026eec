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

var (
	touchMu   sync.Mutex
	lastTouch = map[int]time.Time{}
)

// touch records when a token was last used, at most once a minute.
func touch(ctx context.Context, client *ent.Client, t *ent.Token) {
	now := time.Now()
	touchMu.Lock()
	if now.Sub(lastTouch[t.ID]) < time.Minute {
		touchMu.Unlock()
		return
	}
	lastTouch[t.ID] = now
	touchMu.Unlock()
	_ = client.Token.UpdateOneID(t.ID).SetLastUsedAt(now).Exec(ctx)
}

// Middleware authenticates the request and puts the ent client it may use
// into the context (ent.FromContext): writer for token holders, public (which
// rejects every write) for everyone else. Anonymous requests may read from
// the read replica (store.WithReplicaReads); token holders read the primary,
// so an editor always sees what was just written.
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
