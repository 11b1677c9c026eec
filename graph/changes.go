package graph

import (
	"context"
	"errors"
	"fmt"

	"brandshow/ent"
	"brandshow/ent/changelogentry"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// loadChanges reads one page of the public change log (ent/changelog)
// after since, in log order, with the upserted items as they are now: one
// statement for the page of entries, then one per content type among them
// (Noders, collected for the query's Change.node selection), whatever the
// page size. The log holds only public changes, and the items are loaded
// through the caller's view, so a draft never appears: an UPSERT whose item
// has become a draft again has a null node (its TOMBSTONE follows).
func loadChanges(ctx context.Context, client *ent.Client, since *entgql.Cursor[int], first *int) (*ChangePage, error) {
	n := 100
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxPageSize {
		return nil, userErrorf("first must be between 0 and %d", MaxPageSize)
	}
	q := client.ChangeLogEntry.Query().Order(ent.Asc(changelogentry.FieldID)).Limit(n + 1)
	if since != nil {
		q = q.Where(changelogentry.IDGT(since.ID))
	}
	entries, err := q.All(ctx)
	if err != nil {
		return nil, fmt.Errorf("changes: %w", err)
	}
	page := &ChangePage{Changes: []*Change{}, HasMore: len(entries) > n, Cursor: since}
	if page.HasMore {
		entries = entries[:n]
	}
	var ids []int
	for _, e := range entries {
		if e.Kind == changelogentry.KindUPSERT {
			ids = append(ids, e.EntityID)
		}
	}
	nodes := map[int]ent.Noder{}
	nodeCtx := childFieldContext(ctx, "changes", "node")
	if fc := graphql.GetFieldContext(nodeCtx); len(ids) > 0 && (fc == nil || fc.Field.Field != nil) {
		loaded, err := visibleNodes(nodeCtx, client, ids)
		if err != nil {
			return nil, fmt.Errorf("changes: nodes: %w", err)
		}
		for i, node := range loaded {
			if node != nil {
				nodes[ids[i]] = node
			}
		}
	}
	for _, e := range entries {
		c := &Change{
			Cursor: entgql.Cursor[int]{ID: e.ID},
			Kind:   ChangeKind(e.Kind),
			Type:   e.EntityType,
			ID:     e.EntityID,
			At:     e.At,
		}
		if e.Kind == changelogentry.KindUPSERT {
			c.Node = nodes[e.EntityID]
		}
		page.Changes = append(page.Changes, c)
		page.Cursor = &entgql.Cursor[int]{ID: e.ID}
	}
	return page, nil
}

// changesHead is the cursor of the newest log entry (nil while the log is
// empty).
func changesHead(ctx context.Context, client *ent.Client) (*entgql.Cursor[int], error) {
	e, err := client.ChangeLogEntry.Query().Order(ent.Desc(changelogentry.FieldID)).Select(changelogentry.FieldID).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("changesHead: %w", err)
	}
	return &entgql.Cursor[int]{ID: e.ID}, nil
}

// visibleNodes is Noders for items that may have left the public since
// their UPSERT: such an item is nil, not an error. (Noders reports each
// missing node as an error of the answer, so it runs with an answer of its
// own here, and only its other errors are passed on.)
func visibleNodes(ctx context.Context, client *ent.Client, ids []int) ([]ent.Noder, error) {
	if len(ids) == 1 {
		n, err := client.Noder(ctx, ids[0])
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		return []ent.Noder{n}, nil
	}
	own := graphql.WithResponseContext(ctx, graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	nodes, err := client.Noders(own, ids)
	if err != nil {
		return nil, err
	}
	for _, e := range graphql.GetErrors(own) {
		if !isNotFound(e) {
			return nil, e
		}
	}
	return nodes, nil
}

// isNotFound tells ent's and entgql's not-found errors (by type and
// extension code) from the rest.
func isNotFound(err error) bool {
	if ent.IsNotFound(err) {
		return true
	}
	var ge *gqlerror.Error
	if errors.As(err, &ge) {
		code, _ := ge.Extensions["code"].(string)
		return code == "NOT_FOUND"
	}
	return false
}
