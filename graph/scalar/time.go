// Package scalar holds the GraphQL scalars that gqlgen maps to Go values
// (see gqlgen.yml). Time reads the same forms as `server import` does, so
// an editor types a date the same way in a mutation, a JSON file and a
// spreadsheet of brands.
package scalar

import (
	"fmt"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalTime writes an instant as RFC 3339, exactly as gqlgen's built-in
// Time scalar does (null for the zero time), so answers do not change.
func MarshalTime(t time.Time) graphql.Marshaler {
	return graphql.MarshalTime(t)
}

// UnmarshalTime reads an instant from a GraphQL input: see ParseTime. It
// keeps what gqlgen's built-in Time accepted before (an empty string is the
// zero time; "2024-03-08 09:30:00" is UTC), so no client breaks.
func UnmarshalTime(v any) (time.Time, error) {
	switch s := v.(type) {
	case nil:
		return time.Time{}, nil
	case string:
		if s == "" {
			return time.Time{}, nil
		}
		return ParseTime(s)
	}
	return time.Time{}, fmt.Errorf("a time is a string, e.g. \"2024-03-08\" or \"2024-03-08T09:30:00+08:00\", not %T", v)
}

// ParseTime reads an instant the way every input of the showcase does
// (GraphQL's Time and `server import`'s JSON format):
//
//   - a date alone, 2024-03-08, is midnight UTC of that day;
//   - an RFC 3339 time, 2024-03-08T09:30:00+08:00, is that instant;
//   - 2024-03-08 09:30:00 (no offset) is UTC, as gqlgen's Time read it.
//
// The result is always in UTC, so both databases store the same value
// whatever offset the input was written with. (Spreadsheets of events are
// the exception: they are typed in Asia/Shanghai time, see dataio.)
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano, time.DateTime} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (2024-03-08) or an RFC 3339 time (2024-03-08T09:30:00+08:00)", s)
}
