package graph

import (
	"context"
	"time"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/event"
)

// DefaultUpcomingCount is upcomingEvents' first when not given.
const DefaultUpcomingCount = 10

// Shanghai is the time zone of every event: dates of all-day events and
// "the end of the start day" are days in Asia/Shanghai.
var Shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600) // China has had no daylight saving time since 1991
	}
	return loc
}()

// UpcomingEvents returns the published events (the ent interceptor hides
// drafts) that have not ended at now, soonest first, ties by ID. An event
// without an end runs to the end of its start day; an all-day event to the
// end of its last day. Cancelled events stay in the list, marked, so a
// visitor learns that the date is off.
func UpcomingEvents(ctx context.Context, client *ent.Client, now time.Time, first *int, regionCode, brandSlug *string) ([]*ent.Event, error) {
	n := DefaultUpcomingCount
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxPageSize {
		return nil, userErrorf("first must be between 0 and %d, got %d", MaxPageSize, n)
	}
	// An event that started up to a day ago (no end, or an all-day last
	// day) may still run today: ends_at >= start of today, or no end and
	// starts_at >= start of today.
	y, m, d := now.In(Shanghai).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, Shanghai)
	q := client.Event.Query().Where(event.Or(
		event.And(event.EndsAtIsNil(), event.StartsAtGTE(today)),
		event.And(event.EndsAtNotNil(), event.AllDay(false), event.EndsAtGT(now)),
		event.And(event.EndsAtNotNil(), event.AllDay(true), event.EndsAtGTE(today)),
	))
	if regionCode != nil {
		q.Where(event.HasRegionWith(regionOrBelow(*regionCode)))
	}
	if brandSlug != nil {
		q.Where(event.HasBrandsWith(brand.Slug(*brandSlug)))
	}
	q, err := q.Order(event.ByStartsAt(), event.ByID()).Limit(n).CollectFields(ctx)
	if err != nil {
		return nil, err
	}
	return q.All(ctx)
}
