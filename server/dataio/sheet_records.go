package dataio

import (
	"slices"
	"strconv"
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
	cellRule[T]
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

// cell is a text field, read and written as it is.
func cell[T any](field func(*T) *string) cellRule[T] {
	return cellRule[T]{
		set: func(r *T, v string) error { *field(r) = v; return nil },
		get: func(r *T) string { return *field(r) },
	}
}

// enumCell is an enum field, read as people type it ("provincial",
// "Workers employed") and written as the import spells it (PROVINCIAL).
func enumCell[T any](field func(*T) *string) cellRule[T] {
	return cellRule[T]{
		set: func(r *T, v string) error { *field(r) = normalizeEnum(v); return nil },
		get: func(r *T) string { return *field(r) },
	}
}

// intCell is a whole number; empty reads as 0.
func intCell[T any](field func(*T) *int) cellRule[T] {
	return cellRule[T]{
		set: func(r *T, v string) error { return wholeNumber(field(r), v) },
		get: func(r *T) string { return strconv.Itoa(*field(r)) },
	}
}

// dateCell is a date (sheetDate), written as 2025-06-30; empty is none.
func dateCell[T any](field func(*T) **Time) cellRule[T] {
	return cellRule[T]{
		set: func(r *T, v string) error { return sheetDate(field(r), v) },
		get: func(r *T) string {
			if t := *field(r); t != nil {
				return t.UTC().Format(time.DateOnly)
			}
			return ""
		},
	}
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

// statusRule is the status column of every sheet: empty keeps the status
// (a new record is a DRAFT); written as DRAFT or PUBLISHED.
func statusRule[T any](pub func(*T) *Publication) cellRule[T] {
	return cellRule[T]{
		set: func(r *T, v string) error {
			if v = normalizeEnum(v); v != "" {
				pub(r).Status = schematype.Status(v)
			}
			return nil
		},
		get: func(r *T) string { return string(pub(r).Status) },
	}
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
