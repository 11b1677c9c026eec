// Package schematype holds the small value types that the ent schema stores
// in columns (pictures as JSON, the shared publication status) together with
// their GraphQL marshalling, so that ent, gqlgen and the seed loader agree on
// one Go type each.
package schematype

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Picture is an image shown with a brand, person, venue, enterprise or
// report. Stored as JSON; width and height are zero when unknown. URL is an
// absolute https URL or the same-origin path of a picture uploaded to this
// server (/media/<sha256>.jpg, see server/media), whose size, thumbhash and
// colour the server fills in from the stored picture.
type Picture struct {
	URL           string      `json:"url"`
	Alt           string      `json:"alt"`
	AltEn         string      `json:"altEn,omitempty"`
	Width         int         `json:"width,omitempty"`
	Height        int         `json:"height,omitempty"`
	Thumbhash     string      `json:"thumbhash,omitempty"`
	DominantColor string      `json:"dominantColor,omitempty"`
	Credit        string      `json:"credit,omitempty"`
	License       License     `json:"license,omitempty"`
	Source        string      `json:"source,omitempty"`
	FocalPoint    *FocalPoint `json:"focalPoint,omitempty"`
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

// FieldChange is one changed field in the audit log. Values are rendered as
// JSON text so that any column type fits.
type FieldChange struct {
	Field string `json:"field"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// Validate checks a picture: an absolute https URL or an uploaded
// picture's path (no http:, javascript: or data: links), alternative text,
// which is plain text like every other, and its credit, licence, source and
// focal point when given.
func (p Picture) Validate() error {
	if err := checkPictureURL(p.URL); err != nil {
		return err
	}
	if err := p.checkRights(); err != nil {
		return err
	}
	if strings.TrimSpace(p.Alt) == "" {
		return errors.New("a picture needs alternative text (alt)")
	}
	if p.Width < 0 || p.Height < 0 || p.Width > 20000 || p.Height > 20000 {
		return fmt.Errorf("picture size %dx%d is out of range", p.Width, p.Height)
	}
	if len(p.Alt) > 500 || len(p.AltEn) > 1500 || len(p.URL) > 2048 {
		return errors.New("picture URL or alternative text too long")
	}
	if err := CheckLine(p.Alt); err != nil {
		return fmt.Errorf("alt: %w", err)
	}
	if err := CheckLine(p.AltEn); err != nil {
		return fmt.Errorf("altEn: %w", err)
	}
	return nil
}

// FieldError is a validation error that names the field, raised where ent's
// own validators cannot reach (JSON columns).
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error { return e.Err }

// DeliveryAttempt is one attempt to deliver a webhook event, as the
// delivery log keeps it: when, the HTTP status (0 when no answer came), how
// long it took, and what went wrong.
type DeliveryAttempt struct {
	At         time.Time `json:"at"`
	StatusCode int       `json:"statusCode"`
	DurationMS int       `json:"durationMs"`
	Error      string    `json:"error,omitempty"`
}

// LinkChange is one edge's part of a pending revision: the IDs it links
// and unlinks, and whether it first unlinks everything (Cleared).
type LinkChange struct {
	Edge    string `json:"edge"`
	Added   []int  `json:"added,omitempty"`
	Removed []int  `json:"removed,omitempty"`
	Cleared bool   `json:"cleared,omitempty"`
}
