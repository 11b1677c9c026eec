package searchindex

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"brandshow/ent"
)

// MaxPrefixRunes bounds what suggest accepts.
const MaxPrefixRunes = 50

// Suggestion is a name that matches what the user has typed.
type Suggestion struct {
	Text   string
	Type   ItemType
	Entity any
}

// Suggest returns up to n names that start with the prefix (then names that
// contain it), in Chinese or pinyin (full or initials), shortest first. It
// reads only the side table's name columns to rank, then loads the n items.
func Suggest(ctx context.Context, client *ent.Client, prefix string, n int) ([]Suggestion, error) {
	if l := len([]rune(prefix)); l > MaxPrefixRunes {
		return nil, &QueryError{Msg: fmt.Sprintf("the prefix is too long: %d characters, at most %d", l, MaxPrefixRunes)}
	}
	folded := []rune(strings.TrimSpace(string(Fold(prefix).Runes)))
	if len(folded) == 0 || n <= 0 {
		return nil, nil
	}
	term := Term{Text: folded, Alts: []Alt{{Text: folded}}}
	if c := compactLetters(folded); c != "" {
		term.Alts = append(term.Alts, Alt{Pinyin: c})
	}
	terms := (&Query{Terms: []Term{term}}).indexTerms()
	if len(terms) == 0 {
		return nil, nil
	}
	rows, err := candidates(ctx, client, terms, filterGroups(ctx, Options{}), Options{}, true)
	if err != nil {
		return nil, err
	}
	type ranked struct {
		row  *ent.SearchDoc
		rank int
	}
	var hits []ranked
	for _, r := range rows {
		if rank, ok := suggestRank(r, folded, term.pinyin()); ok {
			hits = append(hits, ranked{r, rank})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if la, lb := len([]rune(a.row.Name)), len([]rune(b.row.Name)); la != lb {
			return la < lb
		}
		if !a.row.SortDate.Equal(b.row.SortDate) {
			return a.row.SortDate.After(b.row.SortDate)
		}
		return a.row.ID > b.row.ID
	})
	// Load the items (the caller's visibility applies) until n are found.
	byType := map[ItemType][]int{}
	for _, h := range hits[:min(len(hits), n*2)] {
		byType[h.row.ItemType] = append(byType[h.row.ItemType], h.row.ItemID)
	}
	type key struct {
		typ ItemType
		id  int
	}
	loaded := map[key]any{}
	for typ, ids := range byType {
		es, _, err := loadEntities(ctx, client, typ, ids, false)
		if err != nil {
			return nil, fmt.Errorf("search: suggest: %w", err)
		}
		for _, e := range es {
			loaded[key{typ, entityID(e)}] = e
		}
	}
	var out []Suggestion
	for _, h := range hits {
		if len(out) == n {
			break
		}
		if e := loaded[key{h.row.ItemType, h.row.ItemID}]; e != nil {
			out = append(out, Suggestion{Text: h.row.Name, Type: h.row.ItemType, Entity: e})
		}
	}
	return out, nil
}

// suggestRank is 0 when the name starts with the prefix (or its pinyin or
// initials do), 1 when it contains it; ok is false otherwise.
func suggestRank(r *ent.SearchDoc, prefix []rune, py string) (int, bool) {
	name := Fold(r.Name).Runes
	if at := occurrences(name, prefix); len(at) > 0 {
		if at[0] == 0 {
			return 0, true
		}
		return 1, true
	}
	if py == "" || r.Pinyin == "" {
		return 0, false
	}
	p := Pinyin{Syllables: strings.Fields(r.Pinyin)}
	for i := range p.Syllables {
		p.Runes = append(p.Runes, i)
	}
	if from, _, ok := matchPinyin(p, py); ok {
		if from == 0 {
			return 0, true
		}
		return 1, true
	}
	return 0, false
}

// entityID is a loaded item's ID.
func entityID(e any) int {
	switch x := e.(type) {
	case *ent.Brand:
		return x.ID
	case *ent.RoleModel:
		return x.ID
	case *ent.Enterprise:
		return x.ID
	case *ent.Alliance:
		return x.ID
	case *ent.Venue:
		return x.ID
	case *ent.MediaCoverage:
		return x.ID
	}
	return 0
}
