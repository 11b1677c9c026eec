package dataio

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// SheetKinds are the kinds of spreadsheet the import reads and the export
// writes, in the order docs/editors.md documents them.
var SheetKinds = []string{"brands", "events", "recognitions", "figures"}

// sheetTable is a spreadsheet of one kind built from an exported document:
// the header (the column names the import reads, in their documented
// order), then one row per record, each cell written by its column's get.
func sheetTable(doc *Document, kind string) ([][]string, error) {
	switch kind {
	case "brands":
		return table(doc.Brands, BrandColumns, func(c Column) (string, cellRule[Brand]) { return c.Name, c.cellRule }), nil
	case "events":
		return table(doc.Events, EventColumns, func(c EventColumn) (string, cellRule[Event]) { return c.Name, c.cellRule }), nil
	case "recognitions":
		return table(doc.Recognitions, RecognitionColumns, recordColumn[Recognition]), nil
	case "figures":
		return table(doc.Figures, FigureColumns, recordColumn[Figure]), nil
	}
	return nil, fmt.Errorf("unknown sheet %q; the sheets are %s", kind, strings.Join(SheetKinds, ", "))
}

func recordColumn[T any](c RecordColumn[T]) (string, cellRule[T]) { return c.Name, c.cellRule }

func table[T, C any](records []T, cols []C, column func(C) (string, cellRule[T])) [][]string {
	rows := make([][]string, 0, 1+len(records))
	header := make([]string, len(cols))
	for j, c := range cols {
		header[j], _ = column(c)
	}
	rows = append(rows, header)
	for i := range records {
		row := make([]string, len(cols))
		for j, c := range cols {
			_, rule := column(c)
			row[j] = rule.get(&records[i])
		}
		rows = append(rows, row)
	}
	return rows
}

// WriteCSV writes one kind of spreadsheet (SheetKinds) of the document as
// CSV: UTF-8 with a byte order mark, so Excel opens it as UTF-8, and CRLF
// line ends. A cell a spreadsheet app would run as a formula is written with
// a leading ' (escapeFormula), which ReadCSV removes again.
func WriteCSV(w io.Writer, doc *Document, kind string) error {
	rows, err := sheetTable(doc, kind)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	for _, row := range rows {
		for j := range row {
			row[j] = escapeFormula(row[j])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export %s: %w", kind, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	return bw.Flush()
}

// maxCellChars is the most a spreadsheet cell holds (Excel's limit, in
// UTF-16 units); excelize silently cuts longer strings, so WriteXLSX
// refuses them instead.
const maxCellChars = excelize.TotalCellChars

// WriteXLSX writes one kind of spreadsheet (SheetKinds) of the document as
// an Excel workbook with one sheet named after the kind, the header row
// bold and frozen. Whole numbers are number cells (they add up); every
// other cell is a text cell, which spreadsheet apps never run as a formula,
// so no cell needs escaping. A cell longer than a spreadsheet holds (a long
// story in English) is an error naming it: export CSV or JSON instead.
func WriteXLSX(w io.Writer, doc *Document, kind string) error {
	rows, err := sheetTable(doc, kind)
	if err != nil {
		return err
	}
	for i, row := range rows {
		for j, v := range row {
			if n := len(utf16.Encode([]rune(v))); n > maxCellChars {
				return fmt.Errorf("export %s: line %d (slug %s), column %s: %d characters, more than the %d a spreadsheet cell holds; export CSV or JSON instead",
					kind, i+1, row[slices.Index(rows[0], "slug")], rows[0][j], n, maxCellChars)
			}
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), kind); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	sw, err := f.NewStreamWriter(kind)
	if err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, v := range row {
			switch {
			case i == 0:
				cells[j] = excelize.Cell{StyleID: bold, Value: v}
			case wholeNumberCell.MatchString(v):
				n, _ := strconv.ParseInt(v, 10, 64)
				cells[j] = n
			default:
				cells[j] = v // a string: a text cell, never a formula
			}
		}
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(axis, cells); err != nil {
			return fmt.Errorf("export %s: %w", kind, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	return nil
}

// wholeNumberCell matches the text of a whole number that a number cell
// reads back as the same text: no sign but minus, no leading zero, no more
// digits than a spreadsheet keeps exactly (15).
var wholeNumberCell = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})$`)

// plainNumber matches a decimal number, which spreadsheet apps read as a
// number, never as a formula, even with a leading minus (-33.5).
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// formulaStart are the first characters that make a spreadsheet app read a
// CSV cell as a formula (=, +, -, @) or skip to one (tab, carriage return);
// see OWASP's "CSV Injection".
const formulaStart = "=+-@\t\r"

// escapeFormula neutralises a CSV cell a spreadsheet app would run as a
// formula (=HYPERLINK(...), +cmd|..., @SUM(...)) by a leading ', which
// makes it text. A cell that already starts with ' gets one more, so that
// unescapeFormula, which takes exactly one ' off a cell starting with '
// and then ' or a formula character, reads every cell back as it was.
// A plain number (-5, -33.5) is left alone: it is a number, not a formula.
func escapeFormula(v string) string {
	if v == "" || plainNumber.MatchString(v) {
		return v
	}
	if strings.ContainsRune(formulaStart+"'", rune(v[0])) {
		return "'" + v
	}
	return v
}

// unescapeFormula undoes escapeFormula on a cell ReadCSV reads: a cell that
// starts with ' followed by ', =, +, -, @, tab or carriage return loses
// that first '. Other cells, and cells such as 'quoted', stay as they are.
func unescapeFormula(v string) string {
	if len(v) >= 2 && v[0] == '\'' && strings.ContainsRune(formulaStart+"'", rune(v[1])) {
		return v[1:]
	}
	return v
}
