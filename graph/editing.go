package graph

import (
	"context"
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
// time is set by the schema's hook), and drops any schedule: publish means
// public from now on, open-ended; unpublish means draft, nothing pending.
// The type comes from the ID alone, so a refusal does not depend on whether
// the item exists.
func SetPublished(ctx context.Context, c *ent.Client, id int, publish bool) (ent.Noder, error) {
	status := schematype.StatusDraft
	if publish {
		status = schematype.StatusPublished
	}
	return setPublication(ctx, c, id, status, nil, nil)
}

// Schedule publishes any content item within a window: the item is
// PUBLISHED, and the public sees it from publishAt (null: now) until
// unpublishAt (null: open-ended), with no write at either time
// (visibility.Public decides at query time; server/schedule empties the
// caches and logs the change at the moment). Like featureBrand's window,
// the call sets the whole window: a bound left null is cleared.
func Schedule(ctx context.Context, c *ent.Client, id int, publishAt, unpublishAt *time.Time) (ent.Noder, error) {
	if unpublishAt != nil {
		if !unpublishAt.After(time.Now()) {
			return nil, fieldErrorf("unpublishAt", "unpublishAt (%s) must be in the future; to take the item back now, use unpublish", unpublishAt.Format(time.RFC3339))
		}
		if publishAt != nil && !unpublishAt.After(*publishAt) {
			return nil, fieldErrorf("unpublishAt", "unpublishAt (%s) must be after publishAt (%s)", unpublishAt.Format(time.RFC3339), publishAt.Format(time.RFC3339))
		}
	}
	return setPublication(ctx, c, id, schematype.StatusPublished, publishAt, unpublishAt)
}

// setPublication sets an item's status and schedule, in one update.
func setPublication(ctx context.Context, c *ent.Client, id int, status schematype.Status, publishAt, unpublishAt *time.Time) (ent.Noder, error) {
	m, err := updateContent(ctx, c, id)
	if err != nil {
		return nil, err
	}
	if err := m.SetField(visibility.StatusColumn, status); err != nil {
		return nil, err
	}
	for col, t := range map[string]*time.Time{visibility.PublishAtColumn: publishAt, visibility.UnpublishAtColumn: unpublishAt} {
		if t == nil {
			err = m.ClearField(col)
		} else {
			err = m.SetField(col, *t)
		}
		if err != nil {
			return nil, err
		}
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
