package graph

import (
	"context"
	"errors"
	"sort"
	"strings"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/event"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/searchdoc"
	"brandshow/ent/venue"
	"brandshow/server/search"

	"entgo.io/contrib/entgql"
)

// MaxSuggestions bounds suggest's first.
const MaxSuggestions = 20

// Search answers the search field: it runs the engine in server/search
// and turns its result into the GraphQL connection. The cursor is the
// position in the ranked list. correct false turns the homophone
// correction off.
func Search(ctx context.Context, client *ent.Client, query string, types []SearchType, filter *SearchFilter, first *int, after *entgql.Cursor[int], correct *bool) (*SearchConnection, error) {
	limit := DefaultPageSize
	if first != nil {
		limit = *first
	}
	opts := search.Options{Limit: limit, NoCorrection: correct != nil && !*correct}
	if after != nil {
		if after.ID < 0 {
			return nil, userErrorf("after is not a search cursor")
		}
		opts.Offset = after.ID + 1
	}
	for _, t := range types {
		opts.Types = append(opts.Types, searchdoc.ItemType(t))
	}
	if filter != nil {
		if filter.RegionCode != nil {
			opts.RegionCode = strings.TrimSpace(*filter.RegionCode)
		}
		for _, c := range filter.Categories {
			opts.Categories = append(opts.Categories, string(c))
		}
		for _, l := range filter.Levels {
			opts.Levels = append(opts.Levels, string(l))
		}
		for _, m := range filter.Media {
			opts.Media = append(opts.Media, string(m))
		}
		opts.From, opts.Before = filter.PublishedFrom, filter.PublishedBefore
	}
	res, err := search.Search(ctx, client, query, opts)
	if err != nil {
		return nil, searchError(err)
	}
	conn := &SearchConnection{TotalCount: res.Total, PageInfo: &entgql.PageInfo[int]{}}
	if res.RankedWithin > 0 {
		conn.RankedWithin = &res.RankedWithin
	}
	if res.CorrectedQuery != "" {
		conn.CorrectedQuery = &res.CorrectedQuery
	}
	for i, h := range res.Hits {
		hit := &SearchHit{Item: h.Doc.Entity.(ent.Noder), Score: h.Score, Corrected: h.Corrected}
		for _, hl := range h.Highlights {
			out := &SearchHighlight{Field: hl.Field, Excerpt: hl.Excerpt}
			for _, r := range hl.Ranges {
				out.Ranges = append(out.Ranges, &TextRange{Start: r[0], End: r[1]})
			}
			hit.Highlights = append(hit.Highlights, out)
		}
		conn.Edges = append(conn.Edges, &SearchEdge{Cursor: entgql.Cursor[int]{ID: opts.Offset + i}, Node: hit})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[n-1].Cursor
	}
	if err := collectHitItems(ctx, client, conn.Edges); err != nil {
		return nil, err
	}
	conn.PageInfo.HasNextPage = opts.Offset+len(res.Hits) < res.Total
	conn.PageInfo.HasPreviousPage = opts.Offset > 0
	if conn.Facets, err = searchFacets(ctx, client, res.Facets); err != nil {
		return nil, err
	}
	return conn, nil
}

// searchError shows query mistakes to the caller and keeps the rest internal.
func searchError(err error) error {
	var qe *search.QueryError
	if errors.As(err, &qe) {
		return &UserError{Msg: qe.Msg}
	}
	return err
}

// searchFacets lists every type, category and medium (zero included) and
// the prefectures with hits, by code.
func searchFacets(ctx context.Context, client *ent.Client, f search.Facets) (*SearchFacets, error) {
	out := &SearchFacets{}
	for _, t := range AllSearchType {
		out.Types = append(out.Types, &SearchTypeCount{Type: t, Count: f.Types[searchdoc.ItemType(t)]})
	}
	for _, c := range brandCategories {
		out.Categories = append(out.Categories, &CategoryCount{Category: c, Count: f.Categories[string(c)]})
	}
	for _, m := range []mediacoverage.Medium{mediacoverage.MediumONLINE, mediacoverage.MediumNEWSPAPER, mediacoverage.MediumMAGAZINE, mediacoverage.MediumRADIO, mediacoverage.MediumTV, mediacoverage.MediumFILM} {
		out.Media = append(out.Media, &MediumCount{Medium: m, Count: f.Media[string(m)]})
	}
	if len(f.Prefectures) == 0 {
		return out, nil
	}
	codes := make([]string, 0, len(f.Prefectures))
	for c := range f.Prefectures {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	regions, err := client.Region.Query().Where(region.CodeIn(codes...)).Order(region.ByCode()).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range regions {
		out.Prefectures = append(out.Prefectures, &PrefectureCount{Region: r, Count: f.Prefectures[r.Code]})
	}
	return out, nil
}

// Suggest answers the suggest field.
func Suggest(ctx context.Context, client *ent.Client, prefix string, first *int) ([]*Suggestion, error) {
	n := 8
	if first != nil {
		n = *first
	}
	if n > MaxSuggestions {
		return nil, userErrorf("first on suggest must be at most %d, got %d", MaxSuggestions, n)
	}
	got, err := search.Suggest(ctx, client, prefix, n)
	if err != nil {
		return nil, searchError(err)
	}
	out := make([]*Suggestion, 0, len(got))
	for _, s := range got {
		out = append(out, &Suggestion{Text: s.Text, Type: SearchType(s.Type), Item: s.Entity.(ent.Noder)})
	}
	return out, nil
}

// collectHitItems reloads the items of a page of hits with the fields and
// edges the query selects under edges.node.item: one statement per item
// type (plus one per selected edge), not one per hit and edge.
func collectHitItems(ctx context.Context, client *ent.Client, edges []*SearchEdge) error {
	ids := map[string][]int{} // GraphQL type → IDs
	for _, e := range edges {
		typ, id := nodeKey(e.Node.Item)
		ids[typ] = append(ids[typ], id)
	}
	fctx := childFieldContext(ctx, "edges", "node", "item")
	loaded := map[int]ent.Noder{}
	for typ, list := range ids {
		nodes, err := loadCollected(ctx, fctx, client, typ, list)
		if err != nil {
			return err
		}
		for _, n := range nodes {
			_, id := nodeKey(n)
			loaded[id] = n
		}
	}
	for _, e := range edges {
		if _, id := nodeKey(e.Node.Item); loaded[id] != nil {
			e.Node.Item = loaded[id]
		}
	}
	return nil
}

// nodeKey is a search item's GraphQL type and ID.
func nodeKey(n ent.Noder) (string, int) {
	switch x := n.(type) {
	case *ent.Brand:
		return "Brand", x.ID
	case *ent.RoleModel:
		return "RoleModel", x.ID
	case *ent.Enterprise:
		return "Enterprise", x.ID
	case *ent.Alliance:
		return "Alliance", x.ID
	case *ent.Venue:
		return "Venue", x.ID
	case *ent.MediaCoverage:
		return "MediaCoverage", x.ID
	case *ent.Event:
		return "Event", x.ID
	}
	return "", 0
}

// loadCollected loads items of one type by ID with field collection from
// fctx, for the fragments on that type (and on Node).
func loadCollected(ctx, fctx context.Context, client *ent.Client, typ string, ids []int) ([]ent.Noder, error) {
	switch typ {
	case "Brand":
		q, err := client.Brand.Query().Where(brand.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.Brand](ctx, q, err)
	case "RoleModel":
		q, err := client.RoleModel.Query().Where(rolemodel.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.RoleModel](ctx, q, err)
	case "Enterprise":
		q, err := client.Enterprise.Query().Where(enterprise.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.Enterprise](ctx, q, err)
	case "Alliance":
		q, err := client.Alliance.Query().Where(alliance.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.Alliance](ctx, q, err)
	case "Venue":
		q, err := client.Venue.Query().Where(venue.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.Venue](ctx, q, err)
	case "Event":
		q, err := client.Event.Query().Where(event.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.Event](ctx, q, err)
	case "MediaCoverage":
		q, err := client.MediaCoverage.Query().Where(mediacoverage.IDIn(ids...)).CollectFields(fctx, typ, "Node")
		return allNodes[*ent.MediaCoverage](ctx, q, err)
	}
	return nil, nil
}

func allNodes[T ent.Noder](ctx context.Context, q interface {
	All(context.Context) ([]T, error)
}, err error) ([]ent.Noder, error) {
	if err != nil {
		return nil, err
	}
	items, err := q.All(ctx)
	out := make([]ent.Noder, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out, err
}
