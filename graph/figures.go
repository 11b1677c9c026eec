package graph

import (
	"context"

	"brandshow/ent"
	"brandshow/ent/figure"

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
