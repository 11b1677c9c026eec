package dataio

import "testing"

// TestEveryColumnReadsAndWrites: every column the import reads has the
// getter the export writes it with, so a column added to the import
// without one fails here rather than in an export.
func TestEveryColumnReadsAndWrites(t *testing.T) {
	check := func(kind, name string, set, get bool) {
		if !set || !get {
			t.Errorf("%s column %s: set %v, get %v; a column needs both", kind, name, set, get)
		}
	}
	for _, c := range BrandColumns {
		check("brands", c.Name, c.set != nil, c.get != nil)
	}
	for _, c := range EventColumns {
		check("events", c.Name, c.set != nil, c.get != nil)
	}
	for _, c := range RecognitionColumns {
		check("recognitions", c.Name, c.set != nil, c.get != nil)
	}
	for _, c := range FigureColumns {
		check("figures", c.Name, c.set != nil, c.get != nil)
	}
	for _, kind := range SheetKinds {
		if _, err := sheetTable(&Document{}, kind); err != nil {
			t.Errorf("sheet %s: %v", kind, err)
		}
	}
}

// TestFormulaEscapeIsUndone: unescapeFormula(escapeFormula(v)) is v for
// cells that start with each formula character, an apostrophe, or neither.
func TestFormulaEscapeIsUndone(t *testing.T) {
	for v, escaped := range map[string]string{
		"=1+2": "'=1+2", "+1": "'+1", "-x": "'-x", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"'": "''", "'a": "''a", "''": "'''", "'=1": "''=1",
		"": "", "a=1": "a=1", "-5": "-5", "-33.5": "-33.5", "1,200": "1,200", "鄂人社发〔2022〕13号": "鄂人社发〔2022〕13号",
	} {
		if got := escapeFormula(v); got != escaped {
			t.Errorf("escapeFormula(%q) = %q, want %q", v, got, escaped)
		}
		if got := unescapeFormula(escapeFormula(v)); got != v {
			t.Errorf("unescapeFormula(escapeFormula(%q)) = %q", v, got)
		}
	}
	if got := unescapeFormula("'quoted'"); got != "'quoted'" {
		t.Errorf("a typed 'quoted' cell reads as %q", got)
	}
}
