// Package schedule makes scheduled publication happen on time in this
// process. What the public sees is decided at query time
// (visibility.Public: an item scheduled with publish_at or unpublish_at
// appears and leaves with no write), but two things remember answers: the
// response cache (server/respcache), which empties on writes only, and the
// changes API's log (ent/changelog), which records writes only. The Timer
// closes both gaps: it knows the next scheduled transition, wakes at that
// moment, writes the transition's change-log entry (once, whichever replica
// is first: see ent/changelog/schedule.go) and tells its subscribers (the
// response cache empties), then arms itself for the next one.
//
// Every replica runs its own Timer; none needs to hear from another to
// change its answers at the scheduled moment. A write can add, move or
// cancel a schedule, so the Timer looks the next transition up again after
// every write it is told of (store.DB.OnChange: this process's writes at
// commit, other processes' through LISTEN/NOTIFY), and at least every
// Recheck as a safety net (a lost notification, a clock step).
package schedule

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"brandshow/ent"
	"brandshow/ent/changelog"
	"brandshow/server/store"
)

// DefaultRecheck is how often the Timer looks the next transition up
// without being told of a write.
const DefaultRecheck = time.Minute

// Options configure a Timer.
type Options struct {
	// Client reads the schedules and writes the change log.
	Client *ent.Client
	// OnDue is called when a scheduled transition has come (after its
	// change-log entry is written): the response cache empties there.
	OnDue func()
	// Logger receives failures (the Timer retries at the next Recheck).
	Logger *slog.Logger
	// Recheck bounds the time between two lookups (default DefaultRecheck).
	Recheck time.Duration
}

// Timer fires at each scheduled transition. Create it with New, start it
// with Run, and connect it to the database's changes (OnChange).
type Timer struct {
	opts Options
	kick chan struct{}

	mu   sync.Mutex
	next time.Time // the armed transition; zero when none
}

// New returns a Timer; it does nothing until Run.
func New(opts Options) *Timer {
	if opts.Recheck <= 0 {
		opts.Recheck = DefaultRecheck
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.OnDue == nil {
		opts.OnDue = func() {}
	}
	return &Timer{opts: opts, kick: make(chan struct{}, 1)}
}

// OnChange follows the database's changes (store.DB.OnChange): after a
// write (or a reconnect of the listener, which may have missed some) the
// next transition is looked up again. It never blocks.
func (t *Timer) OnChange(ch store.Change) {
	if ch == store.ListenerDown || ch == store.Scheduled {
		return
	}
	select {
	case t.kick <- struct{}{}:
	default: // a lookup is pending already
	}
}

// Next returns the next scheduled transition the Timer is armed for (ok is
// false when none is known): HTTP caching keeps answers no longer than
// until then.
func (t *Timer) Next() (next time.Time, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.next, !t.next.IsZero()
}

// Run looks transitions up and fires at each until ctx ends. Its first pass
// logs every transition that came while no Timer ran (a full catch-up);
// later passes log those since the previous pass.
func (t *Timer) Run(ctx context.Context) {
	var since time.Time
	wait := time.NewTimer(0)
	defer wait.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-wait.C:
		case <-t.kick:
			if !wait.Stop() {
				select { // drain a fire that raced the kick
				case <-wait.C:
				default:
				}
			}
		}
		t.mu.Lock()
		armed := t.next
		t.mu.Unlock()
		if s, err := changelog.WriteDueTransitions(ctx, t.opts.Client, since); err != nil {
			if ctx.Err() != nil {
				return
			}
			t.opts.Logger.Warn("schedule: change log", "error", err.Error())
		} else {
			since = s
		}
		now := time.Now()
		next, ok, err := changelog.NextTransition(ctx, t.opts.Client, now.UTC())
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			t.opts.Logger.Warn("schedule: next transition", "error", err.Error())
		}
		t.mu.Lock()
		t.next = time.Time{}
		if ok {
			t.next = next
		}
		t.mu.Unlock()
		if !armed.IsZero() && !now.Before(armed) {
			// The armed transition has come: the public's answers change
			// now, here, whatever the other replicas do (after the next
			// one is armed, so HTTP caching already looks past it).
			t.opts.OnDue()
		}
		d := t.opts.Recheck
		if ok && next.Sub(now) < d {
			d = max(next.Sub(now), 0)
		}
		wait.Reset(d)
	}
}
