package visibility

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"brandshow/ent/schematype"

	"entgo.io/ent"
	"entgo.io/ent/privacy"
)

// Who may write is decided here too, once, by ent's privacy layer: the
// schemas declare these rules as their Policy (ent/schema/policy.go), so
// every write — GraphQL mutations, import, seed, the token commands — passes
// the same checks, and resolvers only build the mutation.

// DeniedError is a write that the rules refused: without a viewer
// (Unauthenticated) or for lack of a role. It wraps privacy.Deny; the GraphQL
// error presenter maps it with errors.As to UNAUTHENTICATED or FORBIDDEN and
// shows Reason as the message.
type DeniedError struct {
	Unauthenticated bool
	Reason          string
	cause           error
}

func (e *DeniedError) Error() string {
	if e.cause != nil {
		return e.Reason + " (" + e.cause.Error() + ")"
	}
	return e.Reason
}

// Unwrap returns privacy.Deny, and the refusal this one explains, if any.
func (e *DeniedError) Unwrap() []error {
	if e.cause != nil {
		return []error{privacy.Deny, e.cause}
	}
	return []error{privacy.Deny}
}

// WithSystem returns a context for the server's own work — the seed loader,
// import and export, the token commands, token bookkeeping, the audit log's
// writer: it sees drafts, and ent's privacy policies allow its writes
// (an explicit privacy.Allow decision), which they refuse to every other
// context without a viewer.
func WithSystem(ctx context.Context) context.Context {
	return privacy.DecisionContext(WithDrafts(ctx), privacy.Allow)
}

// IsSystem reports whether ctx is the server's own (WithSystem).
func IsSystem(ctx context.Context) bool {
	// ent reports an Allow decision as a nil error.
	d, ok := privacy.DecisionFromContext(ctx)
	return ok && (d == nil || errors.Is(d, privacy.Allow))
}

var errNoViewer = &DeniedError{Unauthenticated: true, Reason: "this needs a token: send Authorization: Bearer <token>"}

// needRole answers a viewer that lacks the role.
func needRole(v Viewer, role Role) error {
	return &DeniedError{Reason: fmt.Sprintf("this needs the %s role; the token %q has %s",
		strings.ToLower(string(role)), v.Name, strings.ToLower(string(v.Role)))}
}

// viewerWith returns the viewer of ctx if it has at least the role, and the
// refusal otherwise.
func viewerWith(ctx context.Context, role Role) (Viewer, error) {
	v, ok := ViewerFrom(ctx)
	if !ok {
		return v, errNoViewer
	}
	if !v.Role.AtLeast(role) {
		return v, needRole(v, role)
	}
	return v, nil
}

// Require refuses a context without a viewer, or whose viewer lacks the
// role, with the same errors as the write rules: for the few reads that need
// a role (an item's history) and operations checked before their writes.
func Require(ctx context.Context, role Role) error {
	_, err := viewerWith(ctx, role)
	return err
}

// RequireRole is the write rule of data that only the role may change
// (tokens: admins; regions, which the public sees at once: publishers).
func RequireRole(role Role) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
		if _, err := viewerWith(ctx, role); err != nil {
			return err
		}
		return privacy.Allow
	})
}

// SystemOnly is the write rule of data that no viewer writes directly (the
// audit log, written by its hook under WithSystem).
func SystemOnly() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
		if _, ok := ViewerFrom(ctx); !ok {
			return errNoViewer
		}
		return &DeniedError{Reason: "forbidden: this is written by the server only"}
	})
}

// PublicationFields are the columns that decide what the public sees and
// how prominently: publishing, unpublishing and featuring set them, and only
// publishers may.
var PublicationFields = []string{"status", "published_at", PublishAtColumn, UnpublishAtColumn, "featured", "featured_rank", "featured_from", "featured_until"}

// ContentWrite is the write rule of the content types:
//   - editors create drafts and change drafts, one at a time; their
//     changes to a published item become a pending revision (ent/pending);
//   - publishers also publish revisions, publish, unpublish, schedule
//     and feature (set any of PublicationFields) and delete;
//   - a context without a viewer may not write (see WithSystem).
//
// A new item's publication fields may carry only their defaults (DRAFT, not
// featured), which ent sets before the rule runs.
func ContentWrite() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v, err := viewerWith(ctx, RoleEditor)
		if err != nil {
			return err
		}
		if v.Role.AtLeast(RolePublisher) {
			return privacy.Allow
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			for _, name := range PublicationFields {
				if val, ok := m.Field(name); ok && !isDefault(val) {
					return needRole(v, RolePublisher)
				}
			}
			return privacy.Allow
		case m.Op().Is(ent.OpUpdateOne):
			for _, name := range PublicationFields {
				if _, ok := m.Field(name); ok || m.FieldCleared(name) {
					return needRole(v, RolePublisher)
				}
			}
			old, err := m.OldField(ctx, "status")
			if err != nil {
				return err // not found, say
			}
			if old == schematype.StatusPublished && ApplyingRevision(ctx) {
				return needRole(v, RolePublisher)
			}
			// An editor's change to a published item becomes a pending
			// revision (ent/pending), which the public does not see.
			return privacy.Allow
		}
		// Deletes, and bulk updates whose rows the rule cannot check one by one.
		return needRole(v, RolePublisher)
	})
}

// isDefault reports whether a publication field's value is what a new item
// gets anyway: DRAFT, false, 0 or nothing.
func isDefault(v ent.Value) bool {
	if v == schematype.StatusDraft {
		return true
	}
	rv := reflect.ValueOf(v)
	return !rv.IsValid() || rv.IsZero()
}

// WritesNeedToken is the outermost hook of the read-only client that serves
// requests without a token (before hook.Reject, which refuses every write):
// it gives that refusal the type of a write without a viewer, so the API
// answers UNAUTHENTICATED, as the privacy rules do.
func WritesNeedToken(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, &DeniedError{Unauthenticated: true, Reason: errNoViewer.Reason, cause: err}
		}
		return v, nil
	})
}

// Need returns the refusal (a *DeniedError) unless the viewer of ctx has at
// least the role: for work outside ent's mutations that only token holders
// may do (storing an uploaded picture).
func Need(ctx context.Context, role Role) error {
	_, err := viewerWith(ctx, role)
	return err
}

// AdminOnly is the read and write rule of data that only admins may see or
// change (webhooks and their delivery log): without a viewer the answer is
// UNAUTHENTICATED, for other roles FORBIDDEN, whatever the query asks for.
func AdminOnly() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if _, err := viewerWith(ctx, RoleAdmin); err != nil {
			return err
		}
		return privacy.Allow
	})
}

type applyingKey struct{}

// WithRevisionApplied marks ctx as publishing a pending revision
// (graph.PublishRevision): its update of a published item changes the item
// itself instead of becoming a revision again, and only publishers may make
// it.
func WithRevisionApplied(ctx context.Context) context.Context {
	return context.WithValue(ctx, applyingKey{}, true)
}

// ApplyingRevision reports whether ctx publishes a revision
// (WithRevisionApplied).
func ApplyingRevision(ctx context.Context) bool {
	applying, _ := ctx.Value(applyingKey{}).(bool)
	return applying
}
