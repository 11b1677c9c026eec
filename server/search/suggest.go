package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"brandshow/ent"
	"brandshow/ent/searchdoc"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// MaxPrefixRunes bounds what suggest accepts.
const MaxPrefixRunes = 50

// Suggestion is a name that matches what the user has typed.
type Suggestion struct {
	Text   string
	Type   ItemType
	Entity any
}

// Bounds of suggest's two lookups: prefix matches read per key (folded
// name, pinyin, initials), and name matches anywhere, newest first, read
// when the prefix matches are fewer than asked for.
const (
	SuggestPrefixLimit   = 200
	SuggestContainsLimit = 100
)

// suggestKeyBytes caps the suggest keys; a longer prefix is looked up by
// its first suggestKeyBytes bytes and checked against the whole name.
const suggestKeyBytes = 96

// suggestKeys are a name's prefix keys for suggest (columns name_key,
// pinyin_key, initials_key of the side table).
type suggestKeys struct{ name, pinyin, initials string }

func suggestKeysOf(folded []rune, py Pinyin) suggestKeys {
	k := suggestKeys{name: capKey(string(folded)), pinyin: capKey(strings.Join(py.Syllables, ""))}
	if len(py.Syllables) > 1 {
		k.initials = capKey(py.Initials())
	}
	return k
}

// capKey cuts s to at most suggestKeyBytes bytes, at a character boundary.
func capKey(s string) string {
	if len(s) <= suggestKeyBytes {
		return s
	}
	cut := suggestKeyBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// suggestColumns are what ranking suggestions reads of a row.
var suggestColumns = []string{
	searchdoc.FieldID, searchdoc.FieldItemType, searchdoc.FieldItemID, searchdoc.FieldSortDate,
	searchdoc.FieldName, searchdoc.FieldPinyin, searchdoc.FieldNameKey,
}

// Suggest returns up to n names that start with the prefix (then names that
// contain it), in Chinese or pinyin (full or initials), shortest first, then
// newest. Prefix matches come from B-tree ranges on the side table's key
// columns, over every name (at most SuggestPrefixLimit per key, in key
// order); names that contain the prefix come from the name tokens, the
// newest SuggestContainsLimit, and are read only when the prefix matches do
// not fill the list. Only the n items shown are loaded.
func Suggest(ctx context.Context, client *ent.Client, prefix string, n int) ([]Suggestion, error) {
	if l := utf8.RuneCountInString(prefix); l > MaxPrefixRunes {
		return nil, &QueryError{Msg: fmt.Sprintf("the prefix is too long: %d characters, at most %d", l, MaxPrefixRunes)}
	}
	folded := []rune(strings.TrimSpace(string(Fold(prefix).Runes)))
	if len(folded) == 0 || n <= 0 {
		return nil, nil
	}
	text, py := string(folded), compactLetters(folded)
	type ranked struct {
		row  *ent.SearchDoc
		rank int
	}
	var hits []ranked
	seen := map[int]bool{}
	add := func(rows []*ent.SearchDoc) {
		for _, r := range rows {
			if seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			if rank, ok := suggestRank(r, text, folded, py); ok {
				hits = append(hits, ranked{r, rank})
			}
		}
	}
	// Prefixes: the folded name, and for Latin input the pinyin and initials.
	keys := []string{searchdoc.FieldNameKey}
	if py != "" {
		keys = append(keys, searchdoc.FieldPinyinKey, searchdoc.FieldInitialsKey)
	}
	for _, col := range keys {
		p := text
		if col != searchdoc.FieldNameKey {
			p = py
		}
		rows, err := client.SearchDoc.Query().Where(keyPrefix(col, capKey(p))).
			Order(keyOrder(col)).Limit(SuggestPrefixLimit).Select(suggestColumns...).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("search: suggest: %w", err)
		}
		add(rows)
	}
	if len(hits) < n {
		// Names that contain the prefix (or its pinyin from a later syllable).
		term := Term{Text: folded, Alts: []Alt{newAlt(folded)}}
		if py != "" {
			term.Alts = append(term.Alts, Alt{Pinyin: py})
		}
		if terms := (&Query{Terms: []Term{term}}).indexTerms(); len(terms) > 0 {
			rows, err := candidates(ctx, client, terms, filterGroups(ctx, Options{}), Options{}, true, SuggestContainsLimit, &idSpan{})
			if err != nil {
				return nil, err
			}
			add(rows[:min(len(rows), SuggestContainsLimit)])
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if la, lb := utf8.RuneCountInString(a.row.Name), utf8.RuneCountInString(b.row.Name); la != lb {
			return la < lb
		}
		if !a.row.SortDate.Equal(b.row.SortDate) {
			return a.row.SortDate.After(b.row.SortDate)
		}
		return a.row.ID > b.row.ID
	})
	// Load the items shown (the caller's visibility applies again); if one
	// is gone meanwhile, the next hits fill its place.
	type key struct {
		typ ItemType
		id  int
	}
	var out []Suggestion
	for len(out) < n && len(hits) > 0 {
		batch := hits[:min(len(hits), n-len(out))]
		hits = hits[len(batch):]
		byType := map[ItemType][]int{}
		for _, h := range batch {
			byType[h.row.ItemType] = append(byType[h.row.ItemType], h.row.ItemID)
		}
		loaded := map[key]any{}
		for _, typ := range AllTypes {
			if len(byType[typ]) == 0 {
				continue
			}
			es, _, err := loadEntities(ctx, client, typ, byType[typ], false)
			if err != nil {
				return nil, fmt.Errorf("search: suggest: %w", err)
			}
			for _, e := range es {
				loaded[key{typ, entityID(e)}] = e
			}
		}
		for _, h := range batch {
			if e := loaded[key{h.row.ItemType, h.row.ItemID}]; e != nil {
				out = append(out, Suggestion{Text: h.row.Name, Type: h.row.ItemType, Entity: e})
			}
		}
	}
	return out, nil
}

// keyPrefix is "col starts with p" as a range on the column's B-tree, in
// byte order: SQLite compares text with memcmp (BINARY); PostgreSQL's
// ~>=~ and ~<~ compare bytes whatever the collation, and its index on the
// key has their operator class (text_pattern_ops). U+10FFFF sorts after
// every character a name holds.
func keyPrefix(col, p string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		ge, lt := " >= ", " < "
		if s.Dialect() == dialect.Postgres {
			ge, lt = " ~>=~ ", " ~<~ "
		}
		s.Where(sql.P(func(b *sql.Builder) {
			b.Ident(s.C(col)).WriteString(ge).Arg(p).WriteString(" AND ").
				Ident(s.C(col)).WriteString(lt).Arg(p + "\U0010FFFF")
		}))
	}
}

// keyOrder orders by a key in byte order, which its index holds: on
// PostgreSQL "ORDER BY key" would sort every match by the collation (100 ms
// for the 25,000 names a one-letter pinyin prefix matches); USING ~<~ walks
// the index and stops at the limit.
func keyOrder(col string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		if s.Dialect() == dialect.Postgres {
			s.OrderExpr(sql.ExprP(s.C(col) + " USING ~<~"))
			return
		}
		s.OrderBy(s.C(col))
	}
}

// suggestRank is 0 when the name starts with the prefix (or its pinyin or
// initials do), 1 when it contains it; ok is false otherwise. text is the
// folded prefix, py its compact letters ("" unless it is all letters).
func suggestRank(r *ent.SearchDoc, text string, prefix []rune, py string) (int, bool) {
	name := r.NameKey
	if len(name) >= suggestKeyBytes-utf8.UTFMax || name == "" {
		name = FoldString(r.Name) // the key may be cut: check the whole name
	}
	if strings.HasPrefix(name, text) {
		return 0, true
	}
	if len(name) > len(text) && len(occurrences([]rune(name), prefix)) > 0 {
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
	case *ent.Event:
		return x.ID
	}
	return 0
}
