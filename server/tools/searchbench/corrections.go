package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"

	"brandshow/ent"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/searchdoc"
	"brandshow/server/search"
)

// measureCorrections measures the homophone correction on each corpus (the
// demo content, and the generated reports when there are any):
//   - false corrections: queries that were right — pieces of 2–4 Chinese
//     characters of published names and titles, which the index holds — and
//     were corrected anyway (a term that matches is never corrected, so this
//     should be 0);
//   - right words the corpus lacks: everyday trade words that find nothing,
//     and how many of them a correction turned into another word;
//   - typos: the same pieces with one character replaced by another of the
//     same syllable, how many were corrected and how many back to the piece.
func measureCorrections(ctx context.Context, client *ent.Client, n int) error {
	bench, err := client.MediaCoverage.Query().Where(mediacoverage.SlugHasPrefix("bench-")).IDs(ctx)
	if err != nil {
		return err
	}
	isBench := make(map[int]bool, len(bench))
	for _, id := range bench {
		isBench[id] = true
	}
	rows, err := client.SearchDoc.Query().Select(searchdoc.FieldItemType, searchdoc.FieldItemID, searchdoc.FieldName).All(ctx)
	if err != nil {
		return err
	}
	corpora := map[string][]string{}
	for _, r := range rows {
		name := "demo"
		if r.ItemType == search.TypeMediaCoverage && isBench[r.ItemID] {
			name = "synthetic"
		}
		corpora[name] = append(corpora[name], r.Name)
	}
	homophones := homophoneTable()
	fmt.Printf("\nhomophone correction (%d sampled queries per corpus)\n", n)
	fmt.Printf("%-10s %22s %24s %30s\n", "corpus", "false corrections", "absent words corrected", "typos corrected (to the piece)")
	for _, name := range []string{"demo", "synthetic"} {
		names := corpora[name]
		if len(names) == 0 {
			continue
		}
		r := rand.New(rand.NewPCG(7, uint64(len(names))))
		right, falseFixed, typos, fixed, restored := 0, 0, 0, 0, 0
		for tries := 0; right < n && tries < 50*n; tries++ {
			piece := hanPiece(r, names[r.IntN(len(names))])
			if piece == "" {
				continue
			}
			res, err := search.Search(ctx, client, piece, search.Options{Limit: 1})
			if err != nil {
				return err
			}
			right++
			if res.CorrectedQuery != "" {
				falseFixed++
			}
			typo := typoOf(r, piece, homophones)
			if typo == "" {
				continue
			}
			tres, err := search.Search(ctx, client, typo, search.Options{Limit: 1})
			if err != nil {
				return err
			}
			if tres.CorrectedQuery == "" && tres.Total > 0 {
				continue // the typo is a word of the corpus too: nothing to correct
			}
			typos++
			if tres.CorrectedQuery != "" {
				fixed++
				if tres.CorrectedQuery == piece {
					restored++
				}
			}
		}
		absent, absentFixed := 0, 0
		for _, w := range absentWords {
			res, err := search.Search(ctx, client, w, search.Options{Limit: 1, NoCorrection: true})
			if err != nil {
				return err
			}
			if res.Total > 0 {
				continue
			}
			absent++
			if cres, err := search.Search(ctx, client, w, search.Options{Limit: 1}); err != nil {
				return err
			} else if cres.CorrectedQuery != "" {
				absentFixed++
			}
		}
		fmt.Printf("%-10s %22s %24s %30s\n", name, rate(falseFixed, right), rate(absentFixed, absent), rate(fixed, typos)+fmt.Sprintf(" (%s)", rate(restored, typos)))
	}
	return nil
}

// absentWords are right words of the trades that a corpus may lack.
var absentWords = strings.Fields("数控 钳工 保洁 茶艺 电焊 保姆 育婴 厨艺 汽修 美容 美发 缝纫 砌墙 装修 绣娘 竹编 采茶 制茶 种植 养殖 直播 快递 护工 保安 司机")

func rate(k, n int) string {
	if n == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d = %.1f%%", k, n, 100*float64(k)/float64(n))
}

// hanPiece is a random run of 2–4 Chinese characters of the name, or "".
func hanPiece(r *rand.Rand, name string) string {
	rs := []rune(name)
	if len(rs) < 2 {
		return ""
	}
	size := 2 + r.IntN(3)
	at := r.IntN(len(rs))
	if at+size > len(rs) {
		return ""
	}
	for _, c := range rs[at : at+size] {
		if !unicode.Is(unicode.Han, c) {
			return ""
		}
	}
	return string(rs[at : at+size])
}

// homophoneTable maps each toneless syllable to the common characters
// (CJK Unified Ideographs, basic block) read that way.
func homophoneTable() map[string][]rune {
	out := map[string][]rune{}
	for c := rune(0x4E00); c <= 0x9FA5; c++ {
		if p := search.PinyinOf([]rune{c}); len(p.Syllables) == 1 {
			out[p.Syllables[0]] = append(out[p.Syllables[0]], c)
		}
	}
	return out
}

// typoOf replaces one character of the piece by another of the same
// syllable, as a pinyin input method's wrong pick would; "" if none.
func typoOf(r *rand.Rand, piece string, homophones map[string][]rune) string {
	rs := []rune(piece)
	i := r.IntN(len(rs))
	p := search.PinyinOf([]rune{rs[i]})
	if len(p.Syllables) != 1 {
		return ""
	}
	alts := homophones[p.Syllables[0]]
	if len(alts) < 2 {
		return ""
	}
	for range 8 {
		if c := alts[r.IntN(len(alts))]; c != rs[i] {
			rs[i] = c
			return string(rs)
		}
	}
	return ""
}
