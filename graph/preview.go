package graph

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/previewlink"
	"brandshow/ent/visibility"
)

// Preview links. A link's secret is 32 random bytes (base64url); the
// database keeps its SHA-256 only, so a copy of the database opens no
// preview, and the secret is shown once. An unguessable secret looked up by
// its hash does what a signature would, and a row can be revoked at once.

// Lifetimes of preview links.
const (
	DefaultPreviewLifetime = 7 * 24 * time.Hour
	MaxPreviewLifetime     = 30 * 24 * time.Hour
)

// PreviewPath is where a preview link points: the public page of the item,
// shown by the web client with a banner.
const PreviewPath = "/preview/"

var secretPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

// ErrPreviewNotFound is the answer to an unknown, expired or revoked secret:
// the same answer for each, so a guess learns nothing.
var ErrPreviewNotFound = &ent.NotFoundError{}

// CreatePreviewLink makes a link that shows one content item for
// expiresIn seconds (nil: DefaultPreviewLifetime).
func CreatePreviewLink(ctx context.Context, c *ent.Client, id int, expiresIn *int) (*CreatedPreviewLink, error) {
	if err := visibility.Require(ctx, visibility.RoleEditor); err != nil {
		return nil, err
	}
	life := DefaultPreviewLifetime
	if expiresIn != nil {
		if *expiresIn < 60 || time.Duration(*expiresIn)*time.Second > MaxPreviewLifetime {
			return nil, userErrorf("expiresIn: %d seconds is out of range: from 60 to %d (30 days)", *expiresIn, int(MaxPreviewLifetime.Seconds()))
		}
		life = time.Duration(*expiresIn) * time.Second
	}
	if _, err := updateContent(ctx, c, id); err != nil {
		return nil, err // not a content item
	}
	item, err := c.Noder(ctx, id)
	if err != nil {
		return nil, err
	}
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, fmt.Errorf("preview link: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(raw[:])
	viewer, _ := visibility.ViewerFrom(ctx)
	link, err := c.PreviewLink.Create().
		SetItemID(id).SetItemType(typeName(item)).SetHash(hashSecret(secret)).
		SetCreatedBy(viewer.Name).SetExpiresAt(time.Now().Add(life).UTC().Truncate(time.Second)).
		Save(ctx)
	if err != nil {
		return nil, err
	}
	return &CreatedPreviewLink{URL: PreviewPath + secret, Link: link}, nil
}

// RevokePreviewLink revokes a link at once (a second revoke keeps the
// first time).
func RevokePreviewLink(ctx context.Context, c *ent.Client, id int) (*ent.PreviewLink, error) {
	link, err := c.PreviewLink.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if link.RevokedAt != nil {
		return link, nil
	}
	return link.Update().SetRevokedAt(time.Now()).Save(ctx)
}

// PreviewLinks lists an item's links, newest first.
func PreviewLinks(ctx context.Context, c *ent.Client, id int) ([]*ent.PreviewLink, error) {
	return c.PreviewLink.Query().Where(previewlink.ItemID(id)).
		Order(ent.Desc(previewlink.FieldCreatedAt), ent.Desc(previewlink.FieldID)).
		Limit(100).All(ctx)
}

// Preview returns the item a live link shows, with the item's drafts
// visible to this one lookup only, and its pending revision's field changes
// applied (in memory: nothing is written): fields resolved below it (its brands,
// people, region) run in the request's own context, which hides drafts, so
// the link grants that one item. The answer is marked private: no cache
// keeps it.
func Preview(ctx context.Context, c *ent.Client, secret string) (ent.Noder, error) {
	if o := OutcomeFrom(ctx); o != nil {
		o.Private = true
	}
	if !secretPattern.MatchString(secret) {
		return nil, ErrPreviewNotFound
	}
	sys := visibility.WithSystem(ctx)
	link, err := c.PreviewLink.Query().Where(previewlink.Hash(hashSecret(secret))).Only(sys)
	if ent.IsNotFound(err) {
		return nil, ErrPreviewNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	if link.RevokedAt != nil || !time.Now().Before(link.ExpiresAt) {
		return nil, ErrPreviewNotFound
	}
	// A context of its own, not the request's: the generated Noder loads
	// the edges the query selects along with the item (entgql's field
	// collection, which it finds in the request's context), and with
	// drafts visible those edges would show linked drafts too. Without the
	// field context it loads the item alone; the edges are then resolved in
	// the request's context, which hides drafts.
	own, cancel := context.WithCancel(visibility.WithDrafts(context.Background()))
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	item, err := c.Noder(own, link.ItemID)
	var nf *ent.NotFoundError
	if errors.As(err, &nf) {
		return nil, ErrPreviewNotFound // deleted since
	}
	if err != nil {
		return nil, err
	}
	// A published item with a pending revision is shown as it will be.
	rev, err := PendingRevision(sys, c, link.ItemID)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	if rev != nil {
		if err := showRevision(item, rev.Changes); err != nil {
			return nil, err
		}
	}
	return item, nil
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// typeName is the GraphQL type of a node.
func typeName(n ent.Noder) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", n), "*ent.")
}
