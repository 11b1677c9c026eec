package graph_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestEveryTypeAndFieldIsDescribed reads the schema by introspection, as
// the playground does, and requires a description on every type, field,
// argument, input field and enum value: journalists read them.
func TestEveryTypeAndFieldIsDescribed(t *testing.T) {
	eachDemo(t, func(t *testing.T, h http.Handler) {
		type named struct {
			Name        string
			Description *string
		}
		var got struct {
			Schema struct {
				Types []struct {
					Kind        string
					Name        string
					Description *string
					Fields      []struct {
						Name        string
						Description *string
						Args        []named
					}
					InputFields []named
					EnumValues  []named
				}
			} `json:"__schema"`
		}
		mustQuery(t, h, `{ __schema { types { kind name description
			fields { name description args { name description } }
			inputFields { name description } enumValues { name description } } } }`, nil, &got)
		empty := func(s *string) bool { return s == nil || strings.TrimSpace(*s) == "" }
		var missing []string
		for _, typ := range got.Schema.Types {
			if strings.HasPrefix(typ.Name, "__") {
				continue
			}
			if empty(typ.Description) {
				missing = append(missing, typ.Name)
			}
			for _, f := range typ.Fields {
				if empty(f.Description) {
					missing = append(missing, typ.Name+"."+f.Name)
				}
				for _, a := range f.Args {
					if empty(a.Description) {
						missing = append(missing, typ.Name+"."+f.Name+"("+a.Name+")")
					}
				}
			}
			for _, f := range typ.InputFields {
				if empty(f.Description) {
					missing = append(missing, typ.Name+"."+f.Name)
				}
			}
			for _, v := range typ.EnumValues {
				if empty(v.Description) {
					missing = append(missing, typ.Name+"."+v.Name)
				}
			}
		}
		if len(missing) > 0 {
			t.Fatalf("%d schema elements without a description, e.g. %v", len(missing), missing[:min(len(missing), 30)])
		}
	})
}
