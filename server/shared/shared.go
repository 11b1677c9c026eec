// Package shared keeps what the server replicas must agree on in Redis
// (REDIS_URL): the rate-limit buckets, so a client gets the configured rate
// across all replicas rather than once per replica, and the automatic
// persisted queries, so a query registered on one replica runs on all.
//
// Redis is a help, not a dependency: when it does not answer (within
// Timeout), each replica falls back to its own in-process buckets and
// persisted-query cache, as without REDIS_URL, and tries Redis again after
// a pause. The limits then hold per replica (fail-open across replicas,
// never fail-open for one process): a Redis outage neither stops the API
// nor lifts the limits, it only multiplies them by the number of replicas
// for its duration. A persisted query registered during the outage is
// known to its replica only; elsewhere the client gets
// PersistedQueryNotFound and sends the full query once more, as the APQ
// protocol provides.
package shared

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Options configure a Store.
type Options struct {
	// Prefix is put before every key (default "brandshow:"), so that
	// several deployments (or tests) can share one Redis.
	Prefix string
	// Timeout bounds each Redis call (default 100ms).
	Timeout time.Duration
	// Retry is how long Redis is left alone after a failure (default 1s).
	Retry time.Duration
	// PersistedQueryTTL is how long a persisted query is kept after it was
	// last registered (default 24h).
	PersistedQueryTTL time.Duration
	Logger            *slog.Logger
}

// Store is the shared state of the replicas, in Redis.
type Store struct {
	rdb  redis.UniversalClient
	opts Options

	downUntil atomic.Int64 // unix nanoseconds; 0: up
	mu        sync.Mutex
	down      bool

	// Failures counts Redis calls that failed or were skipped because of an
	// earlier failure (the fallback was used).
	Failures atomic.Int64
}

// Open connects to the Redis at rawURL (redis://[user:password@]host:port/db
// or rediss://...). It does not wait for Redis to answer: a Redis down at
// start is a Redis down (see the package comment).
func Open(rawURL string, opts Options) (*Store, error) {
	ro, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 100 * time.Millisecond
	}
	ro.DialTimeout, ro.ReadTimeout, ro.WriteTimeout = 2*opts.Timeout, opts.Timeout, opts.Timeout
	ro.MaxRetries = -1 // a retry would double the wait; the fallback is there
	return New(redis.NewClient(ro), opts), nil
}

// New wraps a Redis client.
func New(rdb redis.UniversalClient, opts Options) *Store {
	if opts.Prefix == "" {
		opts.Prefix = "brandshow:"
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 100 * time.Millisecond
	}
	if opts.Retry <= 0 {
		opts.Retry = time.Second
	}
	if opts.PersistedQueryTTL <= 0 {
		opts.PersistedQueryTTL = 24 * time.Hour
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Store{rdb: rdb, opts: opts}
}

// Close closes the connection pool.
func (s *Store) Close() error { return s.rdb.Close() }

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }

// errDown: Redis failed recently and is left alone for now.
var errDown = errors.New("shared: redis is unavailable")

// call runs fn against Redis under the timeout, unless Redis failed
// recently; a failure starts a pause.
func (s *Store) call(ctx context.Context, fn func(ctx context.Context) error) error {
	if until := s.downUntil.Load(); until != 0 && time.Now().UnixNano() < until {
		s.Failures.Add(1)
		return errDown
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opts.Timeout)
	defer cancel()
	err := fn(ctx)
	if err != nil && !errors.Is(err, redis.Nil) {
		s.Failures.Add(1)
		s.downUntil.Store(time.Now().Add(s.opts.Retry).UnixNano())
		s.mu.Lock()
		if !s.down {
			s.down = true
			s.opts.Logger.Warn("redis unavailable: rate limits and persisted queries are per replica until it answers", "error", err.Error())
		}
		s.mu.Unlock()
		return err
	}
	if s.downUntil.Load() != 0 {
		s.downUntil.Store(0)
		s.mu.Lock()
		if s.down {
			s.down = false
			s.opts.Logger.Info("redis answers again: rate limits and persisted queries are shared")
		}
		s.mu.Unlock()
	}
	return err
}

// Spend modes.
const (
	// Take spends a token if one is left.
	Take = "take"
	// Peek spends nothing and tells whether a token is left.
	Peek = "peek"
	// Force spends a token even into debt.
	Force = "force"
)

// bucketScript is a token bucket (rate tokens per second, at most burst)
// kept as a hash {tokens, ts}, on Redis's clock so that the replicas'
// clocks do not matter. It expires once it would be full again.
var bucketScript = redis.NewScript(`
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local mode = ARGV[3]
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local v = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(v[1])
local ts = tonumber(v[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local ok = 0
if tokens >= 1 then ok = 1 end
if mode == 'force' or (mode == 'take' and ok == 1) then
  tokens = tokens - 1
  ok = 1
end
if mode ~= 'peek' then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
end
return {ok, tostring(tokens)}
`)

// Spend applies mode to the bucket key (limit tokens per second, at most
// burst): whether a token was spent (Peek: is there), and the tokens left.
func (s *Store) Spend(ctx context.Context, key string, limit float64, burst int, mode string) (ok bool, tokens float64, err error) {
	var res []any
	err = s.call(ctx, func(ctx context.Context) error {
		var err error
		res, err = bucketScript.Run(ctx, s.rdb, []string{s.opts.Prefix + "rl:" + key},
			strconv.FormatFloat(limit, 'g', -1, 64), burst, mode).Slice()
		return err
	})
	if err != nil {
		return false, 0, err
	}
	if len(res) != 2 {
		return false, 0, fmt.Errorf("shared: bucket script answered %v", res)
	}
	n, _ := res[0].(int64)
	str, _ := res[1].(string)
	tokens, err = strconv.ParseFloat(str, 64)
	if err != nil {
		return false, 0, fmt.Errorf("shared: bucket script answered %v: %w", res, err)
	}
	return n == 1, tokens, nil
}

// PersistedQueries is gqlgen's cache of automatic persisted queries
// (graphql.Cache[string]) in Redis, with local as the fallback and a
// near cache: a hash found once is not asked of Redis again.
type PersistedQueries struct {
	s     *Store
	local interface {
		Get(ctx context.Context, key string) (string, bool)
		Add(ctx context.Context, key string, value string)
	}
}

// PersistedQueries returns the shared cache, local being the process's own.
func (s *Store) PersistedQueries(local interface {
	Get(ctx context.Context, key string) (string, bool)
	Add(ctx context.Context, key string, value string)
}) *PersistedQueries {
	return &PersistedQueries{s: s, local: local}
}

// Get returns the query registered under the hash key.
func (p *PersistedQueries) Get(ctx context.Context, key string) (string, bool) {
	if q, ok := p.local.Get(ctx, key); ok {
		return q, true
	}
	var q string
	err := p.s.call(ctx, func(ctx context.Context) error {
		var err error
		q, err = p.s.rdb.Get(ctx, p.s.opts.Prefix+"apq:"+key).Result()
		return err
	})
	if err != nil {
		return "", false
	}
	p.local.Add(ctx, key, q)
	return q, true
}

// Add registers query under the hash key (gqlgen has checked the hash).
func (p *PersistedQueries) Add(ctx context.Context, key, query string) {
	p.local.Add(ctx, key, query)
	_ = p.s.call(ctx, func(ctx context.Context) error {
		return p.s.rdb.Set(ctx, p.s.opts.Prefix+"apq:"+key, query, p.s.opts.PersistedQueryTTL).Err()
	})
}
