// Package visibility decides who may see what. The rules are enforced once,
// at the ent layer: interceptors declared in ent/schema hide drafts from
// every query of a content type (publication.go) and guard the audit log
// (auditentry.go), and the generated edge predicates and edge-count orderings
// narrow the neighbour's table with PublishedOnly (ent/template/visibility.tmpl),
// so every query path (root lists, node lookups, edges, counts, stats,
// has<Edge>With filters) obeys them. This package carries the viewer through
// the context and holds the one SQL predicate (Public), which also hides a
// PUBLISHED item outside its schedule (before publish_at, from unpublish_at
// on), decided by the clock at each query.
package visibility

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqlgraph"
)

// Role is what an authenticated token may do. Roles are ordered: each one
// may do everything the ones before it may.
type Role string

const (
	// RoleEditor creates and edits drafts.
	RoleEditor Role = "EDITOR"
	// RolePublisher also publishes, unpublishes, features and deletes.
	RolePublisher Role = "PUBLISHER"
	// RoleAdmin also reads the audit log, manages tokens and webhooks.
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

// HidesDrafts reports whether queries under ctx must leave DRAFT content out.
func HidesDrafts(ctx context.Context) bool { return !DraftsAllowed(ctx) }

// PublishedOnly narrows a selector of a content type's table to the rows
// the public sees now (Public). The publication interceptor applies it to
// every query of a content type, and the generated edge predicates
// (has<Edge>, has<Edge>With) and the edge-count orderings apply it to the
// neighbour's table when the query's context hides drafts (see
// ent/template/visibility.tmpl), so a filter on a draft neighbour answers as
// if the draft did not exist.
func PublishedOnly(s *sql.Selector) {
	s.Where(Public(s.C, Now()))
}

// Public is the one definition of what the public sees, for a table whose
// columns col names: an item is public at now iff it is PUBLISHED, its
// scheduled publication (publish_at) is null or has come, and its scheduled
// withdrawal (unpublish_at) is null or still to come. A scheduled item is a
// draft until publish_at and again from unpublish_at, on every path, with
// no write at either time.
func Public(col func(string) string, now time.Time) *sql.Predicate {
	return sql.And(
		sql.EQ(col(StatusColumn), Published),
		sql.Or(sql.IsNull(col(PublishAtColumn)), sql.LTE(col(PublishAtColumn), now)),
		sql.Or(sql.IsNull(col(UnpublishAtColumn)), sql.GT(col(UnpublishAtColumn), now)),
	)
}

// Now is the time visibility is decided at: the clock, in UTC. Scheduled
// times are stored in UTC (the PublicationMixin's hook converts them), so
// SQLite, which compares times as text, orders them like PostgreSQL.
func Now() time.Time { return time.Now().UTC() }

// StatusColumn and Published name the publication column and its public
// value (schematype.StatusPublished) as the SQL layer sees them;
// PublishAtColumn and UnpublishAtColumn the schedule's columns.
const (
	StatusColumn      = "status"
	Published         = "PUBLISHED"
	PublishAtColumn   = "publish_at"
	UnpublishAtColumn = "unpublish_at"
)

// OrderByNeighborsCount orders by the number of neighbours along step, like
// sqlgraph.OrderByNeighborsCount, but when the selector's context hides
// drafts it counts only the neighbours the public sees (Public). A row whose neighbours are all
// drafts counts as having none (NULL, as the LEFT JOIN gives a row without
// neighbours), so neither the order nor a cursor's value tells the two apart.
func OrderByNeighborsCount(s *sql.Selector, step *sqlgraph.Step, opts ...sql.OrderTermOption) {
	if !HidesDrafts(s.Context()) {
		sqlgraph.OrderByNeighborsCount(s, step, opts...)
		return
	}
	term := &sql.OrderExprTerm{
		OrderTermOptions: *sql.NewOrderTermOptions(opts...),
		Expr: func(neighbours *sql.Selector) sql.Querier {
			return sql.P(func(b *sql.Builder) {
				b.WriteString("NULLIF(COUNT(CASE WHEN ").Join(Public(neighbours.C, Now())).WriteString(" THEN 1 END), 0)")
			})
		},
	}
	sqlgraph.OrderByNeighborTerms(s, step, term)
}

// ForeignKeyOp names the condition a ForeignKeyPredicate applies.
type ForeignKeyOp string

// The conditions of a foreign-key column (ent's field predicate ops).
const (
	OpEQ     ForeignKeyOp = "="
	OpNEQ    ForeignKeyOp = "<>"
	OpGT     ForeignKeyOp = ">"
	OpGTE    ForeignKeyOp = ">="
	OpLT     ForeignKeyOp = "<"
	OpLTE    ForeignKeyOp = "<="
	OpIn     ForeignKeyOp = "IN"
	OpNotIn  ForeignKeyOp = "NOT IN"
	OpIsNil  ForeignKeyOp = "IS NULL"
	OpNotNil ForeignKeyOp = "IS NOT NULL"
)

// ForeignKeyPredicate is a condition on a foreign key that points to a
// content type (table, with its ID column idColumn). When the selector's
// context hides drafts, the key is read as NULL unless it points to a
// public row (Public) — exactly what it would hold had the draft been deleted (the
// schema sets such keys NULL on delete), so the condition, negated or not,
// answers as if the draft did not exist. Otherwise plain is applied as is.
func ForeignKeyPredicate[T any](plain func(*sql.Selector), table, idColumn, column string, op ForeignKeyOp, args ...T) func(*sql.Selector) {
	return func(s *sql.Selector) {
		if !HidesDrafts(s.Context()) || ((op == OpIn || op == OpNotIn) && len(args) == 0) {
			plain(s)
			return
		}
		b := sql.Dialect(s.Dialect())
		t := b.Table(table)
		published := b.Select(t.C(idColumn)).From(t).Where(Public(t.C, Now()))
		s.Where(sql.P(func(w *sql.Builder) {
			w.WriteString("(CASE WHEN ").WriteString(s.C(column)).WriteString(" IN ")
			w.Wrap(func(w *sql.Builder) { w.Join(published) })
			w.WriteString(" THEN ").WriteString(s.C(column)).WriteString(" END) ").WriteString(string(op))
			switch op {
			case OpIsNil, OpNotNil:
			case OpIn, OpNotIn:
				w.WriteByte(' ').Wrap(func(w *sql.Builder) {
					for i, a := range args {
						if i > 0 {
							w.Comma()
						}
						w.Arg(a)
					}
				})
			default:
				w.WriteByte(' ').Arg(args[0])
			}
		}))
	}
}
