package graph_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"brandshow/ent/auditentry"
	"brandshow/ent/changelogentry"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/server/store/storetest"
)

type revisionAnswer struct {
	ID, ItemID, ItemType, Status, Author, DecidedBy string
	Changes                                         []struct{ Field, From, To string }
	Links                                           []struct {
		Edge           string
		Added, Removed []string
		Cleared        bool
	}
	Item struct{ SummaryZh string }
}

const revisionFields = `id itemID itemType status author decidedBy changes { field from to } links { edge added removed cleared } item { ... on Brand { summaryZh } }`

func (e *editors) pendingRevision(t *testing.T, role, id string) *revisionAnswer {
	t.Helper()
	r := e.as(t, role, `query($id: ID!) { pendingRevision(id: $id) { `+revisionFields+` } }`, map[string]any{"id": id})
	if len(r.Errors) > 0 {
		t.Fatalf("pendingRevision as %s: %+v", role, r.Errors)
	}
	var got struct{ PendingRevision *revisionAnswer }
	if err := json.Unmarshal(r.Data, &got); err != nil {
		t.Fatal(err)
	}
	return got.PendingRevision
}

// publishPending publishes the item's pending revision as the publisher.
func (e *editors) publishPending(t *testing.T, id string) {
	t.Helper()
	rev := e.pendingRevision(t, "publisher", id)
	if rev == nil {
		t.Fatalf("item %s has no pending revision", id)
	}
	if r := e.as(t, "publisher", `mutation($id: ID!) { publishRevision(id: $id) { id } }`, map[string]any{"id": rev.ID}); len(r.Errors) > 0 {
		t.Fatalf("publishRevision: %+v", r.Errors)
	}
}

// counts of what a public change leaves behind: the item's audit entries,
// the change log, the webhook outbox.
type trail struct{ audit, changes, outbox int }

func (e *editors) trail(t *testing.T, id string) trail {
	t.Helper()
	n, _ := strconv.Atoi(id)
	c := e.db.Client
	return trail{
		audit:   c.AuditEntry.Query().Where(auditentry.EntityID(n)).CountX(e.all()),
		changes: c.ChangeLogEntry.Query().Where(changelogentry.EntityID(n)).CountX(e.all()),
		outbox:  c.WebhookDelivery.Query().CountX(e.all()),
	}
}

// TestPendingRevisions edits a published brand as an editor: the public
// answer (through the cached handler) and the database keep the published
// version, nothing is logged or sent, and the editor sees one pending
// revision, into which a second edit merges. A publisher publishes it: the
// public sees the change, logged like any update. Then discard, role checks,
// bad input and drafts.
func TestPendingRevisions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.brandID(t, "revised-brand", false)
		bid, _ := strconv.Atoi(id)
		rm := e.db.Client.RoleModel.Create().SetSlug("revised-person").SetNameZh("示例人物").SetKind(rolemodel.KindFOUNDER).
			SetStatus(schematype.StatusPublished).SaveX(e.all())
		public := `{ brand(slug: "revised-brand") { nameZh summaryZh storyZh: story roleModels(first: 5) { totalCount } } }`
		before := e.as(t, "anonymous", public, nil)
		if len(before.Errors) > 0 {
			t.Fatal(before.Errors)
		}
		trail0 := e.trail(t, id)

		update := `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { id nameZh summaryZh } }`
		r := e.as(t, "editor", update, map[string]any{"id": id, "in": map[string]any{
			"nameZh": "新名字", "summaryZh": "新摘要", "addRoleModelIDs": []string{strconv.Itoa(rm.ID)}}})
		if len(r.Errors) > 0 {
			t.Fatalf("editor's update of a published brand: %+v", r.Errors)
		}
		if !strings.Contains(string(r.Data), `"nameZh":"测试品牌"`) {
			t.Errorf("the update answered %s, want the published brand", r.Data)
		}
		if after := e.as(t, "anonymous", public, nil); string(after.Data) != string(before.Data) {
			t.Errorf("anonymous answer changed by a pending revision:\n%s\n%s", before.Data, after.Data)
		}
		if b := e.db.Client.Brand.GetX(e.all(), bid); b.NameZh != "测试品牌" || b.SummaryZh != "" {
			t.Errorf("the brand itself changed: %q %q", b.NameZh, b.SummaryZh)
		}
		if got := e.trail(t, id); got != trail0 {
			t.Errorf("a held-back edit left a trail: %+v, before %+v", got, trail0)
		}
		rev := e.pendingRevision(t, "editor", id)
		if rev == nil || rev.Status != "PENDING" || rev.Author != "test-editor" || rev.ItemType != "Brand" || rev.ItemID != id {
			t.Fatalf("pending revision %+v", rev)
		}
		fields := map[string][2]string{}
		for _, c := range rev.Changes {
			fields[c.Field] = [2]string{c.From, c.To}
		}
		if len(fields) != 2 || fields["name_zh"] != [2]string{"测试品牌", "新名字"} || fields["summary_zh"] != [2]string{"", "新摘要"} {
			t.Errorf("revision's changes %+v", rev.Changes)
		}
		if len(rev.Links) != 1 || rev.Links[0].Edge != "role_models" || len(rev.Links[0].Added) != 1 || rev.Links[0].Added[0] != strconv.Itoa(rm.ID) {
			t.Errorf("revision's links %+v", rev.Links)
		}

		// A second edit merges: the name back to its published value leaves
		// the revision; the story joins it.
		if r := e.as(t, "editor", update, map[string]any{"id": id, "in": map[string]any{"nameZh": "测试品牌", "storyZh": "新故事"}}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		merged := e.pendingRevision(t, "editor", id)
		if merged.ID != rev.ID || len(merged.Changes) != 2 {
			t.Fatalf("merged revision %+v (first %s)", merged, rev.ID)
		}
		var revs struct{ Revisions []revisionAnswer }
		if r := e.as(t, "editor", `query($id: ID!) { revisions(id: $id) { id status } }`, map[string]any{"id": id}); json.Unmarshal(r.Data, &revs) != nil || len(revs.Revisions) != 1 {
			t.Errorf("revisions: %s %+v", r.Data, r.Errors)
		}

		// Bad input is refused as on a draft, and the revision stays as it was.
		if r := e.as(t, "editor", update, map[string]any{"id": id, "in": map[string]any{"summaryZh": strings.Repeat("长", 1000)}}); len(r.Errors) == 0 {
			t.Error("a too long summary was held back instead of refused")
		}
		if again := e.pendingRevision(t, "editor", id); len(again.Changes) != 2 || again.Changes[0] != merged.Changes[0] {
			t.Errorf("a refused edit changed the revision: %+v", again.Changes)
		}

		// Who may: revisions are for token holders; publishing for publishers.
		publishRev := `mutation($id: ID!) { publishRevision(id: $id) { ` + revisionFields + ` } }`
		for role, want := range map[string]string{"anonymous": "UNAUTHENTICATED", "editor": "FORBIDDEN"} {
			if r := e.as(t, role, publishRev, map[string]any{"id": rev.ID}); code(r) != want {
				t.Errorf("publishRevision as %s: %+v, want %s", role, r.Errors, want)
			}
		}
		if r := e.as(t, "anonymous", `query($id: ID!) { revisions(id: $id) { id } }`, map[string]any{"id": id}); code(r) != "UNAUTHENTICATED" {
			t.Errorf("revisions as anonymous: %s %+v", r.Data, r.Errors)
		}
		if r := e.as(t, "anonymous", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": rev.ID}); strings.Contains(string(r.Data), rev.ID) {
			t.Errorf("node(id:) of a revision answered anonymously: %s", r.Data)
		}
		if r := e.as(t, "publisher", publishRev, map[string]any{"id": id}); code(r) != "NOT_FOUND" {
			t.Errorf("publishRevision of an item's ID: %+v", r.Errors)
		}
		if got := e.trail(t, id); got != trail0 {
			t.Errorf("refused calls left a trail: %+v, before %+v", got, trail0)
		}

		// The publisher publishes it: one ordinary update, public at once.
		r = e.as(t, "publisher", publishRev, map[string]any{"id": rev.ID})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var done struct{ PublishRevision revisionAnswer }
		_ = json.Unmarshal(r.Data, &done)
		if done.PublishRevision.Status != "PUBLISHED" || done.PublishRevision.DecidedBy != "test-publisher" || done.PublishRevision.Item.SummaryZh != "新摘要" {
			t.Errorf("published revision %+v", done.PublishRevision)
		}
		after := e.as(t, "anonymous", public, nil)
		if !strings.Contains(string(after.Data), `"summaryZh":"新摘要"`) || !strings.Contains(string(after.Data), `"storyZh":"新故事"`) ||
			!strings.Contains(string(after.Data), `"totalCount":1`) || !strings.Contains(string(after.Data), `"nameZh":"测试品牌"`) {
			t.Errorf("public answer after publishing the revision: %s", after.Data)
		}
		got := e.trail(t, id)
		// An UPDATE and a LINK entry; one UPSERT; no webhook event (the item
		// stays published, as for any update).
		if got.audit != trail0.audit+2 || got.changes != trail0.changes+1 || got.outbox != trail0.outbox {
			t.Errorf("trail of publishing the revision %+v, before %+v", got, trail0)
		}
		last := e.history(t, "editor", id)
		if u := last[len(last)-2]; u.Action != "UPDATE" || u.Actor != "test-publisher" {
			t.Errorf("audit entry of the revision %+v", u)
		}
		if e.pendingRevision(t, "editor", id) != nil {
			t.Error("a published revision is still pending")
		}
		// Twice: refused, nothing changes.
		trail1 := e.trail(t, id)
		if r := e.as(t, "publisher", publishRev, map[string]any{"id": rev.ID}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "published already") {
			t.Errorf("second publishRevision: %+v", r.Errors)
		}
		if got := e.trail(t, id); got != trail1 {
			t.Errorf("a refused publish left a trail")
		}

		// Discard: the item keeps its published version.
		if r := e.as(t, "editor", update, map[string]any{"id": id, "in": map[string]any{"summaryZh": "又一版"}}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		next := e.pendingRevision(t, "editor", id)
		if next == nil || next.ID == rev.ID {
			t.Fatalf("the next edit's revision %+v", next)
		}
		discard := `mutation($id: ID!) { discardRevision(id: $id) { status decidedBy } }`
		if r := e.as(t, "anonymous", discard, map[string]any{"id": next.ID}); code(r) != "UNAUTHENTICATED" {
			t.Errorf("discard as anonymous: %+v", r.Errors)
		}
		if r := e.as(t, "publisher", discard, map[string]any{"id": next.ID}); len(r.Errors) > 0 || !strings.Contains(string(r.Data), "DISCARDED") {
			t.Errorf("discard: %s %+v", r.Data, r.Errors)
		}
		if r := e.as(t, "publisher", discard, map[string]any{"id": next.ID}); code(r) != "BAD_USER_INPUT" {
			t.Errorf("second discard: %+v", r.Errors)
		}
		if r := e.as(t, "publisher", publishRev, map[string]any{"id": next.ID}); code(r) != "BAD_USER_INPUT" {
			t.Errorf("publishing a discarded revision: %+v", r.Errors)
		}
		if b := e.db.Client.Brand.GetX(e.all(), bid); b.SummaryZh != "新摘要" {
			t.Errorf("discarding changed the brand: %q", b.SummaryZh)
		}
		if got := e.trail(t, id); got != trail1 {
			t.Errorf("discarding left a trail %+v, before %+v", got, trail1)
		}

		// Publishers' edits are held back too; publish and unpublish are not.
		if r := e.as(t, "publisher", update, map[string]any{"id": id, "in": map[string]any{"summaryZh": "出版者的版"}}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if p := e.pendingRevision(t, "publisher", id); p == nil || p.Author != "test-publisher" {
			t.Errorf("publisher's edit: pending %+v", p)
		}
		if r := e.as(t, "publisher", `mutation($id: ID!) { unpublish(id: $id) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}

		// A draft is changed at once, with no revision.
		draft := e.draftBrandID(t, "draft-not-revised")
		if r := e.as(t, "editor", update, map[string]any{"id": draft, "in": map[string]any{"summaryZh": "草稿"}}); len(r.Errors) > 0 || !strings.Contains(string(r.Data), "草稿") {
			t.Errorf("draft update: %s %+v", r.Data, r.Errors)
		}
		if p := e.pendingRevision(t, "editor", draft); p != nil {
			t.Errorf("a draft's edit made a revision %+v", p)
		}
	})
}

// TestRevisionInPreview shows a published item's pending revision through
// a preview link, while the public page keeps the published text.
func TestRevisionInPreview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		e := newEditors(t, dia)
		id := e.brandID(t, "previewed-revision", false)
		if r := e.as(t, "editor", `mutation($id: ID!) { updateBrand(id: $id, input: {summaryZh: "预览摘要", storyZh: "预览故事"}) { id } }`, map[string]any{"id": id}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		r := e.as(t, "editor", `mutation($id: ID!) { createPreviewLink(id: $id) { url } }`, map[string]any{"id": id})
		var link struct{ CreatePreviewLink struct{ URL string } }
		if err := json.Unmarshal(r.Data, &link); err != nil || link.CreatePreviewLink.URL == "" {
			t.Fatalf("preview link: %s %+v", r.Data, r.Errors)
		}
		secret := strings.TrimPrefix(link.CreatePreviewLink.URL, "/preview/")
		r = e.as(t, "anonymous", `query($s: String!) { preview(secret: $s) { ... on Brand { nameZh summaryZh story } } }`, map[string]any{"s": secret})
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "预览摘要") || !strings.Contains(string(r.Data), "预览故事") {
			t.Errorf("preview of a pending revision: %s %+v", r.Data, r.Errors)
		}
		r = e.as(t, "anonymous", `{ brand(slug: "previewed-revision") { summaryZh story } }`, nil)
		if strings.Contains(string(r.Data), "预览") {
			t.Errorf("the public page shows the revision: %s", r.Data)
		}
	})
}
