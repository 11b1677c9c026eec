package dataio

import (
	"slices"
	"strings"
	"time"

	"brandshow/ent/schematype"
)

// RecordColumn is one column of a spreadsheet of records of type T (the
// recognition and figure sheets; brand and event sheets have their own,
// older column types).
type RecordColumn[T any] struct {
	Name        string // header text, matched case-insensitively
	Description string
	set         func(r *T, v string) error
}

// recordSheets are the kinds of spreadsheet read through RecordColumn: the
// header column that marks the kind, and the kind's column names.
var recordSheets = []struct {
	kind, marker string
	names        func() []string
}{
	{"recognitions", "issuer_zh", func() []string { return recordColumnNames(RecognitionColumns) }},
	{"figures", "metric", func() []string { return recordColumnNames(FigureColumns) }},
}

func recordColumnNames[T any](cols []RecordColumn[T]) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names
}

// cell sets a text field from a cell.
func cell[T any](field func(*T) *string) func(*T, string) error {
	return func(r *T, v string) error { *field(r) = v; return nil }
}

// enumCell sets an enum field from a cell typed as people like
// ("provincial", "Workers employed").
func enumCell[T any](field func(*T) *string) func(*T, string) error {
	return func(r *T, v string) error { *field(r) = normalizeEnum(v); return nil }
}

// wholeNumber reads a whole number; an empty cell is 0 (reported as
// required or out of range where that matters).
func wholeNumber(n *int, v string) error {
	if strings.TrimSpace(v) == "" {
		*n = 0
		return nil
	}
	x, err := parseInt(v)
	if err != nil {
		return err
	}
	*n = x
	return nil
}

// sheetDate reads a date (2025-06-30, 2025/6/30 or an Excel date cell) as
// midnight UTC, the JSON format's date; empty is nil.
func sheetDate(t **Time, v string) error {
	at, err := parseEventTime(v)
	if err != nil || at == nil {
		*t = nil
		return err
	}
	y, m, d := at.Date()
	*t = &Time{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
	return nil
}

// statusCell sets the status; empty keeps it.
func statusCell(p *Publication, v string) error {
	if v = normalizeEnum(v); v != "" {
		p.Status = schematype.Status(v)
	}
	return nil
}

// recordsFromSheet turns the rows of a record sheet into records: start
// gives the record a row begins from (the existing one, by slug), then each
// named column sets its field. Problems are reported at the row's line.
func recordsFromSheet[T any](im *importer, sh *sheet, collection string, cols []RecordColumn[T], start func(slug string) T) []T {
	slugCol := slices.Index(sh.names, "slug")
	out := make([]T, len(sh.rows))
	for i, row := range sh.rows {
		slug := ""
		if slugCol >= 0 && slugCol < len(row) {
			slug = strings.TrimSpace(row[slugCol])
		}
		r := start(slug)
		for j, name := range sh.names {
			if name == "" || name == "slug" {
				continue
			}
			k := slices.IndexFunc(cols, func(c RecordColumn[T]) bool { return c.Name == name })
			if k < 0 {
				continue
			}
			v := ""
			if j < len(row) {
				v = strings.TrimSpace(row[j])
			}
			if err := cols[k].set(&r, v); err != nil {
				im.problem(collection, i, slug, camel(name), "%v", err)
			}
		}
		out[i] = r
	}
	return out
}
