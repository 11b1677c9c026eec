package search_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"brandshow/ent/mediacoverage"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/search"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// TestSuggestPrefixes: names that start with the prefix (Chinese, pinyin or
// initials) come first, shortest first, however many newer names merely
// contain it; contains-matches fill the rest; drafts are never suggested to
// the public; the keys follow the content in its own transaction.
func TestSuggestPrefixes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, false)
		ctx := context.Background()
		// Prefix matches do not depend on the search's candidate bound
		// (suggest used to rank the newest candidates only).
		defer search.SetCandidateLimit(5, 4)()
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		add := func(slug, title string, status schematype.Status) {
			t.Helper()
			db.Client.MediaCoverage.Create().SetSlug(slug).SetTitleZh(title).SetBodyZh("正文。").SetOutlet("示例报").
				SetMedium(mediacoverage.MediumONLINE).SetPublishedOn(day).SetStatus(status).ExecX(visibility.WithSystem(ctx))
		}
		// The prefix matches are the oldest rows; more newer rows contain
		// the prefix than suggest reads of them.
		add("long", "绿萝卜丰收的秋天", schematype.StatusPublished)
		add("short", "绿萝卜丰收", schematype.StatusPublished)
		add("draft", "绿萝卜", schematype.StatusDraft)
		for i := range search.SuggestContainsLimit + 20 {
			add(fmt.Sprintf("contains-%d", i), fmt.Sprintf("集市上的绿萝卜%d", i), schematype.StatusPublished)
		}
		texts := func(ctx context.Context, prefix string, n int) []string {
			t.Helper()
			got, err := search.Suggest(ctx, db.Client, prefix, n)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, s := range got {
				out = append(out, s.Text)
			}
			return out
		}
		for _, p := range []string{"绿萝", "綠蘿蔔", "lvluo", "LVLUOBOFENG", "llb"} {
			if got := texts(ctx, p, 2); !slices.Equal(got, []string{"绿萝卜丰收", "绿萝卜丰收的秋天"}) {
				t.Errorf("suggest(%s) = %v, want the two prefix matches, shortest first, and no draft", p, got)
			}
		}
		// Contains-matches fill the list after the prefix matches: the
		// newest SuggestContainsLimit name matches, shortest first.
		want := []string{"绿萝卜丰收", "绿萝卜丰收的秋天", "集市上的绿萝卜99", "集市上的绿萝卜98"}
		if got := texts(ctx, "绿萝卜", 4); !slices.Equal(got, want) {
			t.Errorf("suggest(绿萝卜, 4) = %v, want %v", got, want)
		}
		// Pinyin from a later syllable is a contains-match too.
		if got := texts(ctx, "luobo", 2); !slices.Equal(got, want[2:]) {
			t.Errorf("suggest(luobo) = %v, want %v", got, want[2:])
		}
		// Editors see drafts, as everywhere.
		if got := texts(visibility.WithDrafts(ctx), "绿萝", 1); !slices.Equal(got, []string{"绿萝卜"}) {
			t.Errorf("suggest(绿萝) for editors = %v, want the draft, the shortest", got)
		}
		// A rolled-back rename leaves the keys; a committed one moves them.
		tx, err := db.Client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tx.MediaCoverage.Update().Where(mediacoverage.Slug("short")).SetTitleZh("红萝卜").ExecX(visibility.WithSystem(ctx))
		_ = tx.Rollback()
		if got := texts(ctx, "hlb", 1); len(got) != 0 {
			t.Errorf("suggest(hlb) after a rollback = %v", got)
		}
		db.Client.MediaCoverage.Update().Where(mediacoverage.Slug("short")).SetTitleZh("红萝卜").ExecX(visibility.WithSystem(ctx))
		if got := texts(ctx, "hlb", 1); !slices.Equal(got, []string{"红萝卜"}) {
			t.Errorf("suggest(hlb) after a rename = %v", got)
		}
	})
}

// TestSuggestKeysBackfill: rows written before the suggest keys existed get
// the very keys the index hook writes, from their own columns, when the
// store starts (EnsureBuilt).
func TestSuggestKeysBackfill(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		ctx := visibility.WithDrafts(context.Background())
		keys := func() map[int]string {
			out := map[int]string{}
			for _, d := range db.Client.SearchDoc.Query().AllX(ctx) {
				out[d.ID] = d.NameKey + "|" + d.PinyinKey + "|" + d.InitialsKey
			}
			return out
		}
		want := keys()
		if want[db.Client.SearchDoc.Query().FirstIDX(ctx)] == "||" {
			t.Fatal("the hook wrote no keys")
		}
		if _, err := db.SQL.ExecContext(ctx, `UPDATE search_docs SET name_key = '', pinyin_key = '', initials_key = ''`); err != nil {
			t.Fatal(err)
		}
		if err := search.EnsureBuilt(context.Background(), db.Client); err != nil {
			t.Fatal(err)
		}
		got := keys()
		for id, k := range want {
			if got[id] != k {
				t.Errorf("row %d: backfilled keys %q, the hook's %q", id, got[id], k)
			}
		}
		if dia == dialect.SQLite {
			// The FTS5 indexes still match their content (the updates
			// touched no tokens; an index trigger must not have half-fired).
			for _, fts := range []string{"search_fts", "search_name_fts"} {
				if _, err := db.SQL.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
					t.Errorf("%s: %v", fts, err)
				}
			}
		}
	})
}
