package store

import (
	"context"
	"slices"
	"time"

	"entgo.io/ent/dialect"
)

// utcTimes hands every time argument to the database in UTC, on every path
// (API, import, seed, Go callers), so that both databases store the same
// value. On SQLite this is needed for correctness: modernc writes a time as
// its String(), which it cannot read back for a fixed offset such as
// +08:00 ("... +0800 +0800": a read of that row failed with INTERNAL), and
// SQLite compares times as text, which orders instants only in one zone.
type utcTimes struct{ dialect.Driver }

func (d utcTimes) Exec(ctx context.Context, query string, args, v any) error {
	return d.Driver.Exec(ctx, query, utcArgs(args), v)
}

func (d utcTimes) Query(ctx context.Context, query string, args, v any) error {
	return d.Driver.Query(ctx, query, utcArgs(args), v)
}

func (d utcTimes) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return utcTx{tx}, nil
}

type utcTx struct{ dialect.Tx }

func (t utcTx) Exec(ctx context.Context, query string, args, v any) error {
	return t.Tx.Exec(ctx, query, utcArgs(args), v)
}

func (t utcTx) Query(ctx context.Context, query string, args, v any) error {
	return t.Tx.Query(ctx, query, utcArgs(args), v)
}

// utcArgs returns the arguments with every time.Time in UTC; the caller's
// slice is copied, not changed, when there is one to convert.
func utcArgs(args any) any {
	list, ok := args.([]any)
	if !ok {
		return args
	}
	var out []any
	for i, a := range list {
		var t time.Time
		switch x := a.(type) {
		case time.Time:
			t = x
		case *time.Time:
			if x == nil {
				continue
			}
			t = *x
		default:
			continue
		}
		if t.Location() == time.UTC {
			continue
		}
		if out == nil {
			out = slices.Clone(list)
		}
		out[i] = t.UTC()
	}
	if out == nil {
		return args
	}
	return out
}
