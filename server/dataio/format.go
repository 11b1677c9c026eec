// Package dataio moves the showcase's content in and out of the database in
// bulk: `server export` writes every item (drafts included) as one JSON
// document, or the items of one kind as a spreadsheet (CSV or XLSX, the
// columns the import reads: sheet_export.go), and `server import` reads
// either back: a spreadsheet of brands, events, recognitions or figures
// kept by a human-resources department.
//
// Items are identified by their slug (regions by their GB/T 2260 code),
// never by database ID, so a document moves between databases. An export is
// deterministic — collections and reference lists sorted by slug or code —
// so two exports of the same content are byte for byte equal, and diffs
// between exports show what changed.
//
// An import upserts by slug in one transaction: every record is validated
// first (required fields, enum values, references that must exist in the
// database or in the same file), then written, where ent's own validators
// run as well; every problem is collected with its place in the file
// (brands[3] in JSON, line 5 and a column in a spreadsheet), and if there is
// any, nothing is written. A dry run does all of that and rolls back.
package dataio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"brandshow/ent/schematype"
	"brandshow/graph/scalar"
)

// FormatVersion names the JSON format in the document's "format" key.
const FormatVersion = "brandshow-export/1"

// Document is the JSON format: every collection of the showcase. References
// between items are slugs (regions: codes). A list of references replaces
// the item's links when present — even when empty — and leaves them as
// they are when the key is absent (null).
type Document struct {
	Format        string          `json:"format"`
	Regions       []Region        `json:"regions"`
	Brands        []Brand         `json:"brands"`
	RoleModels    []RoleModel     `json:"roleModels"`
	Enterprises   []Enterprise    `json:"enterprises"`
	Alliances     []Alliance      `json:"alliances"`
	Venues        []Venue         `json:"venues"`
	MediaCoverage []MediaCoverage `json:"mediaCoverage"`
	Events        []Event         `json:"events"`
	Recognitions  []Recognition   `json:"recognitions"`
	Figures       []Figure        `json:"figures"`
}

// Publication holds the columns every content type shares. CreatedAt is
// kept on import only when the item is created (it is immutable); the last
// change time (updatedAt) is not part of the format: an import is a change.
type Publication struct {
	Slug        string            `json:"slug"`
	Status      schematype.Status `json:"status"` // DRAFT (default) or PUBLISHED
	PublishedAt *Time             `json:"publishedAt"`
	// PublishAt and UnpublishAt are the publication window (the schedule
	// mutation): a PUBLISHED item is public only within it. Like every
	// field, absent means none (a spreadsheet row starts from the item's
	// current record, window included).
	PublishAt   *Time `json:"publishAt,omitempty"`
	UnpublishAt *Time `json:"unpublishAt,omitempty"`
	CreatedAt   *Time `json:"createdAt"`
}

// Region is an administrative division, keyed by its code.
type Region struct {
	Code       string   `json:"code"`
	ParentCode string   `json:"parentCode"` // "" for the province
	Level      string   `json:"level"`      // PROVINCE, PREFECTURE or COUNTY
	NameZh     string   `json:"nameZh"`
	NameEn     string   `json:"nameEn"`
	Latitude   *float64 `json:"latitude"`
	Longitude  *float64 `json:"longitude"`
}

// Brand is a labor brand. RoleModels are the slugs of its people.
type Brand struct {
	Publication
	NameZh              string               `json:"nameZh"`
	NameEn              string               `json:"nameEn"`
	SummaryZh           string               `json:"summaryZh"`
	SummaryEn           string               `json:"summaryEn"`
	StoryZh             string               `json:"storyZh"`
	StoryEn             string               `json:"storyEn"`
	IndustryZh          string               `json:"industryZh"`
	IndustryEn          string               `json:"industryEn"`
	RegionCode          string               `json:"regionCode"`
	Category            string               `json:"category"`
	Level               string               `json:"level"`
	InResourceLibrary   bool                 `json:"inResourceLibrary"`
	InGuidanceCatalogue bool                 `json:"inGuidanceCatalogue"`
	WorkersEmployed     int                  `json:"workersEmployed"`
	WorkersExported     int                  `json:"workersExported"`
	FoundedYear         *int                 `json:"foundedYear"`
	TrademarkCount      int                  `json:"trademarkCount"`
	PatentCount         int                  `json:"patentCount"`
	CreditRating        string               `json:"creditRating"` // "" when not rated
	Logo                *schematype.Picture  `json:"logo"`
	Pictures            []schematype.Picture `json:"pictures"`
	Featured            bool                 `json:"featured"`
	FeaturedRank        int                  `json:"featuredRank"`
	FeaturedFrom        *Time                `json:"featuredFrom"`
	FeaturedUntil       *Time                `json:"featuredUntil"`
	RoleModels          []string             `json:"roleModels"`
}

// RoleModel is a brand's typical person. Brands link to people (see
// Brand.RoleModels), not the other way round.
type RoleModel struct {
	Publication
	NameZh     string              `json:"nameZh"`
	NameEn     string              `json:"nameEn"`
	TitleZh    string              `json:"titleZh"`
	TitleEn    string              `json:"titleEn"`
	BioZh      string              `json:"bioZh"`
	BioEn      string              `json:"bioEn"`
	Kind       string              `json:"kind"`
	HonoursZh  []string            `json:"honoursZh"`
	HonoursEn  []string            `json:"honoursEn"`
	StudioZh   string              `json:"studioZh"`
	StudioEn   string              `json:"studioEn"`
	Portrait   *schematype.Picture `json:"portrait"`
	RegionCode string              `json:"regionCode"` // "" when unknown
}

// Enterprise is a company behind brands; Brands are the slugs it leads or employs.
type Enterprise struct {
	Publication
	NameZh            string              `json:"nameZh"`
	NameEn            string              `json:"nameEn"`
	SummaryZh         string              `json:"summaryZh"`
	SummaryEn         string              `json:"summaryEn"`
	ProvincialLeading bool                `json:"provincialLeading"`
	RecognizedYear    *int                `json:"recognizedYear"`
	Website           string              `json:"website"`
	Logo              *schematype.Picture `json:"logo"`
	RegionCode        string              `json:"regionCode"` // "" when unknown
	Brands            []string            `json:"brands"`
}

// Alliance is a labor brand alliance; Brands are its members.
type Alliance struct {
	Publication
	NameZh         string   `json:"nameZh"`
	NameEn         string   `json:"nameEn"`
	SummaryZh      string   `json:"summaryZh"`
	SummaryEn      string   `json:"summaryEn"`
	PurposeZh      string   `json:"purposeZh"`
	PurposeEn      string   `json:"purposeEn"`
	Scope          string   `json:"scope"`
	FoundedOn      *Time    `json:"foundedOn"`
	LeadEnterprise string   `json:"leadEnterprise"` // enterprise slug, "" for none
	Brands         []string `json:"brands"`
}

// Venue is a place to experience brands.
type Venue struct {
	Publication
	NameZh         string               `json:"nameZh"`
	NameEn         string               `json:"nameEn"`
	SummaryZh      string               `json:"summaryZh"`
	SummaryEn      string               `json:"summaryEn"`
	AddressZh      string               `json:"addressZh"`
	AddressEn      string               `json:"addressEn"`
	OpeningHoursZh string               `json:"openingHoursZh"`
	OpeningHoursEn string               `json:"openingHoursEn"`
	Kind           string               `json:"kind"`
	Latitude       float64              `json:"latitude"`
	Longitude      float64              `json:"longitude"`
	Phone          string               `json:"phone"`
	Website        string               `json:"website"`
	Pictures       []schematype.Picture `json:"pictures"`
	RegionCode     string               `json:"regionCode"`
	Brands         []string             `json:"brands"`
}

// MediaCoverage is a report about brands and people.
type MediaCoverage struct {
	Publication
	TitleZh     string   `json:"titleZh"`
	TitleEn     string   `json:"titleEn"`
	SummaryZh   string   `json:"summaryZh"`
	SummaryEn   string   `json:"summaryEn"`
	BodyZh      string   `json:"bodyZh"`
	BodyEn      string   `json:"bodyEn"`
	Outlet      string   `json:"outlet"`
	Medium      string   `json:"medium"`
	PublishedOn Time     `json:"publishedOn"`
	Author      string   `json:"author"`
	URL         string   `json:"url"`
	Brands      []string `json:"brands"`
	RoleModels  []string `json:"roleModels"`
	// Image, VideoURL and Poster are left out when empty (files written
	// before they existed read the same).
	Image    *schematype.Picture `json:"image,omitempty"`
	VideoURL string              `json:"videoURL,omitempty"`
	Poster   *schematype.Picture `json:"poster,omitempty"`
}

// Event is a dated event. Times are instants (RFC 3339); an all-day event
// starts at midnight of its first day and ends at midnight of its last day,
// both in Asia/Shanghai (e.g. "2027-03-05T00:00:00+08:00", written back in
// UTC). Venue is a venue slug ("" for none); Brands, RoleModels and
// MediaCoverage are slugs; Sequence is the calendar revision, kept by the
// database and ignored on import.
type Event struct {
	Publication
	Kind            string               `json:"kind"`
	TitleZh         string               `json:"titleZh"`
	TitleEn         string               `json:"titleEn"`
	SummaryZh       string               `json:"summaryZh"`
	SummaryEn       string               `json:"summaryEn"`
	DescriptionZh   string               `json:"descriptionZh"`
	DescriptionEn   string               `json:"descriptionEn"`
	StartsAt        Time                 `json:"startsAt"`
	EndsAt          *Time                `json:"endsAt"`
	AllDay          bool                 `json:"allDay"`
	Cancelled       bool                 `json:"cancelled"`
	AddressZh       string               `json:"addressZh"`
	AddressEn       string               `json:"addressEn"`
	OrganiserZh     string               `json:"organiserZh"`
	OrganiserEn     string               `json:"organiserEn"`
	Latitude        *float64             `json:"latitude"`
	Longitude       *float64             `json:"longitude"`
	RegistrationURL string               `json:"registrationUrl"`
	Pictures        []schematype.Picture `json:"pictures"`
	RegionCode      string               `json:"regionCode"`
	Venue           string               `json:"venue"`
	Brands          []string             `json:"brands"`
	RoleModels      []string             `json:"roleModels"`
	MediaCoverage   []string             `json:"mediaCoverage"`
}

// Time is a moment in the JSON format: written as RFC 3339 in UTC; read
// from RFC 3339 or from a date alone (2023-05-04, midnight UTC), by the
// same rule as GraphQL's Time (scalar.ParseTime).
type Time struct{ time.Time }

// NewTime converts a database time.
func NewTime(t time.Time) Time { return Time{t.UTC()} }

func timePtr(t *time.Time) *Time {
	if t == nil {
		return nil
	}
	v := NewTime(*t)
	return &v
}

func (t *Time) std() *time.Time {
	if t == nil {
		return nil
	}
	return &t.Time
}

// MarshalJSON writes RFC 3339 in UTC.
func (t Time) MarshalJSON() ([]byte, error) {
	return json.Marshal(t.UTC().Format(time.RFC3339Nano))
}

// UnmarshalJSON reads RFC 3339 or a date.
func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a time is a string, e.g. \"2023-05-04\" or \"2023-05-04T08:00:00Z\"")
	}
	v, err := scalar.ParseTime(s) // one rule for JSON files and GraphQL
	if err != nil {
		return err
	}
	t.Time = v
	return nil
}

// WriteJSON writes the document as indented JSON, the same bytes for the
// same content.
func WriteJSON(w io.Writer, doc *Document) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // URLs with & stay readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
