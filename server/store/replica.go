package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"entgo.io/ent/dialect"
	"github.com/lib/pq"
)

// routedDriver sends the reads of contexts marked by WithReplicaReads to
// the replica and everything else to the primary. Routing in the driver
// rather than in the resolvers keeps them unaware of replicas.
//
// A replica that cannot be reached (refused or lost connections, a replica
// shutting down) is taken out of the rotation: the read that found out is
// run again on the primary, and so are all reads until a ping every
// replicaProbe finds the replica answering again. Anonymous requests are
// then slower, never failed.
type routedDriver struct {
	dialect.Driver // the primary
	replica        dialect.Driver
	health         *replicaHealth
}

func (d routedDriver) Query(ctx context.Context, query string, args, v any) error {
	if write, _ := writing(ctx); replicaReads(ctx) && !write && d.health.up() {
		err := d.replica.Query(ctx, query, args, v)
		if err == nil || ctx.Err() != nil || !unreachable(err) {
			return err
		}
		d.health.failed(err)
	}
	return d.Driver.Query(ctx, query, args, v)
}

func (d routedDriver) Close() error {
	d.health.close()
	err := d.Driver.Close()
	if rerr := d.replica.Close(); err == nil {
		err = rerr
	}
	return err
}

// replicaProbe is how often a replica out of the rotation is pinged.
const replicaProbe = time.Second

// replicaHealth knows whether the replica is in the rotation.
type replicaHealth struct {
	db      *sql.DB
	logger  *slog.Logger
	down    atomic.Bool
	mu      sync.Mutex
	probing bool
	done    chan struct{}
	once    sync.Once
	// Fallbacks counts the reads sent to the primary because the replica
	// was out of the rotation or failed.
	fallbacks atomic.Int64
}

func newReplicaHealth(db *sql.DB, logger *slog.Logger) *replicaHealth {
	return &replicaHealth{db: db, logger: logger, done: make(chan struct{})}
}

func (h *replicaHealth) up() bool {
	if h.down.Load() {
		h.fallbacks.Add(1)
		return false
	}
	return true
}

// failed takes the replica out of the rotation and starts probing it.
func (h *replicaHealth) failed(err error) {
	h.fallbacks.Add(1)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.down.Store(true)
	if h.probing {
		return
	}
	h.probing = true
	h.logger.Warn("read replica unreachable: anonymous reads go to the primary until it answers", "error", err.Error())
	go h.probe()
}

func (h *replicaHealth) probe() {
	t := time.NewTicker(replicaProbe)
	defer t.Stop()
	for {
		select {
		case <-h.done:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := h.db.PingContext(ctx)
		cancel()
		if err == nil {
			h.mu.Lock()
			h.probing = false
			h.down.Store(false)
			h.mu.Unlock()
			h.logger.Info("read replica answers again: anonymous reads go to it")
			return
		}
	}
}

func (h *replicaHealth) close() { h.once.Do(func() { close(h.done) }) }

// ReplicaFallbacks counts the anonymous reads that went to the primary
// because the read replica was unreachable (0 without a replica).
func (db *DB) ReplicaFallbacks() int64 {
	if db.replicaHealth == nil {
		return 0
	}
	return db.replicaHealth.fallbacks.Load()
}

// unreachable reports whether err means that the server could not be
// reached or went away, rather than that it refused the statement: a
// refused or reset connection, one closed under the query, or PostgreSQL's
// connection exceptions (class 08) and shutdown codes (57P01-57P03).
func unreachable(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return pqErr.Code.Class() == "08" || pqErr.Code == "57P01" || pqErr.Code == "57P02" || pqErr.Code == "57P03"
	}
	var netErr net.Error
	return errors.As(err, &netErr) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}
