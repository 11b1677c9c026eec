package graph

import (
	"context"
	"fmt"
	"unicode/utf8"

	"brandshow/ent/schematype"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TextArguments refuses, before anything runs, an operation whose string
// arguments (variables and literals, in where-inputs, lists and mutation
// inputs alike) hold a control character or are not UTF-8: PostgreSQL
// cannot take a NUL at all, and no display text, slug or search needs the
// others. Tab, line feed and carriage return pass here, because long texts
// (stories) may hold them; the ent validators refuse them in one-line
// fields. One check for every field and argument, so a new one cannot
// forget it.
type TextArguments struct{}

var (
	_ graphql.HandlerExtension        = TextArguments{}
	_ graphql.OperationContextMutator = TextArguments{}
)

// ExtensionName implements graphql.HandlerExtension.
func (TextArguments) ExtensionName() string { return "TextArguments" }

// Validate implements graphql.HandlerExtension.
func (TextArguments) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks the variables, then the literals of the
// operation and of its fragments.
func (TextArguments) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	for name, v := range oc.Variables {
		if err := checkTextValue(v); err != nil {
			return limitError(CodeBadUserInput, "invalid value for variable $%s: %v", name, err)
		}
	}
	if oc.Operation == nil {
		return nil
	}
	if err := checkSelectionLiterals(oc.Operation.SelectionSet); err != nil {
		return err
	}
	for _, f := range oc.Doc.Fragments {
		if err := checkSelectionLiterals(f.SelectionSet); err != nil {
			return err
		}
	}
	return nil
}

// checkTextValue checks every string in a decoded JSON value.
func checkTextValue(v any) error {
	switch x := v.(type) {
	case string:
		return checkArgumentText(x)
	case []any:
		for _, e := range x {
			if err := checkTextValue(e); err != nil {
				return err
			}
		}
	case map[string]any:
		for _, e := range x {
			if err := checkTextValue(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkArgumentText(s string) error {
	if !utf8.ValidString(s) {
		return schematype.ErrInvalidUTF8
	}
	if i := schematype.ControlCharacter(s, true); i >= 0 {
		return fmt.Errorf("%w (found %U)", schematype.ErrControlCharacter, []rune(s[i:])[0])
	}
	return nil
}

// checkSelectionLiterals checks the literal arguments of the fields and
// directives in a selection set, nested selections included.
func checkSelectionLiterals(set ast.SelectionSet) *gqlerror.Error {
	for _, sel := range set {
		var args ast.ArgumentList
		var dirs ast.DirectiveList
		var children ast.SelectionSet
		where := "a directive"
		switch s := sel.(type) {
		case *ast.Field:
			args, dirs, children, where = s.Arguments, s.Directives, s.SelectionSet, "field "+s.Name
		case *ast.InlineFragment:
			dirs, children = s.Directives, s.SelectionSet
		case *ast.FragmentSpread:
			dirs = s.Directives
		}
		for _, d := range dirs {
			args = append(args, d.Arguments...)
		}
		for _, a := range args {
			if err := checkLiteral(a.Value); err != nil {
				return limitError(CodeBadUserInput, "invalid value for argument %s of %s: %v", a.Name, where, err)
			}
		}
		if err := checkSelectionLiterals(children); err != nil {
			return err
		}
	}
	return nil
}

// checkLiteral checks the strings of a literal value (variables are
// checked on their own).
func checkLiteral(v *ast.Value) error {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case ast.StringValue, ast.BlockValue:
		return checkArgumentText(v.Raw)
	case ast.ListValue, ast.ObjectValue:
		for _, c := range v.Children {
			if err := checkLiteral(c.Value); err != nil {
				return err
			}
		}
	}
	return nil
}
