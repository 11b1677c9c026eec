package pages

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/url"
	"unicode/utf8"
)

// siteTexts are the words of the site itself, per language (the client's
// i18n.ts says the same).
type siteTexts struct {
	siteTitle, siteDescription, province, regionSuffix, locale string
	lists                                                      map[string]string
}

var texts = map[Lang]siteTexts{
	Zh: {
		siteTitle:       "湖北劳务品牌展示",
		siteDescription: "湖北劳务品牌展示：各地劳务品牌、典型人物、领军企业、品牌联盟、文化体验场所和媒体报道。",
		province:        "湖北省",
		regionSuffix:    "的劳务品牌、典型人物、文化体验场所和企业。",
		locale:          "zh_CN",
		lists: map[string]string{
			"brands": "劳务品牌", "regions": "地区", "venues": "文化体验场所", "alliances": "品牌联盟", "events": "劳务品牌活动日历", "search": "搜索", "admin": "编辑台",
		},
	},
	En: {
		siteTitle:       "Hubei Labor Brands",
		siteDescription: "Hubei's labor brands: brands, role models, leading enterprises, alliances, culture venues and media coverage.",
		province:        "Hubei",
		regionSuffix:    ": labor brands, role models, venues and enterprises.",
		locale:          "en_US",
		lists: map[string]string{
			"brands": "Labor brands", "regions": "Regions", "venues": "Venues", "alliances": "Alliances", "events": "Labor brand events", "search": "Search", "admin": "Editors' console",
		},
	},
}

// maxDescription bounds the description tags (in characters): previews
// show about this much, and a long summary would only weigh on every page.
const maxDescription = 200

// headData is what the template fills in; html/template escapes every
// string for its context (element text, attribute, URL).
type headData struct {
	Title, Description, Canonical, Zh, En, SiteName, Type, Locale, AltLocale string
	Image, ImageAlt, Card, Published                                         string
	NoIndex                                                                  bool
	JSONLD                                                                   template.JS
}

var headTemplate = template.Must(template.New("head").Parse(`<title>{{.Title}}</title>
    <meta name="description" content="{{.Description}}" />
{{- if .NoIndex}}
    <meta name="robots" content="noindex" />
{{- end}}
{{- if .Canonical}}
    <link rel="canonical" href="{{.Canonical}}" />
    <link rel="alternate" hreflang="zh-CN" href="{{.Zh}}" />
    <link rel="alternate" hreflang="en" href="{{.En}}" />
    <link rel="alternate" hreflang="x-default" href="{{.Zh}}" />
{{- end}}
    <meta property="og:site_name" content="{{.SiteName}}" />
    <meta property="og:type" content="{{.Type}}" />
    <meta property="og:title" content="{{.Title}}" />
    <meta property="og:description" content="{{.Description}}" />
{{- if .Canonical}}
    <meta property="og:url" content="{{.Canonical}}" />
{{- end}}
    <meta property="og:locale" content="{{.Locale}}" />
    <meta property="og:locale:alternate" content="{{.AltLocale}}" />
{{- if .Image}}
    <meta property="og:image" content="{{.Image}}" />
    <meta property="og:image:alt" content="{{.ImageAlt}}" />
{{- end}}
{{- if .Published}}
    <meta property="article:published_time" content="{{.Published}}" />
{{- end}}
    <meta name="twitter:card" content="{{.Card}}" />
    <meta name="twitter:title" content="{{.Title}}" />
    <meta name="twitter:description" content="{{.Description}}" />
{{- if .Image}}
    <meta name="twitter:image" content="{{.Image}}" />
    <meta name="twitter:image:alt" content="{{.ImageAlt}}" />
{{- end}}
    <script type="application/ld+json">{{.JSONLD}}</script>
`))

// Head renders the page's head elements for the site at base (scheme and
// host, no trailing slash).
func (p *Page) Head(base string) ([]byte, error) {
	t := texts[p.Lang]
	title := t.siteTitle
	if p.Title != "" {
		title = p.Title + " · " + t.siteTitle
	}
	if !p.Found {
		title = notFoundTitle[p.Lang] + " · " + t.siteTitle
	}
	desc := p.Description
	if desc == "" {
		desc = t.siteDescription
	}
	desc = truncate(desc, maxDescription)
	path := (&url.URL{Path: p.Path}).EscapedPath()
	zh, en := base+path, base+path+"?lang=en"
	d := headData{
		Title: title, Description: desc, Zh: zh, En: en, Canonical: zh,
		SiteName: t.siteTitle, Type: p.Type, Locale: t.locale, AltLocale: texts[Zh].locale,
		Image: p.Image, ImageAlt: p.ImageAlt, Card: "summary", Published: p.Published,
		NoIndex: p.NoIndex || !p.Found,
	}
	if p.Lang == En {
		d.Canonical = en
	} else {
		d.AltLocale = texts[En].locale
	}
	if d.Image != "" {
		d.Card = "summary_large_image"
		if d.ImageAlt == "" {
			d.ImageAlt = p.Title
		}
	}
	ld := map[string]any{}
	for k, v := range p.JSONLD {
		if s, ok := v.(string); ok && s == "" {
			continue // schema.org readers prefer an absent property to an empty one
		}
		ld[k] = v
	}
	ld["@context"] = "https://schema.org"
	ld["url"] = d.Canonical
	if !p.Found {
		// An unknown page has no address of its own to name: the path it
		// was asked at is whatever the caller typed.
		ld = map[string]any{"@context": "https://schema.org", "@type": "WebPage", "name": title}
		d.Canonical, d.Zh, d.En = "", "", ""
	}
	switch typ, _ := ld["@type"].(string); typ {
	case "WebSite", "CollectionPage", "NewsArticle", "WebPage":
		ld["inLanguage"] = p.Lang.tag()
	}
	// encoding/json escapes <, > and & (as \u003c...) and U+2028/U+2029, so
	// no text can end the script element or break out of it.
	js, err := json.Marshal(ld)
	if err != nil {
		return nil, err
	}
	d.JSONLD = template.JS(js)
	var b bytes.Buffer
	if err := headTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var notFoundTitle = map[Lang]string{Zh: "没有找到这个页面", En: "Page not found"}

// truncate shortens s to at most n characters, ending with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
