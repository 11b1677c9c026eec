// Package workers keeps a brand's workersEmployed and workersExported
// columns derived from its figures: each is the value of the brand's latest
// public figure of that metric (WORKERS_EMPLOYED, WORKERS_EXPORTED; the
// latest period, then the highest ID, as Brand.latestFigures picks), or 0
// when the public sees none.
//
// The columns stay columns, so the where-inputs (workersEmployedGT, ...),
// the WORKERS_EMPLOYED ordering, their indexes and the key figures (stats)
// keep reading one indexed column, and a brand list costs no statement
// more. What keeps them right:
//
//   - every figure write refreshes the brands it touches (the Figure hook in
//     ent/schema, in the write's transaction);
//   - a figure's scheduled publication or withdrawal refreshes its brand when
//     the schedule's timer logs the transition (ent/changelog);
//   - a write of the columns through the brand (createBrand, updateBrand,
//     any ent write) becomes an undated figure of the current year
//     (SetUndated), which then decides the column like any other figure;
//   - CarryOver turns the values a database held before figures decided
//     them into such undated figures, once (server/store runs it after
//     migrating).
//
// Only public figures count (published, within their schedule, at the
// moment of the refresh), so a draft figure never changes what the public
// reads. The refresh is raw SQL: a derived value is no edit of the brand
// (no audit entry, no change-log entry, no search reindex).
package workers

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	gen "brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/figure"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent/dialect/sql"
)

// Column is a brand column derived from its figures of one metric.
type Column struct {
	Field  string        // the brand's column, e.g. workers_employed
	Metric figure.Metric // the figures it is derived from
	Of     func(*gen.Brand) int
	Check  func(int) error // the column's validator (its range)
}

// Columns are the derived columns.
var Columns = []Column{
	{brand.FieldWorkersEmployed, figure.MetricWORKERS_EMPLOYED, func(b *gen.Brand) int { return b.WorkersEmployed }, checkEmployed},
	{brand.FieldWorkersExported, figure.MetricWORKERS_EXPORTED, func(b *gen.Brand) int { return b.WorkersExported }, checkExported},
}

// checkEmployed and checkExported call the columns' validators, which
// ent's runtime sets at start (they are nil before).
func checkEmployed(n int) error { return brand.WorkersEmployedValidator(n) }
func checkExported(n int) error { return brand.WorkersExportedValidator(n) }

// UndatedSourceZh and UndatedSourceEn name the source of an undated figure
// made from a brand's own workers column (SetUndated, CarryOver).
const (
	UndatedSourceZh = "品牌资料（原品牌人数字段，日期不详）"
	UndatedSourceEn = "Brand record (the brand's former workers field; date unknown)"
)

// latest is the SQL of the value of the brand's (the brands table's row)
// latest figure of metric that the public sees at now, 0 when none.
func latest(d string, metric figure.Metric, now time.Time) sql.Querier {
	b := sql.Dialect(d).Table(brand.Table)
	f := sql.Dialect(d).Table(figure.Table).As("f")
	sel := sql.Dialect(d).Select(f.C(figure.FieldValue)).From(f).Where(sql.And(
		sql.ColumnsEQ(f.C(figure.FieldBrandID), b.C(brand.FieldID)),
		sql.EQ(f.C(figure.FieldMetric), string(metric)),
		visibility.Public(f.C, now),
	)).OrderBy(sql.Desc(f.C(figure.FieldPeriod)), sql.Desc(f.C(figure.FieldID))).Limit(1)
	return sql.ExprFunc(func(w *sql.Builder) {
		w.WriteString("COALESCE((").Join(sel).WriteString("), 0)")
	})
}

// Refresh sets the derived columns of the given brands from their figures,
// in one statement.
func Refresh(ctx context.Context, c *gen.Client, brandIDs ...int) error {
	if len(brandIDs) == 0 {
		return nil
	}
	return refresh(ctx, c, func(d string) *sql.Predicate { return sql.InInts(brand.FieldID, brandIDs...) })
}

// RefreshAll sets the derived columns of every brand, in one statement.
func RefreshAll(ctx context.Context, c *gen.Client) error {
	return refresh(ctx, c, nil)
}

func refresh(ctx context.Context, c *gen.Client, where func(d string) *sql.Predicate) error {
	d := c.Dialect()
	now := visibility.Now()
	u := sql.Dialect(d).Update(brand.Table)
	for _, col := range Columns {
		u.Set(col.Field, latest(d, col.Metric, now))
	}
	if where != nil {
		u.Where(where(d))
	}
	query, args := u.Query()
	if err := c.ExecStatement(ctx, query, args, new(stdsql.Result)); err != nil {
		return fmt.Errorf("workers: refresh brands: %w", err)
	}
	return nil
}

// BrandsOfFigures returns the brands of the given figures (drafts
// included), each once.
func BrandsOfFigures(ctx context.Context, c *gen.Client, figureIDs []int) ([]int, error) {
	if len(figureIDs) == 0 {
		return nil, nil
	}
	var ids []int
	err := c.Figure.Query().Where(figure.IDIn(figureIDs...)).Unique(true).
		Select(figure.FieldBrandID).Scan(visibility.WithDrafts(ctx), &ids)
	if err != nil {
		return nil, fmt.Errorf("workers: brands of figures: %w", err)
	}
	return ids, nil
}

// UndatedSlug is the slug of the undated figure SetUndated writes (the
// import's FigureSlug rule).
func UndatedSlug(brandSlug string, metric figure.Metric, period int) string {
	return fmt.Sprintf("%s-%s-%d", brandSlug, strings.ReplaceAll(strings.ToLower(string(metric)), "_", "-"), period)
}

// errDatedFigure refuses a workers value that would overwrite a dated or
// cited figure.
var errDatedFigure = errors.New("the brand has a figure of this metric for the current year from a named source; change that figure (updateFigure) instead")

// SetUndated makes value the brand's number of col as a figure of the
// current year without a date (asOf null), published, whose source is the
// brand record: it creates that figure, or updates the one SetUndated made
// before. A figure of the current year from another source is not
// overwritten (a FieldError on the column). It writes as the system: the
// caller's write of the brand's column has passed the brand's policy. The
// Figure hook then refreshes the column.
func SetUndated(ctx context.Context, c *gen.Client, brandID int, col Column, value int) error {
	sys := visibility.WithSystem(visibility.WithDrafts(ctx))
	year := min(max(time.Now().UTC().Year(), schematype.MinFigureYear), schematype.MaxFigureYear)
	old, err := c.Figure.Query().Where(figure.BrandID(brandID), figure.MetricEQ(col.Metric), figure.Period(year)).Only(sys)
	switch {
	case gen.IsNotFound(err):
		b, err := c.Brand.Query().Where(brand.ID(brandID)).Select(brand.FieldSlug).Only(sys)
		if err != nil {
			return fmt.Errorf("workers: brand %d: %w", brandID, err)
		}
		_, err = c.Figure.Create().SetBrandID(brandID).SetMetric(col.Metric).SetPeriod(year).SetValue(value).
			SetSlug(UndatedSlug(b.Slug, col.Metric, year)).SetSourceZh(UndatedSourceZh).SetSourceEn(UndatedSourceEn).
			SetStatus(schematype.StatusPublished).Save(sys)
		if err != nil {
			return fmt.Errorf("workers: undated figure: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("workers: figure of %d: %w", year, err)
	case old.AsOf != nil || old.SourceZh != UndatedSourceZh:
		return &schematype.FieldError{Field: col.Field, Err: fmt.Errorf("%w (%s)", errDatedFigure, old.Slug)}
	case old.Value == value && old.Status == schematype.StatusPublished:
		return nil
	}
	if err := c.Figure.UpdateOne(old).SetValue(value).SetStatus(schematype.StatusPublished).Exec(sys); err != nil {
		return fmt.Errorf("workers: undated figure: %w", err)
	}
	return nil
}

// CarryOver turns the workers columns a database holds from before figures
// decided them into undated figures (SetUndated): for every brand with a
// non-zero column and no published figure of its metric. It writes nothing
// when there is no such brand (one statement per column finds them), so it
// may run at every start. A brand whose current year already has a draft
// figure of the metric from a named source is left as it is (skipped
// counts them; the Figure hook refreshes its column when that figure is
// published).
func CarryOver(ctx context.Context, c *gen.Client) (carried, skipped int, err error) {
	all := visibility.WithDrafts(ctx)
	for _, col := range Columns {
		brands, err := c.Brand.Query().Where(func(s *sql.Selector) {
			f := sql.Table(figure.Table).As("f")
			s.Where(sql.And(sql.GT(s.C(col.Field), 0), sql.NotExists(sql.Select(f.C(figure.FieldID)).From(f).Where(sql.And(
				sql.ColumnsEQ(f.C(figure.FieldBrandID), s.C(brand.FieldID)),
				sql.EQ(f.C(figure.FieldMetric), string(col.Metric)),
				sql.EQ(f.C(visibility.StatusColumn), visibility.Published),
			)))))
		}).Order(brand.ByID()).Select(brand.FieldID, col.Field).All(all)
		if err != nil {
			return carried, skipped, fmt.Errorf("workers: carry over %s: %w", col.Field, err)
		}
		for _, b := range brands {
			err := SetUndated(ctx, c, b.ID, col, col.Of(b))
			var fe *schematype.FieldError
			switch {
			case errors.As(err, &fe):
				skipped++
			case err != nil:
				return carried, skipped, fmt.Errorf("workers: carry over %s of brand %d: %w", col.Field, b.ID, err)
			default:
				carried++
			}
		}
	}
	return carried, skipped, nil
}
