// Package respcache is the server's in-process cache of anonymous GraphQL
// answers. Anonymous traffic (promotion sites, kiosks) asks the same few
// queries over and over, and the content changes only when an editor
// publishes, so a complete answer can be replayed from memory until the next
// write.
//
// Correctness rests on three rules:
//   - any committed write empties the whole cache (writes are rare; working
//     out which entries a write can affect is not worth its bugs). Writes of
//     this process are seen at commit (store.LocalWrite), other processes'
//     through PostgreSQL LISTEN/NOTIFY (store.RemoteWrite);
//   - an answer is stored only if no invalidation happened since its request
//     began: the request takes the cache's generation before it executes and
//     the store is refused when the generation has moved on, so a read that
//     raced a write cannot put its (possibly old) answer back after the
//     invalidation;
//   - while the PostgreSQL listener is down, other processes' writes would go
//     unnoticed, so the cache neither serves nor stores until it is back (and
//     then starts empty).
//
// Memory is bounded in bytes (LRU eviction), and every entry also expires
// after a TTL, which bounds answers that depend on the clock (featuredBrands'
// windows) rather than on writes. Scheduled publication depends on the clock
// too, but exactly: server/schedule's timer empties the cache at each
// scheduled transition (store.Scheduled).
package respcache

import (
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"brandshow/server/store"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// Options configure a Cache.
type Options struct {
	// MaxBytes bounds the memory held by answers (bodies, keys, headers).
	MaxBytes int64
	// TTL is how long an answer may be served at most (default 60s).
	TTL time.Duration
	// ReplicaLag, when positive, repeats every write's invalidation that long
	// after it: with a read replica, NOTIFY comes from the primary and may
	// arrive before the replica has replayed the write, so an answer read
	// from the replica in between would be old.
	ReplicaLag time.Duration
	// Now is the clock (tests); default time.Now.
	Now func() time.Time
}

// entry is one stored answer.
type entry struct {
	status  int
	header  http.Header
	body    []byte
	size    int64
	expires time.Time
}

// Cache holds anonymous answers. It is safe for concurrent use.
type Cache struct {
	opts Options

	mu         sync.Mutex
	lru        *simplelru.LRU[string, *entry]
	bytes      int64
	generation uint64
	suspended  bool
	lagTimer   *time.Timer
	lagUntil   time.Time
	flights    map[flightKey]*flight

	hits, misses, stores, evictions, rejectedStale, coalesced atomic.Int64
	invalidations                                             [6]atomic.Int64 // by store.Change, then replicaLag
}

// New returns an empty cache. MaxBytes must be positive.
func New(opts Options) *Cache {
	if opts.TTL <= 0 {
		opts.TTL = 60 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &Cache{opts: opts, flights: map[flightKey]*flight{}}
	c.lru = c.newLRU()
	return c
}

func (c *Cache) newLRU() *simplelru.LRU[string, *entry] {
	// The count limit is never the one that bites: bytes are.
	l, err := simplelru.NewLRU[string, *entry](1<<30, func(_ string, e *entry) {
		c.bytes -= e.size
		c.evictions.Add(1)
	})
	if err != nil {
		panic(err) // only for a non-positive size
	}
	return l
}

// Ticket is taken before a request executes and presented when its answer
// is stored.
type Ticket struct{ generation uint64 }

// Begin returns the ticket of a request that is about to execute.
func (c *Cache) Begin() Ticket {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Ticket{c.generation}
}

// flightKey names one execution of a key in one generation.
type flightKey struct {
	key        string
	generation uint64
}

// flight is an execution that later requests for the same key, arriving in
// the same generation, wait for instead of executing the same query again.
type flight struct {
	done chan struct{}
	e    *entry // set before done is closed when the answer was stored
}

// join returns the flight of key in t's generation: leader is true when the
// caller must execute (and then call land), false when it may wait.
func (c *Cache) join(t Ticket, key string) (f *flight, leader bool) {
	fk := flightKey{key, t.generation}
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.flights[fk]; ok {
		return f, false
	}
	f = &flight{done: make(chan struct{})}
	c.flights[fk] = f
	return f, true
}

// land ends the leader's flight; e is the answer it stored, or nil.
func (c *Cache) land(t Ticket, key string, f *flight, e *entry) {
	c.mu.Lock()
	delete(c.flights, flightKey{key, t.generation})
	c.mu.Unlock()
	f.e = e
	close(f.done)
}

// get returns a fresh answer for key.
func (c *Cache) get(key string) (*entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.suspended {
		return nil, false
	}
	e, ok := c.lru.Get(key)
	if ok && !c.opts.Now().Before(e.expires) {
		c.lru.Remove(key) // counted as an eviction: it left because of age
		ok = false
	}
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return e, ok
}

// put stores an answer unless an invalidation happened since t was taken,
// the cache is suspended, or the answer is too large (over an eighth of
// the cache, so that one huge answer cannot flush everything else).
func (c *Cache) put(t Ticket, key string, e *entry) bool {
	e.size = int64(len(key)+len(e.body)) + headerSize(e.header) + 128 // + map and list overhead
	if e.size > c.opts.MaxBytes/8 {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.suspended || t.generation != c.generation {
		c.rejectedStale.Add(1)
		return false
	}
	e.expires = c.opts.Now().Add(c.opts.TTL)
	if c.lru.Remove(key) { // the callback subtracted its bytes
		c.evictions.Add(-1) // a replacement is not an eviction
	}
	c.lru.Add(key, e)
	c.bytes += e.size
	for c.bytes > c.opts.MaxBytes {
		c.lru.RemoveOldest()
	}
	c.stores.Add(1)
	return true
}

func headerSize(h http.Header) int64 {
	var n int
	for k, vs := range h {
		n += len(k)
		for _, v := range vs {
			n += len(v)
		}
	}
	return int64(n)
}

// invalidate empties the cache and moves to a new generation, so answers
// of requests that began before are not stored either.
func (c *Cache) invalidate(why store.Change) {
	c.mu.Lock()
	c.generation++
	c.lru = c.newLRU()
	c.bytes = 0
	c.mu.Unlock()
	c.invalidations[why].Add(1)
}

// OnChange follows the database's changes (store.DB.OnChange).
func (c *Cache) OnChange(ch store.Change) {
	switch ch {
	case store.LocalWrite, store.RemoteWrite:
		c.invalidate(ch)
		c.afterReplicaLag()
	case store.Scheduled:
		// No write: the clock passed a scheduled publication or
		// withdrawal, which every replica's database answers alike.
		c.invalidate(ch)
	case store.ListenerDown:
		c.mu.Lock()
		c.suspended = true
		c.mu.Unlock()
		c.invalidate(ch)
	case store.ListenerUp:
		// Writes may have happened while nobody listened: start empty.
		c.invalidate(ch)
		c.mu.Lock()
		c.suspended = false
		c.mu.Unlock()
		c.afterReplicaLag()
	}
}

// Suspend stops serving and storing until the listener is up (store.DB's
// ListenerUp): main calls it on PostgreSQL before the first LISTEN.
func (c *Cache) Suspend() {
	c.mu.Lock()
	c.suspended = true
	c.mu.Unlock()
}

// afterReplicaLag invalidates once more ReplicaLag after now (one timer
// serves a burst of writes: it fires at the last write's time + lag).
func (c *Cache) afterReplicaLag() {
	lag := c.opts.ReplicaLag
	if lag <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lagUntil = c.opts.Now().Add(lag)
	if c.lagTimer == nil {
		c.lagTimer = time.AfterFunc(lag, c.lagFired)
	}
}

func (c *Cache) lagFired() {
	c.mu.Lock()
	if rest := c.lagUntil.Sub(c.opts.Now()); rest > 0 {
		c.lagTimer = time.AfterFunc(rest, c.lagFired)
		c.mu.Unlock()
		return
	}
	c.lagTimer = nil
	c.mu.Unlock()
	c.invalidate(replicaLag)
}

// replicaLag counts the delayed repeats, after store.Change's values.
const replicaLag = store.Scheduled + 1

// Stats is a snapshot of the cache's counters.
type Stats struct {
	Hits, Misses, Stores, Evictions, RejectedStale int64
	// Coalesced counts misses answered by another request's execution of
	// the same query (also counted in Hits).
	Coalesced     int64
	Entries       int
	Bytes         int64
	Invalidations map[string]int64
}

// Stats returns the counters.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	entries, bytes := c.lru.Len(), c.bytes
	c.mu.Unlock()
	s := Stats{
		Hits: c.hits.Load(), Misses: c.misses.Load(), Stores: c.stores.Load(),
		Evictions: c.evictions.Load(), RejectedStale: c.rejectedStale.Load(), Coalesced: c.coalesced.Load(),
		Entries: entries, Bytes: bytes, Invalidations: map[string]int64{},
	}
	for i := range c.invalidations {
		s.Invalidations[invalidationReason(i)] = c.invalidations[i].Load()
	}
	return s
}

func invalidationReason(i int) string {
	if store.Change(i) == replicaLag {
		return "replica_lag"
	}
	return store.Change(i).String()
}
