package search_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/ent/searchdoc"
	"brandshow/ent/visibility"
	"brandshow/server/search"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

var blockTokenRE = regexp.MustCompile(`xb_\d+`)

// TestBlockTokens: on PostgreSQL the trigger of the migrations gives every
// row exactly one block token, of its own ID shifted by blockShift (so the
// two agree), in both token columns, on insert and on the upsert a reindex
// makes; SQLite stores none.
func TestBlockTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := context.Background()
		item := db.Client.MediaCoverage.Create().SetSlug("blocks").SetTitleZh("绿萝卜丰收了").SetBodyZh("今年收成很好。").
			SetOutlet("示例报").SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)).
			SetStatus(schematype.StatusPublished).SaveX(visibility.WithSystem(ctx))
		check := func(step string, shift int) {
			t.Helper()
			doc := db.Client.SearchDoc.Query().Where(searchdoc.ItemID(item.ID)).OnlyX(ctx)
			var want []string
			if dia == dialect.Postgres {
				want = []string{fmt.Sprintf("xb_%d", doc.ID>>shift)}
			}
			for col, tokens := range map[string]string{"tokens": doc.Tokens, "name_tokens": doc.NameTokens} {
				if got := blockTokenRE.FindAllString(tokens, -1); !slices.Equal(got, want) {
					t.Errorf("%s: %s has block tokens %v, want %v (row %d, shift %d)", step, col, got, want, doc.ID, shift)
				}
			}
		}
		check("insert", search.BlockShift())
		item.Update().SetTitleZh("红萝卜丰收了").ExecX(visibility.WithSystem(ctx))
		check("reindex", search.BlockShift())
		// With blocks of one row, the ID an upsert draws before its
		// conflict is in another block than the row's: only the row's
		// own block must remain.
		defer search.SetBlockShift(t, db.SQL, dia, 0)()
		for i := range 2 {
			item.Update().SetTitleZh(fmt.Sprintf("白萝卜丰收了%d", i)).ExecX(visibility.WithSystem(ctx))
			check(fmt.Sprintf("reindex %d with blocks of one", i), 0)
		}
	})
}
