package httpapp

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/event"
	"brandshow/ent/schematype"
	"brandshow/graph"
)

// CalendarEvents is how many events an iCalendar feed lists at most: those
// that started at most CalendarPast ago or start later, soonest first.
const (
	CalendarEvents = 500
	CalendarPast   = 365 * 24 * time.Hour
)

// calendarTZ is the time zone of every event's times in the feeds.
const calendarTZ = "Asia/Shanghai"

// eventUID is an event's iCalendar UID: stable for as long as its slug,
// the key an event keeps across exports and imports (a renamed slug is a
// new event to calendars).
func eventUID(slug string) string { return "event-" + slug + "@brandshow" }

// serveEventsCalendar answers /feeds/events.ics and
// /feeds/brands/{slug}/events.ics: the published events (drafts are
// hidden by the ent interceptor on this anonymous context) as an RFC 5545
// calendar that calendar apps subscribe to. Changed events carry a higher
// SEQUENCE; cancelled ones stay, with STATUS:CANCELLED, so subscribers see
// the cancellation instead of an event that silently vanished. ?lang=en
// gives English texts (falling back to Chinese).
func serveEventsCalendar(w http.ResponseWriter, r *http.Request, cfg Config, versions *feedVersions, q *ent.EventQuery, id, nameZh, nameEn string) {
	items, err := q.Where(event.StartsAtGTE(time.Now().Add(-CalendarPast))).
		WithVenue().
		Order(event.ByStartsAt(), event.ByID()).Limit(CalendarEvents).All(r.Context())
	if err != nil {
		cfg.Logger.ErrorContext(r.Context(), "calendar", "error", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	english := r.URL.Query().Get("lang") == "en"
	text := func(zh, en string) string {
		if english {
			return orZh(en, zh)
		}
		return zh
	}
	cal := ics.NewCalendarFor("brandshow")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(text(nameZh, nameEn))
	cal.SetXWRTimezone(calendarTZ)
	cal.SetRefreshInterval("PT1H")
	if cfg.SampleContent {
		cal.SetXWRCalDesc(text("示例内容，非官方数据", "Sample content, not official data"))
	}
	// China has had one offset, without daylight saving time, since 1991.
	tz := cal.AddTimezone(calendarTZ)
	std := tz.AddStandard()
	std.AddProperty(ics.ComponentProperty(ics.PropertyDtstart), "19700101T000000")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0800")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0800")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "CST")
	for _, e := range items {
		addCalendarEvent(cal, e, text)
	}
	body := cal.Serialize()
	digest := sha256.Sum256([]byte(body))
	updated := versions.lastModified(id+r.URL.RawQuery, digest)
	etag := `W/"` + hex.EncodeToString(digest[:12]) + `"`
	h := w.Header()
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", cfg.maxAge(feedMaxAge)))
	h.Set("Last-Modified", updated.Format(http.TimeFormat))
	h.Set("ETag", etag)
	if notModified(r, etag, updated) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	_, _ = w.Write([]byte(body))
}

// addCalendarEvent writes one event: times in Asia/Shanghai (all-day
// events as DATE values, DTEND the day after the last day, as RFC 5545
// wants), the revision, the status, the place and the links.
func addCalendarEvent(cal *ics.Calendar, e *ent.Event, text func(zh, en string) string) {
	v := cal.AddEvent(eventUID(e.Slug))
	v.SetDtStampTime(e.UpdatedAt)
	v.SetCreatedTime(e.CreatedAt)
	v.SetModifiedAt(e.UpdatedAt)
	v.SetSequence(e.Sequence)
	shanghai := graph.Shanghai
	if e.AllDay {
		first := e.StartsAt.In(shanghai)
		last := first
		if e.EndsAt != nil && e.EndsAt.After(e.StartsAt) {
			last = e.EndsAt.In(shanghai)
		}
		v.SetAllDayStartAt(first)
		v.SetAllDayEndAt(time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, shanghai))
	} else {
		const local = "20060102T150405"
		v.SetProperty(ics.ComponentPropertyDtStart, e.StartsAt.In(shanghai).Format(local), ics.WithTZID(calendarTZ))
		if e.EndsAt != nil {
			v.SetProperty(ics.ComponentPropertyDtEnd, e.EndsAt.In(shanghai).Format(local), ics.WithTZID(calendarTZ))
		}
	}
	if e.Cancelled {
		v.SetStatus(ics.ObjectStatusCancelled)
	} else {
		v.SetStatus(ics.ObjectStatusConfirmed)
	}
	v.SetSummary(text(e.TitleZh, e.TitleEn))
	var desc []string
	if s := text(e.SummaryZh, e.SummaryEn); s != "" {
		desc = append(desc, s)
	}
	if o := text(e.OrganiserZh, e.OrganiserEn); o != "" {
		desc = append(desc, text("主办：", "Organiser: ")+o)
	}
	if e.RegistrationURL != "" {
		desc = append(desc, text("报名：", "Registration: ")+e.RegistrationURL)
		v.SetURL(e.RegistrationURL)
	}
	if len(desc) > 0 {
		v.SetDescription(strings.Join(desc, "\n"))
	}
	var place []string
	lat, lng := e.Latitude, e.Longitude
	if venue := e.Edges.Venue; venue != nil {
		place = append(place, text(venue.NameZh, venue.NameEn))
		if a := text(venue.AddressZh, venue.AddressEn); a != "" && e.AddressZh == "" {
			place = append(place, a)
		}
		if lat == nil {
			lat, lng = &venue.Latitude, &venue.Longitude
		}
	}
	if a := text(e.AddressZh, e.AddressEn); a != "" {
		place = append(place, a)
	}
	if len(place) > 0 {
		v.SetLocation(strings.Join(place, ", "))
	}
	if lat != nil && lng != nil {
		v.SetGeo(*lat, *lng)
	}
	v.AddCategory(string(e.Kind))
}

// brandEventsCalendar answers /feeds/brands/{slug}/events.ics; an unknown
// or unpublished brand is 404, the same answer for both.
func brandEventsCalendar(cfg Config, versions *feedVersions) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		slug := r.PathValue("slug")
		if schematype.CheckLine(slug) != nil { // a NUL (%00) would be a database error
			http.NotFound(w, r)
			return
		}
		b, err := cfg.DB.Client.Brand.Query().Where(brand.Slug(slug)).Only(r.Context())
		if err != nil {
			if !ent.IsNotFound(err) {
				cfg.Logger.ErrorContext(r.Context(), "calendar: brand", "error", err.Error())
				http.Error(w, "internal error", http.StatusInternalServerError)
				return
			}
			http.NotFound(w, r)
			return
		}
		q := cfg.DB.Client.Event.Query().Where(event.HasBrandsWith(brand.ID(b.ID)))
		serveEventsCalendar(w, r, cfg, versions, q, "urn:brandshow:calendar:brand:"+b.Slug,
			b.NameZh+" 活动", orZh(b.NameEn, b.NameZh)+" events")
	}
}
