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
	"brandshow/ent/lazytext"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/searchdoc"
	"brandshow/ent/venue"
)

// ItemType names a searchable content type.
type ItemType = searchdoc.ItemType

// The searchable types.
const (
	TypeBrand         = searchdoc.ItemTypeBRAND
	TypeRoleModel     = searchdoc.ItemTypeROLE_MODEL
	TypeEnterprise    = searchdoc.ItemTypeENTERPRISE
	TypeAlliance      = searchdoc.ItemTypeALLIANCE
	TypeVenue         = searchdoc.ItemTypeVENUE
	TypeMediaCoverage = searchdoc.ItemTypeMEDIA_COVERAGE
	TypeEvent         = searchdoc.ItemTypeEVENT
)

// AllTypes lists the searchable types in a fixed order (facets use it).
var AllTypes = []ItemType{TypeBrand, TypeRoleModel, TypeEnterprise, TypeAlliance, TypeVenue, TypeMediaCoverage, TypeEvent}

// Field is one searchable text of an item. Name is what highlights call it;
// Title fields (names, headlines) rank above the others, and their
// single characters are indexed too.
type Field struct {
	Name   string
	Title  bool
	Weight float64
	Text   Text
}

// Doc is an item as search sees it. The same function builds it for the
// index (in the hook) and for checking and ranking candidates (at query
// time), so what is indexed and what is matched never disagree.
type Doc struct {
	Type     ItemType
	ItemID   int
	Status   schematype.Status
	SortDate time.Time
	Fields   []Field
	// NamePinyin is the pinyin of the name (Fields[0]); PlacePinyin that of
	// the item's region names.
	NamePinyin  Pinyin
	PlacePinyin []Pinyin
	Category    string
	Level       string
	Medium      string
	Regions     []string // codes of the item's regions and all regions above them
	Prefectures []string
	Entity      any // *ent.Brand, *ent.RoleModel, ...
}

// Field weights of the ranking (see docs/journalists.md, "Ranking").
const (
	weightTitle   = 5.0
	weightSummary = 2.0
	weightBody    = 1.0
)

func (d *Doc) add(name, text string, title bool, weight float64) {
	if strings.TrimSpace(text) == "" {
		return
	}
	d.Fields = append(d.Fields, Field{Name: name, Title: title, Weight: weight, Text: Fold(text)})
}

// regionInfo is what documents need of a region.
type regionInfo struct {
	code, nameZh, nameEn string
	parent               int
	prefecture           bool
}

// Regions is Hubei's region tree, read once per indexing batch or query.
type Regions map[int]regionInfo

// LoadRegions reads every region (reference data: about 130 rows).
func LoadRegions(ctx context.Context, client *ent.Client) (Regions, error) {
	// Only what documents use: timestamps and coordinates cost a parse
	// per row, and every search page reads the whole tree.
	rs, err := client.Region.Query().Select(region.FieldCode, region.FieldLevel, region.FieldParentID,
		region.FieldNameZh, region.FieldNameEn).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("search: regions: %w", err)
	}
	out := make(Regions, len(rs))
	for _, r := range rs {
		p := 0
		if r.ParentID != nil {
			p = *r.ParentID
		}
		out[r.ID] = regionInfo{code: r.Code, nameZh: r.NameZh, nameEn: r.NameEn, parent: p, prefecture: r.Level == "PREFECTURE"}
	}
	return out, nil
}

// chain returns the region and those above it, nearest first.
func (rs Regions) chain(id *int) []regionInfo {
	var out []regionInfo
	for n := 0; id != nil && *id != 0 && n < 8; n++ {
		r, ok := rs[*id]
		if !ok {
			break
		}
		out = append(out, r)
		p := r.parent
		id = &p
	}
	return out
}

// place adds the item's region to the document: its text and pinyin (so
// 黄冈 or huanggang finds what is there) and its filter codes.
func (d *Doc) place(rs Regions, id *int, withText bool) {
	chain := rs.chain(id)
	var zh, en []string
	for _, r := range chain {
		d.Regions = appendNew(d.Regions, r.code)
		if r.prefecture {
			d.Prefectures = appendNew(d.Prefectures, r.code)
		}
		if r.parent == 0 { // the province itself is no place to search for
			continue
		}
		zh = append(zh, r.nameZh)
		en = append(en, r.nameEn)
		if withText {
			d.PlacePinyin = append(d.PlacePinyin, PinyinOf(Fold(r.nameZh).Runes))
		}
	}
	if withText {
		d.add("place", strings.Join(zh, " "), false, weightBody)
		d.add("placeEn", strings.Join(en, " "), false, weightBody)
	}
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func recency(published *time.Time, created time.Time) time.Time {
	if published != nil {
		return *published
	}
	return created
}

// DocOf builds the document of a loaded item. Coverage takes its regions
// from the brands it is about (brandRegions), for the region filter only.
func DocOf(entity any, rs Regions, brandRegions []int) (*Doc, error) {
	d := &Doc{Entity: entity}
	switch e := entity.(type) {
	case *ent.Brand:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeBrand, e.ID, e.Status, recency(e.PublishedAt, e.CreatedAt)
		d.add("name", e.NameZh, true, weightTitle)
		d.add("nameEn", e.NameEn, true, weightTitle)
		d.add("industry", e.IndustryZh, false, weightSummary)
		d.add("industryEn", e.IndustryEn, false, weightSummary)
		d.add("summary", e.SummaryZh, false, weightSummary)
		d.add("summaryEn", e.SummaryEn, false, weightSummary)
		d.add("story", e.StoryZh, false, weightBody)
		d.add("storyEn", e.StoryEn, false, weightBody)
		d.Category, d.Level = string(e.Category), string(e.Level)
		d.place(rs, &e.RegionID, true)
	case *ent.RoleModel:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeRoleModel, e.ID, e.Status, recency(e.PublishedAt, e.CreatedAt)
		d.add("name", e.NameZh, true, weightTitle)
		d.add("nameEn", e.NameEn, true, weightTitle)
		d.add("title", e.TitleZh, false, weightSummary)
		d.add("titleEn", e.TitleEn, false, weightSummary)
		d.add("studio", e.StudioZh, false, weightSummary)
		d.add("honours", strings.Join(e.HonoursZh, "\n"), false, weightBody)
		d.add("bio", e.BioZh, false, weightBody)
		d.add("bioEn", e.BioEn, false, weightBody)
		d.place(rs, e.RegionID, true)
	case *ent.Enterprise:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeEnterprise, e.ID, e.Status, recency(e.PublishedAt, e.CreatedAt)
		d.add("name", e.NameZh, true, weightTitle)
		d.add("nameEn", e.NameEn, true, weightTitle)
		d.add("summary", e.SummaryZh, false, weightSummary)
		d.add("summaryEn", e.SummaryEn, false, weightSummary)
		d.place(rs, e.RegionID, true)
	case *ent.Alliance:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeAlliance, e.ID, e.Status, recency(e.PublishedAt, e.CreatedAt)
		d.add("name", e.NameZh, true, weightTitle)
		d.add("nameEn", e.NameEn, true, weightTitle)
		d.add("summary", e.SummaryZh, false, weightSummary)
		d.add("summaryEn", e.SummaryEn, false, weightSummary)
		d.add("purpose", e.PurposeZh, false, weightBody)
		d.add("purposeEn", e.PurposeEn, false, weightBody)
	case *ent.Venue:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeVenue, e.ID, e.Status, recency(e.PublishedAt, e.CreatedAt)
		d.add("name", e.NameZh, true, weightTitle)
		d.add("nameEn", e.NameEn, true, weightTitle)
		d.add("summary", e.SummaryZh, false, weightSummary)
		d.add("summaryEn", e.SummaryEn, false, weightSummary)
		d.add("address", e.AddressZh, false, weightBody)
		d.add("addressEn", e.AddressEn, false, weightBody)
		d.place(rs, &e.RegionID, true)
	case *ent.Event:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeEvent, e.ID, e.Status, e.StartsAt
		d.add("title", e.TitleZh, true, weightTitle)
		d.add("titleEn", e.TitleEn, true, weightTitle)
		d.add("summary", e.SummaryZh, false, weightSummary)
		d.add("summaryEn", e.SummaryEn, false, weightSummary)
		d.add("organiser", e.OrganiserZh, false, weightSummary)
		d.add("description", e.DescriptionZh, false, weightBody)
		d.add("descriptionEn", e.DescriptionEn, false, weightBody)
		d.add("address", e.AddressZh, false, weightBody)
		d.place(rs, &e.RegionID, true)
	case *ent.MediaCoverage:
		d.Type, d.ItemID, d.Status, d.SortDate = TypeMediaCoverage, e.ID, e.Status, e.PublishedOn
		d.add("title", e.TitleZh, true, weightTitle)
		d.add("titleEn", e.TitleEn, true, weightTitle)
		d.add("summary", e.SummaryZh, false, weightSummary)
		d.add("summaryEn", e.SummaryEn, false, weightSummary)
		d.add("body", e.BodyZh, false, weightBody)
		d.add("bodyEn", e.BodyEn, false, weightBody)
		d.add("outlet", e.Outlet, false, weightBody)
		d.add("author", e.Author, false, weightBody)
		d.Medium = string(e.Medium)
		for _, id := range brandRegions {
			d.place(rs, &id, false)
		}
	default:
		return nil, fmt.Errorf("search: %T is not searchable", entity)
	}
	if len(d.Fields) > 0 && d.Fields[0].Title {
		d.NamePinyin = PinyinOf(d.Fields[0].Text.Runes)
	}
	return d, nil
}

// Filter tokens are indexed with the text tokens, so the full-text index
// applies filters itself. Their "x?_" prefix cannot come out of the
// tokenizer, which splits words at "_".
func typeToken(t ItemType) string    { return "xt_" + strings.ToLower(string(t)) }
func regionToken(code string) string { return "xr_" + code }
func categoryToken(c string) string  { return "xc_" + strings.ToLower(c) }
func levelToken(l string) string     { return "xl_" + strings.ToLower(l) }
func mediumToken(m string) string    { return "xm_" + strings.ToLower(m) }

const publishedToken = "xs_published"

// monthToken is the month a report was published in ("xd_202403"), for
// date filters.
func monthToken(t time.Time) string { return "xd_" + t.UTC().Format("200601") }

// tokens returns the document's name tokens and all tokens. Both carry
// the filter tokens, so each stage of a query is one index lookup.
func (d *Doc) tokens() (names, all string) {
	var n, a tokenSet
	for _, f := range d.Fields {
		if f.Title {
			addTextTokens(&n, f.Text.Runes, true)
		}
		addTextTokens(&a, f.Text.Runes, f.Title)
	}
	addPinyinTokens(&n, d.NamePinyin)
	addPinyinTokens(&a, d.NamePinyin)
	for _, p := range d.PlacePinyin {
		addPinyinTokens(&a, p)
	}
	filters := []string{typeToken(d.Type)}
	if d.Status == schematype.StatusPublished {
		filters = append(filters, publishedToken)
	}
	for _, c := range d.Regions {
		filters = append(filters, regionToken(c))
	}
	if d.Category != "" {
		filters = append(filters, categoryToken(d.Category))
	}
	if d.Level != "" {
		filters = append(filters, levelToken(d.Level))
	}
	if d.Medium != "" {
		filters = append(filters, mediumToken(d.Medium))
	}
	if d.Type == TypeMediaCoverage {
		filters = append(filters, monthToken(d.SortDate))
	}
	for _, f := range filters {
		n.add(f)
		a.add(f)
	}
	return n.String(), a.String()
}

// Block tokens ("xb_N", PostgreSQL only) name the block of 1024 side-table
// IDs a row belongs to. A GIN index cannot return matches newest first, and
// fetching every match of a frequent term to sort them is slow; a lookup
// restricted to the newest blocks (the index skips through the frequent
// terms' postings) finds the newest matches reading only those. A trigger
// of the migrations (20261128081000_search_block_trigger.sql) adds them in
// the row's own write, since the ID is known only then; its argument must
// equal blockShift (TestBlockTokens checks). A variable only so that tests
// can make blocks of one row.
var blockShift = 10

func blockToken(block int) string { return fmt.Sprintf("xb_%d", block) }

// loadDocs loads the items of one type with the given IDs and builds their
// documents, keyed by item ID. The context decides whether drafts load.
func loadDocs(ctx context.Context, client *ent.Client, typ ItemType, ids []int, rs Regions, forIndex bool) (map[int]*Doc, error) {
	out := make(map[int]*Doc, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	entities, brandRegions, err := loadEntities(ctx, client, typ, ids, forIndex)
	if err != nil {
		return nil, err
	}
	for _, e := range entities {
		d, err := DocOf(e, rs, nil)
		if err != nil {
			return nil, err
		}
		if br := brandRegions[d.ItemID]; len(br) > 0 {
			if d, err = DocOf(e, rs, br); err != nil {
				return nil, err
			}
		}
		out[d.ItemID] = d
	}
	return out, nil
}

// loadEntities loads the items of one type with the given IDs (the context
// decides whether drafts load) and, for the index, coverage's brand regions.
func loadEntities(ctx context.Context, client *ent.Client, typ ItemType, ids []int, forIndex bool) ([]any, map[int][]int, error) {
	ctx = lazytext.All(ctx) // highlights and the index read the long texts
	var entities []any
	brandRegions := map[int][]int{}
	switch typ {
	case TypeBrand:
		es, err := client.Brand.Query().Where(brand.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
		}
	case TypeRoleModel:
		es, err := client.RoleModel.Query().Where(rolemodel.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
		}
	case TypeEnterprise:
		es, err := client.Enterprise.Query().Where(enterprise.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
		}
	case TypeAlliance:
		es, err := client.Alliance.Query().Where(alliance.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
		}
	case TypeVenue:
		es, err := client.Venue.Query().Where(venue.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
		}
	case TypeEvent:
		es, err := client.Event.Query().Where(event.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
		}
	case TypeMediaCoverage:
		q := client.MediaCoverage.Query().Where(mediacoverage.IDIn(ids...))
		if forIndex {
			q = q.WithBrands(func(b *ent.BrandQuery) { b.Select(brand.FieldRegionID) })
		}
		es, err := q.All(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			entities = append(entities, e)
			for _, b := range e.Edges.Brands {
				brandRegions[e.ID] = append(brandRegions[e.ID], b.RegionID)
			}
		}
	}
	return entities, brandRegions, nil
}
