// Package visibility decides who may see what. The rules are enforced once,
// by ent interceptors declared in ent/schema (drafts in publication.go, the
// audit log in auditentry.go), so every query path (root lists, node
// lookups, edges, counts, stats) obeys them; this package only carries the
// viewer through the context.
package visibility

import "context"

// Role is what an authenticated token may do. Roles are ordered: each one
// may do everything the ones before it may.
type Role string

const (
	// RoleEditor creates and edits drafts.
	RoleEditor Role = "EDITOR"
	// RolePublisher also publishes, unpublishes, features and deletes.
	RolePublisher Role = "PUBLISHER"
	// RoleAdmin also reads the audit log and manages tokens.
	RoleAdmin Role = "ADMIN"
)

var rank = map[Role]int{RoleEditor: 1, RolePublisher: 2, RoleAdmin: 3}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return rank[r] > 0 }

// AtLeast reports whether r includes the rights of other.
func (r Role) AtLeast(other Role) bool { return rank[r] >= rank[other] && rank[r] > 0 }

// Viewer is an authenticated token holder.
type Viewer struct {
	// Name is the token's name; the audit log records it.
	Name string
	Role Role
}

type (
	draftsKey struct{}
	viewerKey struct{}
)

// WithViewer returns a context for an authenticated token holder: it sees
// drafts, and may do what its role allows.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the authenticated viewer, if any.
func ViewerFrom(ctx context.Context) (Viewer, bool) {
	v, ok := ctx.Value(viewerKey{}).(Viewer)
	return v, ok && v.Role.Valid()
}

// WithDrafts returns a context whose queries also see DRAFT content without a
// viewer: the seed loader, import and export use it.
func WithDrafts(ctx context.Context) context.Context {
	return context.WithValue(ctx, draftsKey{}, true)
}

// DraftsAllowed reports whether the context may see DRAFT content. The zero
// context — every anonymous request — may not.
func DraftsAllowed(ctx context.Context) bool {
	if _, ok := ViewerFrom(ctx); ok {
		return true
	}
	v, _ := ctx.Value(draftsKey{}).(bool)
	return v
}
