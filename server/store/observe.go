package store

import (
	"context"

	"entgo.io/ent/dialect"
)

// ObservedDriver wraps an ent driver and calls OnStatement before every
// statement, in a transaction or not. The metrics count statements per
// request with it, and the tests count and read them.
type ObservedDriver struct {
	dialect.Driver
	OnStatement func(ctx context.Context, query string)
}

// Exec observes and runs a statement.
func (d ObservedDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.OnStatement(ctx, query)
	return d.Driver.Exec(ctx, query, args, v)
}

// Query observes and runs a query.
func (d ObservedDriver) Query(ctx context.Context, query string, args, v any) error {
	d.OnStatement(ctx, query)
	return d.Driver.Query(ctx, query, args, v)
}

// Tx starts a transaction whose statements are observed too.
func (d ObservedDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return observedTx{Tx: tx, on: d.OnStatement}, nil
}

type observedTx struct {
	dialect.Tx
	on func(context.Context, string)
}

func (t observedTx) Exec(ctx context.Context, query string, args, v any) error {
	t.on(ctx, query)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t observedTx) Query(ctx context.Context, query string, args, v any) error {
	t.on(ctx, query)
	return t.Tx.Query(ctx, query, args, v)
}
