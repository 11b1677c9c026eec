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
	if !wellFormed(tok) {
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

// wellFormed reports whether tok looks like a token, which is worth a
// database lookup.
func wellFormed(tok string) bool {
	return strings.HasPrefix(tok, TokenPrefix) && len(tok) <= 128
}

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
	ctx, cancel := context.WithTimeout(visibility.WithSystem(context.WithoutCancel(ctx)), touchTimeout) // bookkeeping, whatever the role
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
//
// A token refused once is remembered for a minute (refusedTokens), so a
// client repeating a wrong token costs no further database lookup. Nothing
// can make an unknown or revoked token valid later: tokens are random and
// revocation is final.
func Middleware(writer, public *ent.Client, next http.Handler) http.Handler {
	refused := &refusedTokens{}
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
		tok = strings.TrimSpace(tok)
		var v visibility.Viewer
		var err error
		if wellFormed(tok) && refused.has(tok) {
			err = ErrUnauthenticated
		} else if v, err = Authenticate(r.Context(), writer, tok); errors.Is(err, ErrUnauthenticated) && wellFormed(tok) {
			refused.add(tok) // malformed ones cost no lookup anyway
		}
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

// refusedTokens remembers recently refused tokens (by hash), at most
// maxRefused of them, each for refusedFor.
type refusedTokens struct {
	mu    sync.Mutex
	until map[string]time.Time
}

const (
	refusedFor = time.Minute
	maxRefused = 10_000
)

func (c *refusedTokens) has(tok string) bool {
	h := Hash(tok)
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Before(c.until[h])
}

func (c *refusedTokens) add(tok string) {
	h := Hash(tok)
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.until) >= maxRefused {
		for k, t := range c.until {
			if !now.Before(t) {
				delete(c.until, k)
			}
		}
		if len(c.until) >= maxRefused {
			c.until = nil // a flood of different tokens: the rate limit bounds it
		}
	}
	if c.until == nil {
		c.until = map[string]time.Time{}
	}
	c.until[h] = now.Add(refusedFor)
}
