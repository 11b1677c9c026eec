// Package schematype holds the small value types that the ent schema stores
// in columns (pictures as JSON, the shared publication status) together with
// their GraphQL marshalling, so that ent, gqlgen and the seed loader agree on
// one Go type each.
package schematype

import (
	"fmt"
	"io"
	"strconv"
)

// Picture is an image shown with a brand, person, venue or enterprise.
// Stored as JSON; width and height are zero when unknown.
type Picture struct {
	URL    string `json:"url"`
	Alt    string `json:"alt"`
	AltEn  string `json:"altEn,omitempty"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// Status is the publication status shared by every content type. The public
// API only ever sees PUBLISHED rows (see package visibility).
type Status string

const (
	// StatusDraft is work in progress, visible to editors only.
	StatusDraft Status = "DRAFT"
	// StatusPublished is visible to everyone.
	StatusPublished Status = "PUBLISHED"
)

// Values lists the statuses for ent's enum column.
func (Status) Values() []string { return []string{string(StatusDraft), string(StatusPublished)} }

// String implements fmt.Stringer.
func (s Status) String() string { return string(s) }

// MarshalGQL writes the status as a GraphQL enum value.
func (s Status) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// UnmarshalGQL reads a GraphQL enum value.
func (s *Status) UnmarshalGQL(v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("publication status must be a string, got %T", v)
	}
	switch Status(str) {
	case StatusDraft, StatusPublished:
		*s = Status(str)
		return nil
	}
	return fmt.Errorf("%q is not a valid PublicationStatus", str)
}
