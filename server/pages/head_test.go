package pages_test

import (
	"strings"
	"testing"

	"brandshow/server/pages"
)

// A link preview (WeChat, Slack, Facebook) fetches og:image as it stands, so
// a picture of this server must be named with the site's address.
func TestHeadNamesPicturesWithTheSiteAddress(t *testing.T) {
	for _, c := range []struct{ image, want string }{
		{"/media/ab12.png", "https://brands.example.cn/media/ab12.png"},
		{"https://cdn.example.org/p.jpg", "https://cdn.example.org/p.jpg"},
	} {
		p := &pages.Page{Found: true, Path: "/brands/tea", Type: "website", Title: "Tea", Image: c.image}
		head, err := p.Head("https://brands.example.cn")
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range []string{`<meta property="og:image" content="` + c.want + `" />`, `<meta name="twitter:image" content="` + c.want + `" />`} {
			if !strings.Contains(string(head), tag) {
				t.Errorf("head of a page with picture %q lacks %s:\n%s", c.image, tag, head)
			}
		}
	}
}
