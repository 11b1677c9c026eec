package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
)

// Error codes of refused mutations.
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
)

// AccessError refuses a request for lack of a token or of a role.
type AccessError struct {
	Code string
	Msg  string
}

func (e *AccessError) Error() string { return e.Msg }

// editorClient returns the transactional client of a request whose viewer
// has at least the role; anonymous requests and weaker roles get a clear
// error. The client comes from the context (entgql.Transactioner opened the
// transaction on the viewer's client), so an anonymous request could not
// write even without this check.
func editorClient(ctx context.Context, role visibility.Role) (*ent.Client, visibility.Viewer, error) {
	v, ok := visibility.ViewerFrom(ctx)
	if !ok {
		return nil, v, &AccessError{CodeUnauthenticated, "this needs a token: send Authorization: Bearer <token>"}
	}
	if !v.Role.AtLeast(role) {
		return nil, v, &AccessError{CodeForbidden, fmt.Sprintf("this needs the %s role; the token %q has %s", strings.ToLower(string(role)), v.Name, strings.ToLower(string(v.Role)))}
	}
	c := ent.FromContext(ctx)
	if c == nil {
		return nil, v, errors.New("editing: no transaction in context")
	}
	return c, v, nil
}

// statusOf returns the publication status of a content node.
func statusOf(n ent.Noder) (schematype.Status, bool) {
	switch x := n.(type) {
	case *ent.Brand:
		return x.Status, true
	case *ent.RoleModel:
		return x.Status, true
	case *ent.Enterprise:
		return x.Status, true
	case *ent.Alliance:
		return x.Status, true
	case *ent.Venue:
		return x.Status, true
	case *ent.MediaCoverage:
		return x.Status, true
	}
	return "", false
}

// Editable checks that the viewer may change the item: editors change
// drafts only; publishers change anything.
func Editable(ctx context.Context, id int) (*ent.Client, error) {
	c, v, err := editorClient(ctx, visibility.RoleEditor)
	if err != nil {
		return nil, err
	}
	n, err := loadContent(ctx, c, id)
	if err != nil {
		return nil, err
	}
	if st, _ := statusOf(n); st == schematype.StatusPublished && !v.Role.AtLeast(visibility.RolePublisher) {
		return nil, &AccessError{CodeForbidden, "editors change drafts only: this item is published; a publisher can unpublish it first"}
	}
	return c, nil
}

// Deleted deletes any content item (publishers) and returns its ID.
func Deleted(ctx context.Context, id int, del func(*ent.Client) error) (int, error) {
	c, _, err := editorClient(ctx, visibility.RolePublisher)
	if err != nil {
		return 0, err
	}
	if err := del(c); err != nil {
		return 0, err
	}
	return id, nil
}

// SetPublished publishes or unpublishes any content item (publishers).
func SetPublished(ctx context.Context, id int, publish bool) (ent.Noder, error) {
	c, _, err := editorClient(ctx, visibility.RolePublisher)
	if err != nil {
		return nil, err
	}
	n, err := loadContent(ctx, c, id)
	if err != nil {
		return nil, err
	}
	status := schematype.StatusDraft
	if publish {
		status = schematype.StatusPublished
	}
	now := time.Now()
	switch x := n.(type) {
	case *ent.Brand:
		err = c.Brand.UpdateOne(x).SetStatus(status).SetNillablePublishedAt(firstPublished(x.PublishedAt, publish, now)).Exec(ctx)
	case *ent.RoleModel:
		err = c.RoleModel.UpdateOne(x).SetStatus(status).SetNillablePublishedAt(firstPublished(x.PublishedAt, publish, now)).Exec(ctx)
	case *ent.Enterprise:
		err = c.Enterprise.UpdateOne(x).SetStatus(status).SetNillablePublishedAt(firstPublished(x.PublishedAt, publish, now)).Exec(ctx)
	case *ent.Alliance:
		err = c.Alliance.UpdateOne(x).SetStatus(status).SetNillablePublishedAt(firstPublished(x.PublishedAt, publish, now)).Exec(ctx)
	case *ent.Venue:
		err = c.Venue.UpdateOne(x).SetStatus(status).SetNillablePublishedAt(firstPublished(x.PublishedAt, publish, now)).Exec(ctx)
	case *ent.MediaCoverage:
		err = c.MediaCoverage.UpdateOne(x).SetStatus(status).SetNillablePublishedAt(firstPublished(x.PublishedAt, publish, now)).Exec(ctx)
	default:
		return nil, userErrorf("%T items have no publication status", n)
	}
	if err != nil {
		return nil, err
	}
	return c.Noder(ctx, id)
}

// loadContent loads a whole content item by ID, whatever its type. It does
// not use Noder, which would load only the columns the client selected.
func loadContent(ctx context.Context, c *ent.Client, id int) (ent.Noder, error) {
	lookups := []func() (ent.Noder, error){
		func() (ent.Noder, error) { return orNil(c.Brand.Get(ctx, id)) },
		func() (ent.Noder, error) { return orNil(c.RoleModel.Get(ctx, id)) },
		func() (ent.Noder, error) { return orNil(c.MediaCoverage.Get(ctx, id)) },
		func() (ent.Noder, error) { return orNil(c.Venue.Get(ctx, id)) },
		func() (ent.Noder, error) { return orNil(c.Enterprise.Get(ctx, id)) },
		func() (ent.Noder, error) { return orNil(c.Alliance.Get(ctx, id)) },
	}
	for _, lookup := range lookups {
		n, err := lookup()
		if err != nil {
			return nil, err
		}
		if n != nil {
			return n, nil
		}
	}
	return nil, &ent.NotFoundError{}
}

// orNil turns not-found into a nil node, so lookups can be chained.
func orNil[T ent.Noder](n T, err error) (ent.Noder, error) {
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return n, nil
}

// firstPublished keeps the first publication time.
func firstPublished(was *time.Time, publish bool, now time.Time) *time.Time {
	if publish && was == nil {
		return &now
	}
	return was
}

// FeatureBrand features a brand at a rank, optionally within a window.
func FeatureBrand(ctx context.Context, id, rank int, from, until *time.Time) (*ent.Brand, error) {
	c, _, err := editorClient(ctx, visibility.RolePublisher)
	if err != nil {
		return nil, err
	}
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

// UnfeatureBrand stops featuring a brand.
func UnfeatureBrand(ctx context.Context, id int) (*ent.Brand, error) {
	c, _, err := editorClient(ctx, visibility.RolePublisher)
	if err != nil {
		return nil, err
	}
	return c.Brand.UpdateOneID(id).SetFeatured(false).ClearFeaturedFrom().ClearFeaturedUntil().Save(ctx)
}

// CurrentViewer is the authenticated token holder, or nil.
func CurrentViewer(ctx context.Context) *visibility.Viewer {
	if v, ok := visibility.ViewerFrom(ctx); ok {
		return &v
	}
	return nil
}
