package store

import (
	"context"
	"errors"

	"github.com/lib/pq"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// IsTimeout reports whether err means that the database could not do the
// work in time, as opposed to refusing it: the context's deadline passed;
// SQLite stayed busy (another connection, such as `server import`, held
// the write lock for longer than busy_timeout); or PostgreSQL cancelled the
// statement (the cancel sent for a done context, a statement or lock
// timeout). The API answers all of them TIMEOUT: the request may be sent
// again later, and nothing of it was written.
func IsTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		switch lite.Code() & 0xff { // the primary code of an extended one
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	var pg *pq.Error
	if errors.As(err, &pg) {
		// query_canceled, lock_not_available
		return pg.Code == "57014" || pg.Code == "55P03"
	}
	return false
}

// Constraint is the kind of integrity rule a write broke.
type Constraint int

const (
	// NoConstraint: the error is not a constraint violation we know.
	NoConstraint Constraint = iota
	// UniqueConstraint: the value is already used (a slug, a region code).
	UniqueConstraint
	// ForeignKeyConstraint: a linked row does not exist, or a row is still
	// linked from elsewhere.
	ForeignKeyConstraint
)

// ConstraintOf tells which integrity rule err broke, from the driver's
// error codes (SQLite's extended result codes, PostgreSQL's SQLSTATE),
// never from the message.
func ConstraintOf(err error) Constraint {
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		switch lite.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return UniqueConstraint
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return ForeignKeyConstraint
		}
	}
	var pg *pq.Error
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505": // unique_violation
			return UniqueConstraint
		case "23503": // foreign_key_violation
			return ForeignKeyConstraint
		}
	}
	return NoConstraint
}
