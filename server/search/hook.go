// Package search is the journalists' full-text search over brands,
// role models, enterprises, alliances, venues and media coverage.
//
// One Go tokenizer (text.go) folds text (NFKC, lower case, traditional to
// simplified) and cuts it into tokens: bigrams of Chinese characters (plus
// single characters of names and titles), words of other scripts, pinyin
// of names. The hook in this file writes an item's tokens into the search
// side table (ent type SearchDoc) in the same transaction as the item, and
// the databases only index those tokens: a GIN index over a tsvector on
// PostgreSQL, an FTS5 table on SQLite (setup.go; the store's migration
// calls it). A query (query.go, search.go) asks
// the index for a bounded set of candidates, then checks, ranks and
// highlights them in Go, so both databases give the same answers.
package search

import (
	"context"
	"fmt"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/event"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/rolemodel"
	"brandshow/ent/searchdoc"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"

	"entgo.io/ent/dialect/sql"
)

type noIndexingKey struct{}

// WithoutIndexing returns a context whose writes skip the search hook. Bulk
// loaders use it and call Rebuild afterwards; nothing else should.
func WithoutIndexing(ctx context.Context) context.Context {
	return context.WithValue(ctx, noIndexingKey{}, true)
}

func indexingDisabled(ctx context.Context) bool {
	v, _ := ctx.Value(noIndexingKey{}).(bool)
	return v
}

// typeOfMutation maps ent's type names to item types.
var typeOfMutation = map[string]ItemType{
	"Brand": TypeBrand, "RoleModel": TypeRoleModel, "Enterprise": TypeEnterprise,
	"Alliance": TypeAlliance, "Venue": TypeVenue, "MediaCoverage": TypeMediaCoverage, "Event": TypeEvent,
}

type idsMutation interface {
	IDs(context.Context) ([]int, error)
	ID() (int, bool)
	Client() *ent.Client
}

// Hook keeps the search side table in step with a content type. It runs
// the content write, then rewrites the affected items' rows with the same
// client — the transaction's, when the write runs in one, so content and
// index commit or roll back together: a published item is findable at once
// and a deleted or unpublished one vanishes at once. (A write outside a
// transaction updates the index right after it, on the same client.)
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			typ, ok := typeOfMutation[m.Type()]
			im, ok2 := m.(idsMutation)
			if !ok || !ok2 || indexingDisabled(ctx) {
				return next.Mutate(ctx, m)
			}
			dctx := visibility.WithDrafts(ctx) // the index holds drafts too, marked as such
			var ids, coverage []int
			if !m.Op().Is(ent.OpCreate) {
				var err error
				if ids, err = im.IDs(dctx); err != nil {
					return nil, fmt.Errorf("search index: %w", err)
				}
				if coverage, err = coverageOfBrands(dctx, im.Client(), m, ids); err != nil {
					return nil, err
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if id, ok := im.ID(); ok && m.Op().Is(ent.OpCreate) {
				ids = []int{id}
			}
			if bm, ok := m.(*ent.BrandMutation); ok {
				coverage = append(coverage, bm.MediaCoveragesIDs()...)
				coverage = append(coverage, bm.RemovedMediaCoveragesIDs()...)
			}
			client := im.Client()
			if err := Reindex(dctx, client, typ, ids); err != nil {
				return nil, err
			}
			if err := Reindex(dctx, client, TypeMediaCoverage, coverage); err != nil {
				return nil, err
			}
			return v, nil
		})
	}
}

// coverageOfBrands returns the coverage about brands whose region changes
// or which are deleted: coverage is filtered by its brands' regions.
func coverageOfBrands(ctx context.Context, client *ent.Client, m ent.Mutation, ids []int) ([]int, error) {
	bm, ok := m.(*ent.BrandMutation)
	if !ok || len(ids) == 0 {
		return nil, nil
	}
	if _, changed := bm.RegionID(); !changed && !m.Op().Is(ent.OpDelete|ent.OpDeleteOne) {
		return nil, nil
	}
	cov, err := client.MediaCoverage.Query().Where(mediacoverage.HasBrandsWith(brand.IDIn(ids...))).IDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return cov, nil
}

// Reindex rewrites the side-table rows of the given items of one type:
// items that exist get their row written, the others lose theirs. The
// context must see drafts (visibility.WithDrafts), or drafts lose their rows.
func Reindex(ctx context.Context, client *ent.Client, typ ItemType, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	rs, err := LoadRegions(ctx, client)
	if err != nil {
		return err
	}
	return reindex(ctx, client, typ, ids, rs)
}

func reindex(ctx context.Context, client *ent.Client, typ ItemType, ids []int, rs Regions) error {
	docs, err := loadDocs(ctx, client, typ, ids, rs, true)
	if err != nil {
		return fmt.Errorf("search index: load %s: %w", typ, err)
	}
	var gone []int
	builders := make([]*ent.SearchDocCreate, 0, len(docs))
	for _, id := range ids {
		d, ok := docs[id]
		if !ok {
			gone = append(gone, id)
			continue
		}
		names, all := d.tokens()
		// The schedule is mirrored with the status: the publication
		// interceptor then hides a scheduled item's row like the item.
		publishAt, unpublishAt := scheduleOf(d)
		name, py := "", ""
		var keys suggestKeys
		if len(d.Fields) > 0 && d.Fields[0].Title {
			name = d.Fields[0].Text.Orig
			py = joinSyllables(d.NamePinyin)
			keys = suggestKeysOf(d.Fields[0].Text.Runes, d.NamePinyin)
		}
		builders = append(builders, client.SearchDoc.Create().
			SetItemType(typ).SetItemID(id).SetStatus(d.Status).SetNillablePublishedAt(publishedAt(d)).
			SetNillablePublishAt(publishAt).SetNillableUnpublishAt(unpublishAt).
			SetSortDate(d.SortDate).SetCategory(d.Category).SetLevel(d.Level).SetMedium(d.Medium).
			SetPrefectures(joinWords(d.Prefectures)).SetName(name).SetPinyin(py).
			SetNameKey(keys.name).SetPinyinKey(keys.pinyin).SetInitialsKey(keys.initials).
			SetNameTokens(names).SetTokens(all).SetText(d.storedText()))
	}
	if len(gone) > 0 {
		if _, err := client.SearchDoc.Delete().Where(searchdoc.ItemTypeEQ(typ), searchdoc.ItemIDIn(gone...)).Exec(ctx); err != nil {
			return fmt.Errorf("search index: delete: %w", err)
		}
	}
	for len(builders) > 0 {
		n := min(len(builders), 200)
		err := client.SearchDoc.CreateBulk(builders[:n]...).
			OnConflictColumns(searchdoc.FieldItemType, searchdoc.FieldItemID).UpdateNewValues().
			// A schedule cleared is not set on the new row: copy NULL too.
			Update(func(u *ent.SearchDocUpsert) { u.UpdatePublishAt().UpdateUnpublishAt() }).Exec(ctx)
		if err != nil {
			return fmt.Errorf("search index: write: %w", err)
		}
		builders = builders[n:]
	}
	// On PostgreSQL, a trigger adds the rows' block tokens in the same write
	// (see blockShift).
	return nil
}

func publishedAt(d *Doc) *time.Time {
	switch e := d.Entity.(type) {
	case *ent.Brand:
		return e.PublishedAt
	case *ent.RoleModel:
		return e.PublishedAt
	case *ent.Enterprise:
		return e.PublishedAt
	case *ent.Alliance:
		return e.PublishedAt
	case *ent.Venue:
		return e.PublishedAt
	case *ent.MediaCoverage:
		return e.PublishedAt
	case *ent.Event:
		return e.PublishedAt
	}
	return nil
}

// scheduleOf is the item's publication window (publish_at, unpublish_at).
func scheduleOf(d *Doc) (publishAt, unpublishAt *time.Time) {
	switch e := d.Entity.(type) {
	case *ent.Brand:
		return e.PublishAt, e.UnpublishAt
	case *ent.RoleModel:
		return e.PublishAt, e.UnpublishAt
	case *ent.Enterprise:
		return e.PublishAt, e.UnpublishAt
	case *ent.Alliance:
		return e.PublishAt, e.UnpublishAt
	case *ent.Venue:
		return e.PublishAt, e.UnpublishAt
	case *ent.MediaCoverage:
		return e.PublishAt, e.UnpublishAt
	case *ent.Event:
		return e.PublishAt, e.UnpublishAt
	}
	return nil, nil
}

// Rebuild rewrites the whole side table from the content tables, in batches
// (each its own transaction). Use it after a bulk load with WithoutIndexing
// or when the tokenizer changes.
func Rebuild(ctx context.Context, client *ent.Client) error {
	ctx = visibility.WithDrafts(ctx)
	rs, err := LoadRegions(ctx, client)
	if err != nil {
		return err
	}
	if _, err := client.SearchDoc.Delete().Exec(ctx); err != nil {
		return fmt.Errorf("search index: clear: %w", err)
	}
	for _, typ := range AllTypes {
		last := 0
		for {
			ids, err := idsAfter(ctx, client, typ, last, 500)
			if err != nil {
				return fmt.Errorf("search index: rebuild %s: %w", typ, err)
			}
			if len(ids) == 0 {
				break
			}
			tx, err := client.Tx(ctx)
			if err != nil {
				return fmt.Errorf("search index: rebuild: %w", err)
			}
			if err := reindex(ctx, tx.Client(), typ, ids, rs); err != nil {
				_ = tx.Rollback()
				return err
			}
			if err := tx.Commit(); err != nil {
				return fmt.Errorf("search index: rebuild: %w", err)
			}
			last = ids[len(ids)-1]
		}
	}
	return nil
}

// IndexAll writes the rows of every item with the given client, in the
// caller's transaction when the client is a transaction's. Bulk loaders that
// write with WithoutIndexing call it before they commit.
func IndexAll(ctx context.Context, client *ent.Client) error {
	ctx = visibility.WithDrafts(ctx)
	rs, err := LoadRegions(ctx, client)
	if err != nil {
		return err
	}
	for _, typ := range AllTypes {
		for last := 0; ; {
			ids, err := idsAfter(ctx, client, typ, last, 500)
			if err != nil {
				return fmt.Errorf("search index: %s: %w", typ, err)
			}
			if len(ids) == 0 {
				break
			}
			if err := reindex(ctx, client, typ, ids, rs); err != nil {
				return err
			}
			last = ids[len(ids)-1]
		}
	}
	return nil
}

// EnsureBuilt rebuilds the side table when it is empty but content exists
// (a database that had content before search was added), or when a row's
// folded text is missing (written before the column existed); rows without
// suggest keys (written before those existed) get them from their own
// columns.
func EnsureBuilt(ctx context.Context, client *ent.Client) error {
	ctx = visibility.WithDrafts(ctx)
	if n, err := client.SearchDoc.Query().Limit(1).Count(ctx); err != nil {
		return err
	} else if n > 0 {
		// octet_length reads the stored length, not the long text itself.
		old, err := client.SearchDoc.Query().Where(func(s *sql.Selector) {
			s.Where(sql.P(func(b *sql.Builder) {
				b.WriteString("octet_length(").Ident(s.C(searchdoc.FieldText)).WriteString(") = 0")
			}))
		}).Exist(ctx)
		if err != nil {
			return err
		}
		if old {
			return Rebuild(ctx, client)
		}
		return backfillSuggestKeys(ctx, client)
	}
	for _, typ := range AllTypes {
		ids, err := idsAfter(ctx, client, typ, 0, 1)
		if err != nil {
			return err
		}
		if len(ids) > 0 {
			return Rebuild(ctx, client)
		}
	}
	return nil
}

// backfillSuggestKeys fills the suggest keys of rows written before they
// existed, from the row's own name and pinyin columns: no content is read
// and no tokens are rewritten, so an upgrade costs one small update per row
// instead of a rebuild (minutes on a large PostgreSQL database). Each row is
// visited once (ID order), so a name that folds to nothing cannot loop.
func backfillSuggestKeys(ctx context.Context, client *ent.Client) error {
	for last := 0; ; {
		rows, err := client.SearchDoc.Query().
			Where(searchdoc.IDGT(last), searchdoc.NameNEQ(""), searchdoc.NameKey("")).
			Order(searchdoc.ByID()).Limit(500).
			Select(searchdoc.FieldID, searchdoc.FieldName, searchdoc.FieldPinyin).All(ctx)
		if err != nil {
			return fmt.Errorf("search index: suggest keys: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		tx, err := client.Tx(ctx)
		if err != nil {
			return fmt.Errorf("search index: suggest keys: %w", err)
		}
		for _, r := range rows {
			k := suggestKeysOf(Fold(r.Name).Runes, Pinyin{Syllables: strings.Fields(r.Pinyin)})
			err := tx.SearchDoc.UpdateOneID(r.ID).SetNameKey(k.name).SetPinyinKey(k.pinyin).SetInitialsKey(k.initials).Exec(ctx)
			if err != nil {
				_ = tx.Rollback()
				return fmt.Errorf("search index: suggest keys: %w", err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("search index: suggest keys: %w", err)
		}
		last = rows[len(rows)-1].ID
	}
}

func joinSyllables(p Pinyin) string { return strings.Join(p.Syllables, " ") }
func joinWords(w []string) string   { return strings.Join(w, " ") }

// idsAfter pages through the IDs of one type (drafts included by the context).
func idsAfter(ctx context.Context, client *ent.Client, typ ItemType, after, n int) ([]int, error) {
	switch typ {
	case TypeBrand:
		return client.Brand.Query().Where(brand.IDGT(after)).Order(brand.ByID()).Limit(n).IDs(ctx)
	case TypeRoleModel:
		return client.RoleModel.Query().Where(rolemodel.IDGT(after)).Order(rolemodel.ByID()).Limit(n).IDs(ctx)
	case TypeEnterprise:
		return client.Enterprise.Query().Where(enterprise.IDGT(after)).Order(enterprise.ByID()).Limit(n).IDs(ctx)
	case TypeAlliance:
		return client.Alliance.Query().Where(alliance.IDGT(after)).Order(alliance.ByID()).Limit(n).IDs(ctx)
	case TypeVenue:
		return client.Venue.Query().Where(venue.IDGT(after)).Order(venue.ByID()).Limit(n).IDs(ctx)
	case TypeEvent:
		return client.Event.Query().Where(event.IDGT(after)).Order(event.ByID()).Limit(n).IDs(ctx)
	case TypeMediaCoverage:
		return client.MediaCoverage.Query().Where(mediacoverage.IDGT(after)).Order(mediacoverage.ByID()).Limit(n).IDs(ctx)
	}
	return nil, fmt.Errorf("search: unknown type %s", typ)
}
