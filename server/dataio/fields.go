package dataio

import (
	"reflect"

	"brandshow/ent/schema"

	entgo "entgo.io/ent"
)

// fieldValidators holds, per content type, the validators of each field,
// read from the schema as ent's generated runtime reads them: lengths,
// patterns, ranges, plain text, URLs. ent's own check on write stops at the
// first bad field of a record; running them all first reports every one.
var fieldValidators = map[string]map[string][]any{
	"Region":        validatorsOf(schema.Region{}),
	"Brand":         validatorsOf(schema.Brand{}),
	"RoleModel":     validatorsOf(schema.RoleModel{}),
	"Enterprise":    validatorsOf(schema.Enterprise{}),
	"Alliance":      validatorsOf(schema.Alliance{}),
	"Venue":         validatorsOf(schema.Venue{}),
	"MediaCoverage": validatorsOf(schema.MediaCoverage{}),
	"Event":         validatorsOf(schema.Event{}),
	"Recognition":   validatorsOf(schema.Recognition{}),
	"Figure":        validatorsOf(schema.Figure{}),
}

func validatorsOf(s entgo.Interface) map[string][]any {
	out := map[string][]any{}
	add := func(fields []entgo.Field) {
		for _, f := range fields {
			d := f.Descriptor()
			out[d.Name] = append(out[d.Name], d.Validators...)
		}
	}
	for _, m := range s.Mixin() {
		add(m.Fields())
	}
	add(s.Fields())
	return out
}

// invalidFields reports each field of the mutation that its validators
// refuse as a problem of record i, and whether there was any. The record
// is then not written; ent's check on write stays as the last word.
func (im *importer) invalidFields(collection string, i int, key string, m entgo.Mutation) bool {
	validators := fieldValidators[m.Type()]
	bad := false
	for _, name := range m.Fields() {
		v, _ := m.Field(name)
		for _, fn := range validators[name] {
			if err := callValidator(fn, v); err != nil {
				im.problem(collection, i, key, camel(name), "%s", err.Error())
				bad = true
				break
			}
		}
	}
	return bad
}

// callValidator calls a field validator (func(string) error, func(int)
// error, ...) with a value of the field's kind; other values are left to
// ent's own check.
func callValidator(fn, v any) error {
	f, in := reflect.ValueOf(fn), reflect.ValueOf(v)
	if f.Kind() != reflect.Func || f.Type().NumIn() != 1 || f.Type().NumOut() != 1 || !in.IsValid() {
		return nil
	}
	want := f.Type().In(0)
	if in.Kind() != want.Kind() || !in.Type().ConvertibleTo(want) {
		return nil
	}
	err, _ := f.Call([]reflect.Value{in.Convert(want)})[0].Interface().(error)
	return err
}
