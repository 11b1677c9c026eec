package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"brandshow/ent/changelog"
	"brandshow/ent/schematype"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// schemas is every type of the data model; TestSchemasListed keeps it
// complete.
var schemas = map[string]ent.Interface{
	"Alliance": Alliance{}, "AuditEntry": AuditEntry{}, "Brand": Brand{}, "Enterprise": Enterprise{},
	"MediaCoverageBrand": MediaCoverageBrand{}, "MediaCoverageRoleModel": MediaCoverageRoleModel{},
	"BrandRoleModel": BrandRoleModel{}, "AllianceBrand": AllianceBrand{}, "EnterpriseBrand": EnterpriseBrand{},
	"VenueBrand": VenueBrand{}, "MediaCoverage": MediaCoverage{}, "Region": Region{}, "RoleModel": RoleModel{},
	"SearchDoc": SearchDoc{}, "Token": Token{}, "Venue": Venue{}, "ChangeLogEntry": ChangeLogEntry{},
	"Event": Event{}, "EventBrand": EventBrand{}, "EventRoleModel": EventRoleModel{}, "EventMediaCoverage": EventMediaCoverage{},
	"Webhook": Webhook{}, "WebhookDelivery": WebhookDelivery{}, "PreviewLink": PreviewLink{},
	"Recognition": Recognition{}, "Figure": Figure{}, "Revision": Revision{},
}

// notDisplayText are the string columns that are not typed as display text:
// their own pattern (slugs, region codes, token names) or the server (hashes,
// the audit log, the search side table, derived from checked content)
// decides what they hold.
var notDisplayText = map[string]bool{
	"slug": true, "Region.code": true, "Token.name": true, "Token.hash": true,
	"AuditEntry.actor": true, "AuditEntry.entity_type": true, "ChangeLogEntry.entity_type": true,
	"Webhook.secret": true, "WebhookDelivery.event_id": true, "WebhookDelivery.event": true,
	"WebhookDelivery.entity_type": true, "WebhookDelivery.payload": true,
	"PreviewLink.item_type": true, "PreviewLink.hash": true, "PreviewLink.created_by": true,
	"Revision.item_type": true, "Revision.author": true, "Revision.decided_by": true,
}

// TestSchemasListed: every ent.Schema type of this package is in schemas.
func TestSchemasListed(t *testing.T) {
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range pkgs {
		ast.Inspect(pkg, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, f := range st.Fields.List {
				if sel, ok := f.Type.(*ast.SelectorExpr); ok && len(f.Names) == 0 && sel.Sel.Name == "Schema" {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "ent" {
						if _, listed := schemas[ts.Name.Name]; !listed {
							t.Errorf("schema %s is not in schemas (schema_test.go)", ts.Name.Name)
						}
					}
				}
			}
			return true
		})
	}
}

// fieldsOf returns a schema's fields, its mixins' included.
func fieldsOf(s ent.Interface) []ent.Field {
	var fields []ent.Field
	for _, m := range s.Mixin() {
		fields = append(fields, m.Fields()...)
	}
	return append(fields, s.Fields()...)
}

func hasValidator(d *field.Descriptor, fns ...func(string) error) bool {
	for _, v := range d.Validators {
		for _, fn := range fns {
			if reflect.ValueOf(v).Pointer() == reflect.ValueOf(fn).Pointer() {
				return true
			}
		}
	}
	return false
}

// TestEveryTextFieldIsCheckedText: every string column that people type is
// plain text without control characters (schematype.CheckLine or CheckText)
// and has a length limit; every JSON column is of a type the EditedMixin's
// hook checks (text lists, pictures); every number has a range, so the sums
// of stats cannot overflow. A new field that forgets it fails here.
func TestEveryTextFieldIsCheckedText(t *testing.T) {
	checkedJSON := map[string]bool{"[]string": true, "*schematype.Picture": true, "[]schematype.Picture": true}
	for name, s := range schemas {
		for _, f := range fieldsOf(s) {
			d := f.Descriptor()
			key := name + "." + d.Name
			switch d.Info.Type {
			case field.TypeString:
				if notDisplayText[key] || notDisplayText[d.Name] || name == "SearchDoc" {
					continue
				}
				if !hasValidator(d, schematype.CheckLine, schematype.CheckText) {
					t.Errorf("%s: a text column without schematype.CheckLine/CheckText (use line, localized or localizedText)", key)
				}
				if d.Size <= 0 {
					t.Errorf("%s: a text column without MaxLen", key)
				}
			case field.TypeJSON:
				if name == "AuditEntry" || name == "WebhookDelivery" || name == "Revision" {
					continue // written by the server (a revision's values were checked as the item's fields)
				}
				if !checkedJSON[d.Info.Ident] {
					t.Errorf("%s: JSON column of type %s, which validateJSONFields does not check", key, d.Info.Ident)
				}
			case field.TypeInt, field.TypeInt64, field.TypeFloat64:
				if strings.HasSuffix(d.Name, "_id") || name == "SearchDoc" {
					continue // a foreign key (checked by the database) or derived
				}
				if len(d.Validators) == 0 {
					t.Errorf("%s: a number without a range", key)
				}
			}
		}
	}
}

// TestTextChecks: the rules themselves.
func TestTextChecks(t *testing.T) {
	for _, c := range []struct {
		s          string
		line, text bool // accepted as one line, as long text
	}{
		{"红安大嫂", true, true},
		{"Hong'an <3 housekeepers", true, true},
		{"a\x00b", false, false},
		{"a\x1bb", false, false},
		{"a\u0085b", false, false},
		{"a\x7fb", false, false},
		{"第一段\n\n第二段\r\n\t缩进", false, true},
		{"<img src=x onerror=alert(1)>", false, false},
		{"<!-- x -->", false, false},
		{"\xff\xfe", false, false},
	} {
		if got := schematype.CheckLine(c.s) == nil; got != c.line {
			t.Errorf("CheckLine(%q) accepted = %v, want %v", c.s, got, c.line)
		}
		if got := schematype.CheckText(c.s) == nil; got != c.text {
			t.Errorf("CheckText(%q) accepted = %v, want %v", c.s, got, c.text)
		}
	}
}

// TestPictureFieldsAreListed: PictureFields (which creditedWhenPublished
// checks) names exactly each type's picture columns.
func TestPictureFieldsAreListed(t *testing.T) {
	for name, s := range schemas {
		var got []string
		for _, f := range fieldsOf(s) {
			d := f.Descriptor()
			if d.Info.Type == field.TypeJSON && (d.Info.Ident == "*schematype.Picture" || d.Info.Ident == "[]schematype.Picture") {
				got = append(got, d.Name)
			}
		}
		if strings.Join(got, ",") != strings.Join(PictureFields[name], ",") {
			t.Errorf("%s: picture fields %v, PictureFields lists %v", name, got, PictureFields[name])
		}
	}
}

// TestEveryPublishedTypeIsInTheChangeLog: a content type the change log
// does not know would never reach kiosks and mirrors syncing through
// changes(since:), and its writes would fail in the log's hook.
func TestEveryPublishedTypeIsInTheChangeLog(t *testing.T) {
	for name, s := range schemas {
		if name == "SearchDoc" { // the search side table mirrors its items' status; not content
			continue
		}
		for _, m := range s.Mixin() {
			if _, ok := m.(PublicationMixin); ok && !changelog.IsContent(name) {
				t.Errorf("%s has the PublicationMixin but ent/changelog's contentTypes does not list it", name)
			}
		}
	}
}
