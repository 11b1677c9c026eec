package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"

	"brandshow/ent"
	"brandshow/ent/schema"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/store"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Error codes in the "code" extension of GraphQL errors.
const (
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeNotFound     = "NOT_FOUND"
	CodeTimeout      = "TIMEOUT"
	CodeInternal     = "INTERNAL"
	CodeCancelled    = "CANCELLED"
)

// UserError is a mistake in the request that the caller can fix; its message
// is shown as written. Field, when set, names the input or argument at fault
// (extensions.field), so a form can show the message beside it.
type UserError struct {
	Msg   string
	Field string
}

func (e *UserError) Error() string { return e.Msg }

// userErrorf builds a UserError.
func userErrorf(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// fieldErrorf builds a UserError about one input or argument (extensions.field).
func fieldErrorf(field, format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), Field: field}
}

// presentError turns any error into what the public may see: mistakes in the
// request keep their message; everything else becomes "internal error" and
// the detail goes to the log only, so no SQL, path or stack trace leaks.
func presentError(logger *slog.Logger, requestID func(context.Context) string) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			return gqlErr // built by the parser, the validator or this package
		}
		out := graphql.DefaultErrorPresenter(ctx, err)
		cause := err
		if gqlErr != nil {
			cause = gqlErr.Err
		}
		var user *UserError
		var validation *ent.ValidationError
		var denied *visibility.DeniedError
		var fieldErr *schematype.FieldError
		switch {
		case errors.As(cause, &user):
			out.Message = user.Msg
			setCode(out, CodeBadUserInput)
			setField(out, user.Field)
		case errors.As(cause, &denied):
			// A write the privacy rules refused (ent/visibility/write.go).
			out.Message = denied.Reason
			setCode(out, map[bool]string{true: CodeUnauthenticated, false: CodeForbidden}[denied.Unauthenticated])
		case errors.Is(cause, schema.ErrAdminOnlyNoToken):
			out.Message = "this needs a token: only admins may read the audit log; send Authorization: Bearer <token>"
			setCode(out, CodeUnauthenticated)
		case errors.Is(cause, schema.ErrAdminOnly):
			out.Message = "forbidden: " + schema.ErrAdminOnly.Error()
			setCode(out, CodeForbidden)
		case errors.Is(cause, store.ErrReadOnly):
			// The read-only client refused: a resolver forgot its check.
			out.Message = "forbidden: anonymous requests cannot change anything"
			setCode(out, CodeForbidden)
		case errors.As(cause, &fieldErr):
			out.Message = fmt.Sprintf("invalid %s: %s", lowerCamel(fieldErr.Field), fieldErr.Err.Error())
			setCode(out, CodeBadUserInput)
			setField(out, lowerCamel(fieldErr.Field))
		case errors.As(cause, &validation):
			out.Message = validationMessage(validation)
			setCode(out, CodeBadUserInput)
			setField(out, lowerCamel(validation.Name))
		case ent.IsConstraintError(cause):
			out.Message = constraintMessage(cause)
			setCode(out, CodeBadUserInput)
		case ent.IsNotFound(cause):
			out.Message = "not found"
			setCode(out, CodeNotFound)
		case store.IsTimeout(cause) || errors.Is(ctx.Err(), context.DeadlineExceeded):
			// Out of time, or the database stayed busy (an import holds
			// SQLite's write lock): nothing was written, it may be retried.
			out.Message = "the request took too long and was cancelled"
			setCode(out, CodeTimeout)
		case errors.Is(cause, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
			// The client went away; nobody reads this answer.
			out.Message = "the request was cancelled"
			setCode(out, CodeCancelled)
		case isArgumentError(ctx):
			// The arguments of the current field failed to parse (a malformed
			// ID or cursor, say): the message is about the caller's input.
			out.Message = argumentMessage(ctx, out.Path, cause)
			setCode(out, CodeBadUserInput)
		default:
			id := requestID(ctx)
			logger.ErrorContext(ctx, "graphql: internal error", "error", err.Error(), "path", out.Path.String(), "request_id", id)
			out.Message = "internal error"
			setCode(out, CodeInternal)
			if id != "" {
				out.Extensions["requestId"] = id
			}
		}
		return out
	}
}

// validationMessage names the GraphQL field (nameZh), not the column.
func validationMessage(v *ent.ValidationError) string {
	reason := v.Error()
	if u := errors.Unwrap(v); u != nil {
		reason = u.Error()
	}
	reason = strings.TrimPrefix(reason, "ent: ")
	if i := strings.Index(reason, "\": "); i >= 0 {
		reason = reason[i+3:]
	}
	return fmt.Sprintf("invalid %s: %s", lowerCamel(v.Name), reason)
}

// constraintMessage explains a unique or foreign key violation without the
// database's own words; the kind comes from the driver's error code.
func constraintMessage(err error) string {
	switch store.ConstraintOf(err) {
	case store.UniqueConstraint:
		return "this value is already used by another item (slugs and region codes are unique)"
	case store.ForeignKeyConstraint:
		return "a linked ID does not exist (or the item is still linked from elsewhere)"
	}
	return "the change conflicts with existing content"
}

// lowerCamel turns a column name (name_zh) into its GraphQL field (nameZh).
func lowerCamel(snake string) string {
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// argumentMessage explains a value that failed to parse without Go's own
// words (strconv.Atoi: parsing ...). What it says follows the argument's
// GraphQL type (the last element of the error's path names the argument).
func argumentMessage(ctx context.Context, path ast.Path, err error) string {
	where := "an argument"
	if len(path) > 0 {
		where = "argument " + path.String()
	}
	switch argumentType(ctx, path) {
	case "Cursor":
		return fmt.Sprintf("invalid cursor for %s: use a cursor from a previous page", where)
	case "ID", "Int":
		var num *strconv.NumError
		if errors.As(err, &num) {
			return fmt.Sprintf("invalid value %q for %s: expected an ID or a whole number", num.Num, where)
		}
		return fmt.Sprintf("invalid value for %s: expected an ID or a whole number", where)
	}
	return fmt.Sprintf("invalid value for %s: %s", where, err.Error())
}

// argumentType is the named GraphQL type of the argument an argument error
// is about: the current field's argument named by the path's last element.
func argumentType(ctx context.Context, path ast.Path) string {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil || len(path) == 0 {
		return ""
	}
	name, ok := path[len(path)-1].(ast.PathName)
	if !ok {
		return ""
	}
	if arg := fc.Field.Definition.Arguments.ForName(string(name)); arg != nil {
		return arg.Type.Name()
	}
	return ""
}

// isArgumentError reports whether the error arose while gqlgen decoded the
// arguments of the current field: at that point the field context exists but
// its Args were never set.
func isArgumentError(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Args == nil && len(fc.Field.Arguments) > 0
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// setField names the input field a BAD_USER_INPUT error is about
// (extensions.field: nameZh, logo, file), for clients that show the message
// at the field; the message says the same in words.
func setField(e *gqlerror.Error, field string) {
	if field == "" {
		return
	}
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["field"] = field
}

// recoverPanic logs a panic and answers with a bare internal error.
func recoverPanic(logger *slog.Logger, requestID func(context.Context) string) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		id := requestID(ctx)
		logger.ErrorContext(ctx, "graphql: panic", "panic", fmt.Sprint(p), "request_id", id, "stack", string(debug.Stack()))
		e := gqlerror.Errorf("internal error")
		setCode(e, CodeInternal)
		if id != "" {
			e.Extensions["requestId"] = id
		}
		return e
	}
}
