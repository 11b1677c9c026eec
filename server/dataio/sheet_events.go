package dataio

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// EventColumn is one column of an event spreadsheet.
type EventColumn struct {
	Name        string // header text, matched case-insensitively
	Description string
	cellRule[Event]
}

// EventColumns are the columns an event spreadsheet may have (a sheet is an
// event sheet when its header has starts_at), in the order docs/editors.md
// documents them. As with brands: only slug is mandatory in the header; a
// new event also needs title_zh, kind, starts_at and region_code; a column
// that is absent leaves an existing event's field as it is.
var EventColumns = []EventColumn{
	{"slug", "Stable identifier (2027-04-pinpai-luntan); also the calendar UID. The row updates the event with this slug, or creates it.", eventText(func(e *Event) *string { return &e.Slug })},
	{"title_zh", "Chinese title (required).", eventText(func(e *Event) *string { return &e.TitleZh })},
	{"title_en", "English title.", eventText(func(e *Event) *string { return &e.TitleEn })},
	{"kind", "EXHIBITION, FORUM, COMPETITION, SELECTION, JOB_FAIR, CULTURE_EXPERIENCE, INTERNATIONAL_EXCHANGE or TRAINING (required; any case).", enumCell(func(e *Event) *string { return &e.Kind })},
	{"starts_at", "Start, Asia/Shanghai time: 2027-04-22 09:00, or a date alone (2027-04-22) for an all-day event, or an Excel date cell (required).", cellRule[Event]{
		set: func(e *Event, v string) error {
			t, err := parseEventTime(v)
			if err != nil {
				return err
			}
			e.StartsAt = Time{}
			if t != nil {
				e.StartsAt = Time{*t}
			}
			return nil // an empty start is reported as required
		},
		get: func(e *Event) string { return formatEventTime(e.StartsAt.Time, e.AllDay) },
	}},
	{"ends_at", "End, same forms; for an all-day event the last day (inclusive); empty when it ends the day it starts.", cellRule[Event]{
		set: func(e *Event, v string) error {
			t, err := parseEventTime(v)
			if err != nil {
				return err
			}
			e.EndsAt = nil
			if t != nil {
				e.EndsAt = &Time{*t}
			}
			return nil
		},
		get: func(e *Event) string {
			if e.EndsAt == nil {
				return ""
			}
			return formatEventTime(e.EndsAt.Time, e.AllDay)
		},
	}},
	{"all_day", "Whole days, no times: true/false, yes/no, 1/0, 是/否 (empty = false).", flagCell(func(e *Event) *bool { return &e.AllDay })},
	{"cancelled", "Called off: true/false (empty = false). The event stays listed and calendars show it as cancelled.", flagCell(func(e *Event) *bool { return &e.Cancelled })},
	{"region_code", "Six-digit GB/T 2260 code of where it takes place (required), e.g. 420106.", eventText(func(e *Event) *string { return &e.RegionCode })},
	{"venue", "Slug of the venue, when it is held at one.", eventText(func(e *Event) *string { return &e.Venue })},
	{"address_zh", "Address in Chinese, when there is no venue.", eventText(func(e *Event) *string { return &e.AddressZh })},
	{"address_en", "Address in English.", eventText(func(e *Event) *string { return &e.AddressEn })},
	{"latitude", "Latitude (WGS 84) of the address; with longitude.", eventCoordinate(func(e *Event) **float64 { return &e.Latitude })},
	{"longitude", "Longitude (WGS 84) of the address; with latitude.", eventCoordinate(func(e *Event) **float64 { return &e.Longitude })},
	{"organiser_zh", "Organiser, in Chinese.", eventText(func(e *Event) *string { return &e.OrganiserZh })},
	{"organiser_en", "Organiser, in English.", eventText(func(e *Event) *string { return &e.OrganiserEn })},
	{"registration_url", "Where to register: an https link.", eventText(func(e *Event) *string { return &e.RegistrationURL })},
	{"summary_zh", "One-paragraph summary, in Chinese.", eventText(func(e *Event) *string { return &e.SummaryZh })},
	{"summary_en", "One-paragraph summary, in English.", eventText(func(e *Event) *string { return &e.SummaryEn })},
	{"description_zh", "Full description, in Chinese (plain text).", eventText(func(e *Event) *string { return &e.DescriptionZh })},
	{"description_en", "Full description, in English (plain text).", eventText(func(e *Event) *string { return &e.DescriptionEn })},
	{"brands", "Slugs of the brands taking part, separated by commas or spaces; replaces the event's brands.", cellRule[Event]{
		set: func(e *Event, v string) error { e.Brands = splitSlugs(v); return nil },
		get: func(e *Event) string { return strings.Join(e.Brands, ", ") },
	}},
	{"status", "DRAFT or PUBLISHED; empty keeps an existing event's status and makes a new one a DRAFT.", statusRule(func(e *Event) *Publication { return &e.Publication })},
}

func eventText(field func(*Event) *string) cellRule[Event] { return cell(field) }

// eventCoordinate is a latitude or longitude, empty when there is none;
// written with as many digits as it takes to read back the same number.
func eventCoordinate(field func(*Event) **float64) cellRule[Event] {
	return cellRule[Event]{
		set: func(e *Event, v string) error {
			if strings.TrimSpace(v) == "" {
				*field(e) = nil
				return nil
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return fmt.Errorf("%q is not a number", v)
			}
			*field(e) = &f
			return nil
		},
		get: func(e *Event) string {
			if f := *field(e); f != nil {
				return strconv.FormatFloat(*f, 'f', -1, 64)
			}
			return ""
		},
	}
}

// formatEventTime writes a time as parseEventTime reads it back: in
// Asia/Shanghai, a date alone for the midnight of an all-day event,
// otherwise the date and the minute (and the second when there is one);
// a time finer than a second is written in RFC 3339.
func formatEventTime(t time.Time, allDay bool) string {
	t = t.In(shanghai)
	switch {
	case t.Nanosecond() != 0:
		return t.Format(time.RFC3339Nano)
	case allDay && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format(time.DateOnly)
	case t.Second() != 0:
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}

func splitSlugs(v string) []string {
	out := []string{}
	for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' || r == '\n' }) {
		out = append(out, s)
	}
	return out
}

// shanghai is the time zone of times typed into an event sheet.
var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// parseEventTime reads a time as people type it in a sheet, in
// Asia/Shanghai: "2027-04-22 09:00", "2027-04-22" (midnight), RFC 3339
// (its own offset), or an Excel date serial (days since 1899-12-30, the
// raw value of a date cell). Empty is nil.
func parseEventTime(v string) (*time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", time.DateOnly, "2006/1/2 15:04", "2006/1/2"} {
		if t, err := time.ParseInLocation(layout, v, shanghai); err == nil {
			return &t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return &t, nil
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 1 && f < 2958466 {
		days := int(f)
		secs := int((f-float64(days))*86400 + 0.5)
		t := time.Date(1899, 12, 30, 0, 0, secs, 0, shanghai).AddDate(0, 0, days)
		return &t, nil
	}
	return nil, fmt.Errorf("%q is not a time (2027-04-22 09:00 or 2027-04-22, Asia/Shanghai)", v)
}

func eventColumnNames() string {
	names := make([]string, len(EventColumns))
	for i, c := range EventColumns {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// eventsFromSheet turns rows into event records: a row whose slug exists
// starts from the event as it is, so only the sheet's columns change.
func (im *importer) eventsFromSheet(sh *sheet) []Event {
	slugCol := slices.IndexFunc(sh.eventColumns, func(c *EventColumn) bool { return c != nil && c.Name == "slug" })
	events := make([]Event, len(sh.rows))
	for i, row := range sh.rows {
		slug := ""
		if slugCol < len(row) {
			slug = strings.TrimSpace(row[slugCol])
		}
		e := Event{Publication: Publication{Slug: slug}}
		if old, ok := im.old.events[slug]; ok {
			e = old
			e.Pictures = slices.Clone(old.Pictures)
			e.Brands = slices.Clone(old.Brands)
			e.RoleModels = slices.Clone(old.RoleModels)
			e.MediaCoverage = slices.Clone(old.MediaCoverage)
		}
		for j, col := range sh.eventColumns {
			if col == nil || col.Name == "slug" {
				continue
			}
			cell := ""
			if j < len(row) {
				cell = strings.TrimSpace(row[j])
			}
			if err := col.set(&e, cell); err != nil {
				im.problem("events", i, slug, camel(col.Name), "%v", err)
			}
		}
		events[i] = e
	}
	return events
}
