package schema

import (
	"context"
	"errors"

	"entgo.io/ent"

	gen "brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/ent/workers"
)

// Hooks of the Brand: a write of its workers columns becomes a figure.
func (Brand) Hooks() []ent.Hook {
	return []ent.Hook{workersAsFigures}
}

// Hooks of the Figure: every write refreshes its brands' workers columns.
func (Figure) Hooks() []ent.Hook {
	return []ent.Hook{refreshBrandWorkers}
}

// errBulkWorkers refuses a bulk update of the derived columns.
var errBulkWorkers = errors.New("workers numbers are the brands' figures: set them one brand at a time, or write figures")

// workersAsFigures turns a brand write that sets workersEmployed or
// workersExported into the brand's undated figure of the current year
// (ent/workers.SetUndated), because the columns are derived from the
// figures: the column is not written itself, the figure decides it. A value
// equal to the brand's current one (0 for a new brand) writes nothing.
func workersAsFigures(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		bm, ok := m.(*gen.BrandMutation)
		if !ok {
			return next.Mutate(ctx, m)
		}
		type write struct {
			col   workers.Column
			value int
		}
		var writes []write
		for _, col := range workers.Columns {
			v, set := bm.Field(col.Field)
			if !set {
				continue
			}
			if bm.Op().Is(ent.OpUpdate) {
				return nil, &schematype.FieldError{Field: col.Field, Err: errBulkWorkers}
			}
			if n, _ := v.(int); col.Check != nil {
				if err := col.Check(n); err != nil {
					return nil, &schematype.FieldError{Field: col.Field, Err: err}
				}
			}
			current := 0
			if bm.Op().Is(ent.OpUpdateOne) {
				old, err := bm.OldField(visibility.WithDrafts(ctx), col.Field)
				if err != nil {
					return nil, err
				}
				current, _ = old.(int)
			}
			// The column is not written: a new brand starts at 0 (it has
			// no figures yet), an update leaves it to the figure.
			reset := bm.ResetField(col.Field)
			if bm.Op().Is(ent.OpCreate) {
				reset = bm.SetField(col.Field, 0)
			}
			if reset != nil {
				return nil, reset
			}
			if n, _ := v.(int); n != current {
				writes = append(writes, write{col, n})
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil || len(writes) == 0 {
			return v, err
		}
		id, ok := bm.ID()
		if b, isBrand := v.(*gen.Brand); !ok && isBrand {
			id, ok = b.ID, true
		}
		if !ok {
			return v, errors.New("workers: brand written without an ID")
		}
		for _, w := range writes {
			if err := workers.SetUndated(ctx, bm.Client(), id, w.col, w.value); err != nil {
				return nil, err
			}
		}
		// The answer shows the columns as the figures left them.
		if b, isBrand := v.(*gen.Brand); isBrand {
			now, err := bm.Client().Brand.Query().Where(brand.ID(id)).
				Select(brand.FieldWorkersEmployed, brand.FieldWorkersExported).Only(visibility.WithDrafts(ctx))
			if err != nil {
				return nil, err
			}
			b.WorkersEmployed, b.WorkersExported = now.WorkersEmployed, now.WorkersExported
		}
		return v, nil
	})
}

// refreshBrandWorkers refreshes the workers columns of the brands a figure
// write touches: the brands the figures had before it and the one they
// have after, in the write's transaction.
func refreshBrandWorkers(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		fm, ok := m.(*gen.FigureMutation)
		if !ok {
			return next.Mutate(ctx, m)
		}
		var brands []int
		if !fm.Op().Is(ent.OpCreate) {
			ids, err := fm.IDs(visibility.WithDrafts(ctx))
			if err != nil {
				return nil, err
			}
			if brands, err = workers.BrandsOfFigures(ctx, fm.Client(), ids); err != nil {
				return nil, err
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		if id, set := fm.BrandID(); set {
			brands = append(brands, id)
		}
		if err := workers.Refresh(ctx, fm.Client(), brands...); err != nil {
			return nil, err
		}
		return v, nil
	})
}
