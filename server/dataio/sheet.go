package dataio

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Column is one column of a brand spreadsheet.
type Column struct {
	Name        string // header text, matched case-insensitively
	Description string
	cellRule[Brand]
}

// cellRule is how a column's cell reads into a record (set, for the import)
// and is written from one (get, for the export). They sit together so a
// column the import reads is a column the export writes: get returns what
// set reads back as the same value.
type cellRule[T any] struct {
	set func(r *T, v string) error
	get func(r *T) string
}

// BrandColumns are the columns a brand spreadsheet may have, in the order
// docs/editors.md documents them. Only slug is mandatory in the header; a new
// brand also needs name_zh, region_code, category and level. A column that is
// present sets its field (an empty cell empties it, except status); a column
// that is absent leaves an existing brand's field as it is.
var BrandColumns = []Column{
	{"slug", "Stable identifier: lower-case pinyin words joined by hyphens (hongan-dasao). The row updates the brand with this slug, or creates it.", text(func(b *Brand) *string { return &b.Slug })},
	{"name_zh", "Chinese name (required).", text(func(b *Brand) *string { return &b.NameZh })},
	{"name_en", "English name.", text(func(b *Brand) *string { return &b.NameEn })},
	{"region_code", "Six-digit GB/T 2260 code of the county or city (required), e.g. 421122.", text(func(b *Brand) *string { return &b.RegionCode })},
	{"category", "HIGH_END_SKILLED, QUALITY_SERVICE, CULTURE_TOURISM or LIVELIHOOD (required; any case, spaces or hyphens for _).", enum(func(b *Brand) *string { return &b.Category })},
	{"level", "COUNTY, CITY, PROVINCIAL or NATIONAL (required; any case).", enum(func(b *Brand) *string { return &b.Level })},
	{"industry_zh", "Industry or trade, in Chinese.", text(func(b *Brand) *string { return &b.IndustryZh })},
	{"industry_en", "Industry or trade, in English.", text(func(b *Brand) *string { return &b.IndustryEn })},
	{"summary_zh", "One-paragraph summary, in Chinese.", text(func(b *Brand) *string { return &b.SummaryZh })},
	{"summary_en", "One-paragraph summary, in English.", text(func(b *Brand) *string { return &b.SummaryEn })},
	{"story_zh", "The long story, in Chinese (plain text).", text(func(b *Brand) *string { return &b.StoryZh })},
	{"story_en", "The long story, in English (plain text).", text(func(b *Brand) *string { return &b.StoryEn })},
	{"workers_employed", "Workers employed under the brand: a whole number ≥ 0 (empty = 0).", number(func(b *Brand) *int { return &b.WorkersEmployed })},
	{"workers_exported", "Workers placed outside their home region (empty = 0).", number(func(b *Brand) *int { return &b.WorkersExported })},
	{"founded_year", "Year founded, 1949–2100; empty when unknown.", cellRule[Brand]{year, func(b *Brand) string { return optionalInt(b.FoundedYear) }}},
	{"trademark_count", "Registered trademarks (empty = 0).", number(func(b *Brand) *int { return &b.TrademarkCount })},
	{"patent_count", "Patents (empty = 0).", number(func(b *Brand) *int { return &b.PatentCount })},
	{"credit_rating", "AAA, AA, A, B or C; empty when not rated.", enum(func(b *Brand) *string { return &b.CreditRating })},
	{"in_resource_library", "In the provincial resource library: true/false, yes/no, 1/0, 是/否 (empty = false).", flag(func(b *Brand) *bool { return &b.InResourceLibrary })},
	{"in_guidance_catalogue", "In the provincial guidance catalogue: true/false (empty = false).", flag(func(b *Brand) *bool { return &b.InGuidanceCatalogue })},
	{"status", "DRAFT or PUBLISHED; empty keeps an existing brand's status and makes a new one a DRAFT.", statusRule(func(b *Brand) *Publication { return &b.Publication })},
}

func text(field func(*Brand) *string) cellRule[Brand] { return cell(field) }

// enum keeps the cell as typed; the import's check (checker.enum) applies
// the spelling rule that JSON files share.
func enum(field func(*Brand) *string) cellRule[Brand] { return text(field) }

// parseInt reads a whole number; spreadsheets may write 1200 as "1,200" or
// "1200.0".
func parseInt(v string) (int, error) {
	v = strings.ReplaceAll(strings.TrimSpace(v), ",", "")
	if n, err := strconv.Atoi(v); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e15 {
		return 0, fmt.Errorf("%q is not a whole number", v)
	}
	return int(f), nil
}

func number(field func(*Brand) *int) cellRule[Brand] {
	return cellRule[Brand]{
		set: func(b *Brand, v string) error { return wholeNumber(field(b), v) },
		get: func(b *Brand) string { return strconv.Itoa(*field(b)) },
	}
}

// optionalInt writes a number that may be absent (empty).
func optionalInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func year(b *Brand, v string) error {
	if strings.TrimSpace(v) == "" {
		b.FoundedYear = nil
		return nil
	}
	n, err := parseInt(v)
	if err != nil {
		return err
	}
	b.FoundedYear = &n
	return nil
}

func flag(field func(*Brand) *bool) cellRule[Brand] { return flagCell(field) }

// flagCell reads true/false as people type it (yes/no, 1/0, 是/否) and
// writes true or false.
func flagCell[T any](field func(*T) *bool) cellRule[T] {
	return cellRule[T]{
		set: func(r *T, v string) error {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "", "false", "no", "n", "0", "否":
				*field(r) = false
			case "true", "yes", "y", "1", "是", "x", "✓":
				*field(r) = true
			default:
				return fmt.Errorf("%q is not true or false", v)
			}
			return nil
		},
		get: func(r *T) string { return strconv.FormatBool(*field(r)) },
	}
}

// sheet is a brand, event, recognition or figure spreadsheet after its
// header was checked. A header with a starts_at column makes an event sheet
// (sheet_events.go), one with the marker column of a record sheet that kind
// (recordSheets: issuer_zh for recognitions, metric for figures).
type sheet struct {
	events       bool
	kind         string         // "brands", "events", or a record sheet's kind
	names        []string       // lower-case column names by cell index; "" for none
	columns      []*Column      // by cell index; nil for an empty, unnamed column
	eventColumns []*EventColumn // the same, for an event sheet
	lines        []int          // line (row number) of each data row
	rows         [][]string     // cells of each data row
}

// ReadCSV reads a spreadsheet saved as CSV (UTF-8, comma-separated, an
// optional byte order mark as Excel writes it). A cell that starts with '
// and then ', =, +, -, @, tab or carriage return loses that first ': it is
// how WriteCSV keeps spreadsheet apps from running a cell as a formula
// (escapeFormula).
func ReadCSV(name string, r io.Reader) (*Source, error) {
	br := bufio.NewReader(r)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	var rows [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, Problems{{Where: name, Message: err.Error()}}
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = unescapeFormula(rec[i]) // what WriteCSV escaped
		}
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	return newSheet(name, rows, lines)
}

// ReadXLSX reads the first sheet of an Excel workbook as a brand spreadsheet.
func ReadXLSX(name string, r io.Reader) (*Source, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, Problems{{Where: name, Message: "not a readable XLSX workbook: " + err.Error()}}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, Problems{{Where: name, Message: "the workbook has no sheet"}}
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, Problems{{Where: name, Message: err.Error()}}
	}
	lines := make([]int, len(rows))
	for i := range rows {
		lines[i] = i + 1
	}
	return newSheet(name, rows, lines)
}

// newSheet checks the header (first non-empty row) and keeps the non-empty
// data rows with their line numbers.
func newSheet(name string, rows [][]string, lines []int) (*Source, error) {
	blank := func(row []string) bool {
		return !slices.ContainsFunc(row, func(c string) bool { return strings.TrimSpace(c) != "" })
	}
	for len(rows) > 0 && blank(rows[0]) {
		rows, lines = rows[1:], lines[1:]
	}
	if len(rows) == 0 {
		return nil, Problems{{Where: name, Message: "the spreadsheet is empty; the first row must name the columns"}}
	}
	header, headerLine := rows[0], lines[0]
	sh := &sheet{columns: make([]*Column, len(header)), eventColumns: make([]*EventColumn, len(header))}
	sh.events = slices.ContainsFunc(header, func(h string) bool { return strings.ToLower(strings.TrimSpace(h)) == "starts_at" })
	sh.kind, sh.names = "brands", make([]string, len(header))
	if sh.events {
		sh.kind = "events"
	}
	var recordNames []string
	for _, rs := range recordSheets {
		if !sh.events && slices.ContainsFunc(header, func(h string) bool { return strings.ToLower(strings.TrimSpace(h)) == rs.marker }) {
			sh.kind, recordNames = rs.kind, rs.names()
			break
		}
	}
	var problems Problems
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		where := fmt.Sprintf("line %d, column %d", headerLine, i+1)
		if h == "" {
			continue // checked below: an unnamed column must stay empty
		}
		col := slices.IndexFunc(BrandColumns, func(c Column) bool { return c.Name == h })
		names := columnNames()
		if sh.events {
			col = slices.IndexFunc(EventColumns, func(c EventColumn) bool { return c.Name == h })
			names = eventColumnNames()
		}
		if recordNames != nil {
			col = slices.Index(recordNames, h)
			names = strings.Join(recordNames, ", ")
		}
		switch {
		case col < 0:
			problems = append(problems, Problem{where + " (" + h + ")", "unknown column; the columns are " + names})
		case seen[h]:
			problems = append(problems, Problem{where + " (" + h + ")", "the column appears twice"})
		case recordNames != nil:
			sh.names[i] = h
		case sh.events:
			sh.eventColumns[i] = &EventColumns[col]
		default:
			sh.columns[i] = &BrandColumns[col]
		}
		seen[h] = true
	}
	if !seen["slug"] && sh.kind != "figures" { // a figure's key can be its brand, metric and period
		problems = append(problems, Problem{fmt.Sprintf("line %d", headerLine), "a slug column is required"})
	}
	for r := 1; r < len(rows); r++ {
		if blank(rows[r]) {
			continue
		}
		for i, cell := range rows[r] {
			if strings.TrimSpace(cell) == "" {
				continue
			}
			if i >= len(header) {
				problems = append(problems, Problem{fmt.Sprintf("line %d, column %d", lines[r], i+1), "a value beyond the last named column"})
			} else if strings.TrimSpace(header[i]) == "" {
				problems = append(problems, Problem{fmt.Sprintf("line %d, column %d", lines[r], i+1), "a value in a column without a name"})
			}
		}
		sh.rows = append(sh.rows, rows[r])
		sh.lines = append(sh.lines, lines[r])
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return &Source{Name: name, sheet: sh}, nil
}

func columnNames() string {
	names := make([]string, len(BrandColumns))
	for i, c := range BrandColumns {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// brandsFromSheet turns rows into brand records: a row whose slug exists
// starts from the brand as it is, so only the sheet's columns change.
func (im *importer) brandsFromSheet(sh *sheet) []Brand {
	slugCol := slices.IndexFunc(sh.columns, func(c *Column) bool { return c != nil && c.Name == "slug" })
	brands := make([]Brand, len(sh.rows))
	for i, row := range sh.rows {
		slug := ""
		if slugCol < len(row) {
			slug = strings.TrimSpace(row[slugCol])
		}
		b := Brand{Publication: Publication{Slug: slug}}
		if old, ok := im.old.brands[slug]; ok {
			b = old
			b.Pictures = slices.Clone(old.Pictures)
			b.RoleModels = slices.Clone(old.RoleModels)
		}
		for j, col := range sh.columns {
			if col == nil || col.Name == "slug" {
				continue
			}
			cell := ""
			if j < len(row) {
				cell = strings.TrimSpace(row[j])
			}
			if err := col.set(&b, cell); err != nil {
				im.problem("brands", i, slug, camel(col.Name), "%v", err)
			}
		}
		brands[i] = b
	}
	return brands
}
