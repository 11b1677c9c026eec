package graph

import (
	"context"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/event"
	"brandshow/ent/figure"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/recognition"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
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
	table, err := c.NodeType(ctx, id)
	if err != nil {
		return nil, err
	}
	switch table {
	case brand.Table:
		err = c.Brand.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case rolemodel.Table:
		err = c.RoleModel.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case enterprise.Table:
		err = c.Enterprise.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case alliance.Table:
		err = c.Alliance.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case venue.Table:
		err = c.Venue.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case mediacoverage.Table:
		err = c.MediaCoverage.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case event.Table:
		err = c.Event.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case figure.Table:
		err = c.Figure.UpdateOneID(id).SetStatus(status).Exec(ctx)
	case recognition.Table:
		err = c.Recognition.UpdateOneID(id).SetStatus(status).Exec(ctx)
	default:
		return nil, &ent.NotFoundError{} // not a content item
	}
	if err != nil {
		return nil, err
	}
	return c.Noder(ctx, id)
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
