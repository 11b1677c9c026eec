package graph

import (
	"context"
	"fmt"
	"time"

	"brandshow/ent"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
)

// Who may write what is not checked here: the schemas' privacy policies
// (ent/schema/policy.go, rules in ent/visibility/write.go) refuse a write
// without a token or the role, on every path, and the error presenter maps
// the refusal to UNAUTHENTICATED or FORBIDDEN. The helpers below only build
// the mutations that are more than one builder call. Mutations run on the
// transactional client of the request (ent.FromContext): the read-only one
// for requests without a token.

// Error codes of refused mutations.
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
)

// SetPublished publishes or unpublishes any content item: it sets the
// item's status, which only publishers may change (the first publication
// time is set by the schema's hook). The type comes from the ID alone, so a
// refusal does not depend on whether the item exists.
func SetPublished(ctx context.Context, c *ent.Client, id int, publish bool) (ent.Noder, error) {
	status := schematype.StatusDraft
	if publish {
		status = schematype.StatusPublished
	}
	m, err := updateContent(ctx, c, id)
	if err != nil {
		return nil, err
	}
	if err := m.SetField("status", status); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	if _, err := c.Mutate(ctx, m); err != nil {
		return nil, err
	}
	return c.Noder(ctx, id)
}

// updateContent starts the update of the content item with the given
// global ID; an ID of anything else is not found. The type comes from the ID
// alone (no read), so the caller's rights decide the answer before the
// item's existence does.
func updateContent(ctx context.Context, c *ent.Client, id int) (ent.Mutation, error) {
	table, err := c.NodeType(ctx, id)
	if err != nil {
		return nil, err
	}
	m, ok := c.UpdateContent(table, id)
	if !ok {
		return nil, &ent.NotFoundError{} // not a content item
	}
	return m, nil
}

// FeatureBrand features a brand at a rank, optionally within a window.
func FeatureBrand(ctx context.Context, c *ent.Client, id, rank int, from, until *time.Time) (*ent.Brand, error) {
	if from != nil && until != nil && !until.After(*from) {
		return nil, userErrorf("until (%s) must be after from (%s)", until.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	u := c.Brand.UpdateOneID(id).SetFeatured(true).SetFeaturedRank(rank)
	if from != nil {
		u.SetFeaturedFrom(*from)
	} else {
		u.ClearFeaturedFrom()
	}
	if until != nil {
		u.SetFeaturedUntil(*until)
	} else {
		u.ClearFeaturedUntil()
	}
	return u.Save(ctx)
}

// CurrentViewer is the authenticated token holder, or nil.
func CurrentViewer(ctx context.Context) *visibility.Viewer {
	if v, ok := visibility.ViewerFrom(ctx); ok {
		return &v
	}
	return nil
}
