package visibility_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/region"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/store/storetest"

	"entgo.io/ent/privacy"
)

// TestEditorCannotPublishThroughEntClient writes through the ent client
// directly, with no resolver in between: an editor's context may create and
// change drafts but not publish, schedule, feature or create published items; a
// publisher may; a context without a viewer may not write at all, and one
// from WithSystem may. The rules live in ent's privacy layer.
func TestEditorCannotPublishThroughEntClient(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		c := db.Client
		editor := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "ed", Role: visibility.RoleEditor})
		publisher := visibility.WithViewer(context.Background(), visibility.Viewer{Name: "pub", Role: visibility.RolePublisher})
		county := c.Region.Query().Where(region.Code("421122")).OnlyX(editor)
		create := func() *ent.BrandCreate {
			return c.Brand.Create().SetNameZh("规则品牌").SetRegion(county).
				SetCategory(brand.CategoryLIVELIHOOD).SetLevel(brand.LevelCOUNTY)
		}
		denied := func(what string, err error, unauthenticated bool) {
			t.Helper()
			var d *visibility.DeniedError
			if !errors.As(err, &d) || !errors.Is(err, privacy.Deny) || d.Unauthenticated != unauthenticated {
				t.Errorf("%s: %v, want a privacy denial (unauthenticated %v)", what, err, unauthenticated)
			}
		}

		draft := create().SetSlug("rule-draft").SaveX(editor)
		if draft.Status != schematype.StatusDraft {
			t.Fatalf("an editor's new item is %s, want DRAFT", draft.Status)
		}
		if err := c.Brand.UpdateOne(draft).SetSummaryZh("编辑改的").Exec(editor); err != nil {
			t.Errorf("editor changes a draft: %v", err)
		}
		denied("editor publishes", c.Brand.UpdateOne(draft).SetStatus(schematype.StatusPublished).Exec(editor), false)
		denied("editor features", c.Brand.UpdateOne(draft).SetFeatured(true).Exec(editor), false)
		denied("editor creates a published item", create().SetSlug("rule-published").SetStatus(schematype.StatusPublished).Exec(editor), false)
		denied("editor deletes", c.Brand.DeleteOne(draft).Exec(editor), false)
		denied("editor schedules", c.Brand.UpdateOne(draft).SetPublishAt(time.Now().Add(time.Hour)).Exec(editor), false)
		denied("editor clears a schedule", c.Brand.UpdateOne(draft).ClearUnpublishAt().Exec(editor), false)
		denied("editor creates a scheduled item", create().SetSlug("rule-scheduled").SetPublishAt(time.Now().Add(time.Hour)).Exec(editor), false)
		denied("editor bulk-publishes", c.Brand.Update().Where(brand.ID(draft.ID)).SetStatus(schematype.StatusPublished).Exec(editor), false)
		denied("no viewer creates", create().SetSlug("rule-anonymous").Exec(context.Background()), true)
		denied("no viewer with drafts creates", create().SetSlug("rule-drafts").Exec(visibility.WithDrafts(context.Background())), true)
		if got := c.Brand.GetX(editor, draft.ID); got.Status != schematype.StatusDraft || got.Featured {
			t.Fatalf("after refused writes the draft is %s, featured %v", got.Status, got.Featured)
		}

		published := c.Brand.UpdateOne(draft).SetStatus(schematype.StatusPublished).SaveX(publisher)
		if published.PublishedAt == nil {
			t.Error("a first publication sets publishedAt")
		}
		// An editor's change of a published item is held back as a pending
		// revision (ent/pending): the item is unchanged; applying a
		// revision is for publishers.
		if err := c.Brand.UpdateOne(published).SetSummaryZh("再改").Exec(editor); err != nil {
			t.Errorf("editor edits a published item: %v", err)
		}
		if got := c.Brand.GetX(editor, published.ID); got.SummaryZh == "再改" {
			t.Error("an editor's edit of a published item changed it at once")
		}
		denied("editor applies a revision", c.Brand.UpdateOne(published).SetSummaryZh("再改").Exec(visibility.WithRevisionApplied(editor)), false)
		if err := create().SetSlug("rule-system").SetStatus(schematype.StatusPublished).Exec(visibility.WithSystem(context.Background())); err != nil {
			t.Errorf("system creates a published item: %v", err)
		}
	})
}
