package graph

import (
	"context"
	"time"

	"brandshow/ent"
	"brandshow/ent/figure"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"

	"entgo.io/ent/dialect/sql"
)

// DefaultFigureCount is Brand.figures' first when not given.
const DefaultFigureCount = 20

// BrandFigures returns a brand's published figures, newest year first
// (then by metric), optionally of one metric only, at most first. It
// queries figures by brand_id rather than through the edge, whose DISTINCT
// would need the ORDER BY columns selected.
func BrandFigures(ctx context.Context, client *ent.Client, b *ent.Brand, metric *figure.Metric, first *int) ([]*ent.Figure, error) {
	n := DefaultFigureCount
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxPageSize {
		return nil, userErrorf("first must be between 0 and %d, got %d", MaxPageSize, n)
	}
	q := client.Figure.Query().Where(figure.BrandID(b.ID))
	if metric != nil {
		q.Where(figure.MetricEQ(*metric))
	}
	q, err := q.Order(figure.ByPeriod(sql.OrderDesc()), figure.ByMetric(), figure.ByID()).Limit(n).CollectFields(ctx)
	if err != nil {
		return nil, err
	}
	return q.All(ctx)
}

// figureMetrics is the order of the metrics in latestFigures (the schema's).
var figureMetrics = []figure.Metric{
	figure.MetricWORKERS_EMPLOYED, figure.MetricWORKERS_EXPORTED, figure.MetricTRAINED,
	figure.MetricCERTIFIED, figure.MetricPOVERTY_RELIEF_PLACED, figure.MetricRETURNEE_ENTREPRENEURS,
}

// LatestFigures returns a brand's newest published figure of each metric
// (the latest period; there is one per period), in the metrics' order: one
// statement for the figures (whole rows: the metric and period decide) and
// one for their brand, whatever the number of years.
func LatestFigures(ctx context.Context, client *ent.Client, b *ent.Brand) ([]*ent.Figure, error) {
	all, err := client.Figure.Query().Where(figure.BrandID(b.ID)).WithBrand().
		Order(figure.ByPeriod(sql.OrderDesc()), figure.ByID(sql.OrderDesc())).All(ctx)
	if err != nil {
		return nil, err
	}
	latest := map[figure.Metric]*ent.Figure{}
	for _, f := range all {
		if _, seen := latest[f.Metric]; !seen {
			latest[f.Metric] = f
		}
	}
	out := make([]*ent.Figure, 0, len(latest))
	for _, m := range figureMetrics {
		if f, ok := latest[m]; ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// figureTotals adds up the published brands' figures per metric, every
// metric listed in figureMetrics' order: those of year, or, without one,
// each brand's latest (no public figure of a later year for the same brand
// and metric). One grouped statement; its rows are the metrics times the
// distinct as-of dates, a handful, whatever the number of brands. The
// Figure interceptor keeps drafts and figures of unpublished brands out.
func figureTotals(ctx context.Context, client *ent.Client, year *int) ([]*FigureTotal, error) {
	q := client.Figure.Query()
	if year != nil {
		q = q.Where(figure.Period(*year))
	} else {
		q = q.Where(func(s *sql.Selector) {
			later := sql.Table(figure.Table).As("later")
			s.Where(sql.NotExists(sql.Select(later.C(figure.FieldID)).From(later).Where(sql.And(
				sql.ColumnsEQ(later.C(figure.FieldBrandID), s.C(figure.FieldBrandID)),
				sql.ColumnsEQ(later.C(figure.FieldMetric), s.C(figure.FieldMetric)),
				sql.ColumnsGT(later.C(figure.FieldPeriod), s.C(figure.FieldPeriod)),
				visibility.Public(later.C, visibility.Now()),
			))))
		})
	}
	var rows []struct {
		Metric   figure.Metric `json:"metric"`
		AsOf     *time.Time    `json:"as_of"`
		Total    int           `json:"total"`
		Brands   int           `json:"brands"`
		FromYear int           `json:"from_year"`
		ToYear   int           `json:"to_year"`
	}
	err := q.GroupBy(figure.FieldMetric, figure.FieldAsOf).Aggregate(
		ent.As(clampedSum(figure.FieldValue, schematype.MaxWorkers), "total"), ent.As(ent.Count(), "brands"),
		ent.As(ent.Min(figure.FieldPeriod), "from_year"), ent.As(ent.Max(figure.FieldPeriod), "to_year"),
	).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	totals := map[figure.Metric]*FigureTotal{}
	out := make([]*FigureTotal, 0, len(figureMetrics))
	for _, m := range figureMetrics {
		totals[m] = &FigureTotal{Metric: m}
		out = append(out, totals[m])
	}
	for _, r := range rows {
		t := totals[r.Metric]
		if t == nil {
			continue
		}
		t.Total += r.Total
		t.BrandCount += r.Brands
		if t.FromYear == nil || r.FromYear < *t.FromYear {
			t.FromYear = &r.FromYear
		}
		if t.ToYear == nil || r.ToYear > *t.ToYear {
			t.ToYear = &r.ToYear
		}
		switch {
		case r.AsOf == nil:
			t.UndatedCount += r.Brands
		default:
			if t.AsOf == nil || r.AsOf.After(*t.AsOf) {
				t.AsOf = r.AsOf
			}
			if t.OldestAsOf == nil || r.AsOf.Before(*t.OldestAsOf) {
				t.OldestAsOf = r.AsOf
			}
		}
	}
	return out, nil
}
