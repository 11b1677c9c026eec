package graph_test

import (
	"context"
	"strings"
	"testing"

	"brandshow/ent/brand"
	"brandshow/server/store/storetest"
)

// TestLongTextsLoadOnlyWhenSelected checks package lazytext end to end: a
// list of brand cards reads no story and no biography, while a page that
// selects them (directly, in a fragment, or on an interface) gets exactly
// the stored texts.
func TestLongTextsLoadOnlyWhenSelected(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, counter := storetest.Fresh(t, dia, true)
		h := uncachedHandler(db)
		ctx := context.Background()
		b := db.Client.Brand.Query().Where(brand.Featured(true), brand.StoryZhNEQ("")).WithRoleModels().FirstX(ctx)
		if len(b.Edges.RoleModels) == 0 || b.Edges.RoleModels[0].BioZh == "" {
			t.Fatalf("demo brand %s needs a role model with a biography", b.Slug)
		}
		long := func(stmts []string) (story, bio bool) {
			for _, s := range stmts {
				story = story || strings.Contains(s, "story_zh")
				bio = bio || strings.Contains(s, "bio_zh")
			}
			return
		}

		counter.Reset()
		var cards struct {
			FeaturedBrands []struct {
				Slug, Name string
				RoleModels struct {
					Edges []struct{ Node struct{ Name string } }
				}
			}
		}
		mustQuery(t, h, `{ featuredBrands(first: 20) { slug name(lang: EN) roleModels(first: 3) { edges { node { name } } } } }`, nil, &cards)
		if story, bio := long(counter.Statements()); story || bio {
			t.Errorf("brand cards read story (%v) or biography (%v):\n%s", story, bio, strings.Join(counter.Statements(), "\n"))
		}
		if len(cards.FeaturedBrands) == 0 || cards.FeaturedBrands[0].Name == "" || len(cards.FeaturedBrands[0].RoleModels.Edges) == 0 || cards.FeaturedBrands[0].RoleModels.Edges[0].Node.Name == "" {
			t.Fatalf("brand cards lost their short texts: %+v", cards)
		}

		counter.Reset()
		var page struct {
			Brand struct {
				Story      string
				RoleModels struct {
					Edges []struct{ Node struct{ Slug, Bio string } }
				}
			}
		}
		mustQuery(t, h, `query($slug: String!) { brand(slug: $slug) { ...Story roleModels { edges { node { slug bio } } } } }
			fragment Story on Brand { story }`, map[string]any{"slug": b.Slug}, &page)
		if story, bio := long(counter.Statements()); !story || !bio {
			t.Errorf("brand page read story %v, biography %v; want both", story, bio)
		}
		if page.Brand.Story != b.StoryZh {
			t.Errorf("story = %.40q, want %.40q", page.Brand.Story, b.StoryZh)
		}
		bios := map[string]string{}
		for _, p := range b.Edges.RoleModels {
			bios[p.Slug] = p.BioZh
		}
		for _, e := range page.Brand.RoleModels.Edges {
			if want, ok := bios[e.Node.Slug]; ok && e.Node.Bio != want {
				t.Errorf("bio of %s = %.40q, want %.40q", e.Node.Slug, e.Node.Bio, want)
			}
		}

		var id struct{ Brand struct{ ID string } }
		mustQuery(t, h, `query($slug: String!) { brand(slug: $slug) { id } }`, map[string]any{"slug": b.Slug}, &id)
		var node struct{ Node struct{ Story string } }
		mustQuery(t, h, `query($id: ID!) { node(id: $id) { ... on Brand { story(lang: EN) } } }`, map[string]any{"id": id.Brand.ID}, &node)
		want := b.StoryEn
		if want == "" {
			want = b.StoryZh
		}
		if node.Node.Story != want {
			t.Errorf("node story = %.40q, want %.40q", node.Node.Story, want)
		}
	})
}
