package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"brandshow/ent"

	entgo "entgo.io/ent"
	"entgo.io/ent/dialect"
	"github.com/lib/pq"
)

// ChangesChannel is the PostgreSQL NOTIFY channel on which the triggers of
// migration 20261128064500_notify_changes announce every committed write to
// the content tables. The payload is the writer's current_schema(), so
// several deployments (or test schemas) in one database can tell their
// changes apart.
const ChangesChannel = "brandshow_changes"

// Change is what a change subscriber is told.
type Change int

const (
	// LocalWrite: a transaction (or statement) of this process that wrote
	// has committed. Sent synchronously, before the commit call returns.
	LocalWrite Change = iota
	// RemoteWrite: PostgreSQL told us (NOTIFY) that a transaction of any
	// process (another replica, `server import`, `server seed`, psql)
	// committed a write to the content tables.
	RemoteWrite
	// ListenerUp: the LISTEN connection is established (first time or after
	// a reconnect); notifications sent while it was down were lost.
	ListenerUp
	// ListenerDown: the LISTEN connection is lost; until ListenerUp,
	// other processes' writes go unnoticed.
	ListenerDown
	// Scheduled: no write, but a scheduled publication or withdrawal has
	// come (server/schedule tells it, in every process at the moment).
	Scheduled
)

func (c Change) String() string {
	switch c {
	case LocalWrite:
		return "local_write"
	case RemoteWrite:
		return "remote_write"
	case ListenerUp:
		return "listener_up"
	case ListenerDown:
		return "listener_down"
	case Scheduled:
		return "scheduled"
	}
	return "unknown"
}

// changeHub fans change events out to subscribers.
type changeHub struct {
	mu   sync.RWMutex
	subs []func(Change)
}

func (h *changeHub) publish(c Change) {
	h.mu.RLock()
	subs := h.subs
	h.mu.RUnlock()
	for _, fn := range subs {
		fn(c)
	}
}

// OnChange registers fn to be told about committed writes (see Change). fn
// must be quick: LocalWrite is delivered inside the writer's commit call.
func (db *DB) OnChange(fn func(Change)) {
	db.changes.mu.Lock()
	defer db.changes.mu.Unlock()
	db.changes.subs = append(db.changes.subs[:len(db.changes.subs):len(db.changes.subs)], fn)
}

// writeKey marks a context whose statements write: ent mutations run under
// it (markWrites, a hook on the writer client), so the drivers below know a
// write from its context, never from its SQL text.
type writeKey struct{}

// writeMark is what a mutation's context carries.
type writeMark struct {
	// public: the write changes what the public may see (every content
	// type); editors' token bookkeeping (last_used_at, once a minute per
	// token) does not, and must not empty the response cache.
	public bool
}

// MarkWrite marks ctx as writing: its statements go to the primary, are
// never prepared as reads, and a committed one tells the change
// subscribers (unless public is false). markWrites does it for every ent
// mutation; code that writes through the ent driver by other means must
// call it too (raw SQL on DB.SQL does not pass the driver at all).
func MarkWrite(ctx context.Context, public bool) context.Context {
	if prev, ok := ctx.Value(writeKey{}).(writeMark); ok && (prev.public || !public) {
		return ctx
	}
	return context.WithValue(ctx, writeKey{}, writeMark{public: public})
}

// writing reports whether ctx writes, and whether the public may see it.
func writing(ctx context.Context) (write, public bool) {
	m, ok := ctx.Value(writeKey{}).(writeMark)
	return ok, m.public
}

// PrivateTypes are the ent types whose writes the public cannot notice:
// editors' tokens (last_used_at bookkeeping), the webhook endpoints and the
// webhook outbox (every delivery attempt updates a row), preview links and
// pending revisions (the public sees a revision only once it is applied to
// its item, which is a write of the item). Their writes do
// not empty the response cache, and their tables have no NOTIFY trigger.
var PrivateTypes = map[string]bool{ent.TypeToken: true, ent.TypeWebhook: true, ent.TypeWebhookDelivery: true, ent.TypePreviewLink: true, ent.TypeRevision: true}

// markWrites is the writer client's hook: every mutation's statements run
// under MarkWrite, public unless the mutated type is one of PrivateTypes.
func markWrites(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		return next.Mutate(MarkWrite(ctx, !PrivateTypes[m.Type()]), m)
	})
}

// writeWatch wraps the primary's driver and tells the hub after every
// committed transaction that wrote, and after every write outside a
// transaction, a write being a statement run under MarkWrite. It reports even when Commit returns an error: a lost
// connection during COMMIT may still have committed, and a needless
// invalidation is harmless.
type writeWatch struct {
	dialect.Driver
	hub *changeHub
}

func (d writeWatch) Exec(ctx context.Context, query string, args, v any) error {
	err := d.Driver.Exec(ctx, query, args, v)
	if _, public := writing(ctx); public {
		d.hub.publish(LocalWrite)
	}
	return err
}

func (d writeWatch) Query(ctx context.Context, query string, args, v any) error {
	err := d.Driver.Query(ctx, query, args, v)
	if _, public := writing(ctx); public {
		d.hub.publish(LocalWrite)
	}
	return err
}

func (d writeWatch) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return &watchedTx{Tx: tx, hub: d.hub}, nil
}

type watchedTx struct {
	dialect.Tx
	hub   *changeHub
	mu    sync.Mutex
	wrote bool
}

func (t *watchedTx) note(ctx context.Context) {
	if _, public := writing(ctx); public {
		t.mu.Lock()
		t.wrote = true
		t.mu.Unlock()
	}
}

func (t *watchedTx) Exec(ctx context.Context, query string, args, v any) error {
	t.note(ctx)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t *watchedTx) Query(ctx context.Context, query string, args, v any) error {
	t.note(ctx)
	return t.Tx.Query(ctx, query, args, v)
}

func (t *watchedTx) Commit() error {
	err := t.Tx.Commit()
	t.mu.Lock()
	wrote := t.wrote
	t.mu.Unlock()
	if wrote {
		t.hub.publish(LocalWrite)
	}
	return err
}

// ListenForChanges follows other processes' writes on PostgreSQL: it
// LISTENs on ChangesChannel (on the primary: replicas do not relay NOTIFY)
// and tells subscribers RemoteWrite for each notification of this schema,
// ListenerDown when the connection drops and ListenerUp once LISTEN is in
// place again (lib/pq's Listener reconnects by itself). It returns at once;
// the listener stops when ctx ends. On SQLite it does nothing: a SQLite
// database has one server process, whose writes are LocalWrite.
func (db *DB) ListenForChanges(ctx context.Context, logger *slog.Logger) error {
	if db.Dialect != dialect.Postgres {
		return nil
	}
	if logger == nil {
		logger = slog.Default()
	}
	var schema string
	if err := db.SQL.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return fmt.Errorf("store: listen: %w", err)
	}
	l := pq.NewListener(db.url, 100*time.Millisecond, 5*time.Second, func(ev pq.ListenerEventType, err error) {
		switch ev {
		case pq.ListenerEventDisconnected, pq.ListenerEventConnectionAttemptFailed:
			logger.Warn("change listener: connection lost; the response cache is off until it is back", "error", errString(err))
			db.changes.publish(ListenerDown)
		case pq.ListenerEventReconnected:
			logger.Info("change listener: reconnected")
			db.changes.publish(ListenerUp)
		}
	})
	go func() {
		// Listen blocks until the server acknowledged LISTEN.
		if err := l.Listen(ChangesChannel); err != nil {
			logger.Error("change listener: LISTEN failed", "error", err.Error())
			return
		}
		db.changes.publish(ListenerUp)
	}()
	go func() {
		// A connection that died silently is only noticed when used.
		ping := time.NewTicker(10 * time.Second)
		defer ping.Stop()
		defer l.Close()
		for {
			select {
			case <-ctx.Done():
				// Requests still draining must not be answered from a
				// cache nobody invalidates any more.
				db.changes.publish(ListenerDown)
				return
			case <-ping.C:
				_ = l.Ping()
			case n, ok := <-l.Notify:
				if !ok {
					return
				}
				// nil follows a reconnect, which ListenerUp already covers.
				if n != nil && (n.Extra == "" || n.Extra == schema) {
					db.changes.publish(RemoteWrite)
				}
			}
		}
	}()
	return nil
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// openReplica opens the read replica's pool. A replica that does not
// answer at start does not stop the server: it starts out of the rotation
// (see routedDriver), and pingErr says why.
func openReplica(ctx context.Context, readURL string, opts Options) (db *sql.DB, pingErr error, err error) {
	driverName, dsn, dia, err := parseURL(readURL)
	if err != nil {
		return nil, nil, fmt.Errorf("DATABASE_READ_URL: %w", err)
	}
	if dia != dialect.Postgres {
		return nil, nil, fmt.Errorf("store: DATABASE_READ_URL must be a postgres:// URL (read replicas are a PostgreSQL feature)")
	}
	sqlDB, err := opts.open(driverName, dsn, dia)
	if err != nil {
		return nil, nil, fmt.Errorf("store: open read replica: %w", err)
	}
	sizePostgresPool(sqlDB)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return sqlDB, sqlDB.PingContext(pctx), nil
}

type replicaKey struct{}

// WithReplicaReads marks ctx as an anonymous request's: its reads may go to
// the read replica (DATABASE_READ_URL). Everything else — editors, token
// checks, import, seed, migrations, every transaction — reads the primary,
// so nobody acts on data the replica has not replayed yet.
func WithReplicaReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, replicaKey{}, true)
}

func replicaReads(ctx context.Context) bool {
	ok, _ := ctx.Value(replicaKey{}).(bool)
	return ok
}
