package dataio

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"brandshow/ent"
	"brandshow/ent/schematype"

	"entgo.io/ent/dialect/sql/schema"
)

// Problem is one thing wrong with the input and where it is: "brands[3]
// (slug hongan-dasao) regionCode" in JSON, "line 5, column region_code (slug
// hongan-dasao)" in a spreadsheet.
type Problem struct {
	Where   string
	Message string
}

func (p Problem) String() string {
	if p.Where == "" {
		return p.Message
	}
	return p.Where + ": " + p.Message
}

// Problems is every problem an import found; when it is not empty nothing
// was written. It is the error Import returns for bad input.
type Problems []Problem

func (ps Problems) Error() string {
	if len(ps) == 1 {
		return "import refused: " + ps[0].String()
	}
	return fmt.Sprintf("import refused: %d problems, the first: %s", len(ps), ps[0])
}

// locator names a place in the input: record i of a collection, with its
// key (slug or code) and, optionally, a field by its JSON name.
type locator func(collection string, i int, key, field string) string

func jsonLocator(collection string, i int, key, field string) string {
	s := fmt.Sprintf("%s[%d]", collection, i)
	if key != "" {
		if collection == "regions" {
			s += " (code " + key + ")"
		} else {
			s += " (slug " + key + ")"
		}
	}
	if field != "" {
		s += " " + field
	}
	return s
}

// sheetLocator names lines (1 is the header) and columns of a spreadsheet.
func sheetLocator(lines []int) locator {
	return func(_ string, i int, key, field string) string {
		s := fmt.Sprintf("line %d", lines[i])
		if field != "" {
			s += ", column " + snake(field)
		}
		if key != "" {
			s += " (slug " + key + ")"
		}
		return s
	}
}

// snake turns a JSON name into a column name: regionCode → region_code.
func snake(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// camel turns an ent field name into the JSON name: name_zh → nameZh.
func camel(s string) string {
	switch s {
	case "region_id":
		return "regionCode"
	case "parent_id":
		return "parentCode"
	case "lead_enterprise_id":
		return "leadEnterprise"
	}
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// invalidField reports whether err is a validation failure of one field —
// ent's validators or the picture check — and returns the field (JSON name)
// and the reason. Such errors are raised before any SQL runs, so the
// transaction stays usable and the import can go on collecting problems.
func invalidField(err error) (field, reason string, ok bool) {
	var ve *ent.ValidationError
	if errors.As(err, &ve) {
		inner := errors.Unwrap(ve)
		if deeper := errors.Unwrap(inner); deeper != nil {
			inner = deeper
		}
		if inner == nil {
			inner = ve
		}
		return camel(ve.Name), inner.Error(), true
	}
	var fe *schematype.FieldError
	if errors.As(err, &fe) {
		return camel(fe.Field), fe.Err.Error(), true
	}
	return "", "", false
}

// enumValues reads an enum column's values from ent's generated schema, so
// the import accepts exactly what the database does.
func enumValues(cols []*schema.Column, name string) []string {
	for _, c := range cols {
		if c.Name == name {
			return c.Enums
		}
	}
	panic("dataio: no enum column " + name)
}
