package dataio

import (
	"context"
	"fmt"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/figure"
	"brandshow/ent/migrate"
	"brandshow/ent/workers"
)

// Figure is one reported number of a brand for a year. The slug may be
// left out: it is then the brand's slug, the metric and the period
// (hongan-dasao-workers-employed-2024), one figure per brand, metric and
// year. AsOf is the date the number stands at (null: the source gives none).
type Figure struct {
	Publication
	Brand     string `json:"brand"`
	Metric    string `json:"metric"` // WORKERS_EMPLOYED, WORKERS_EXPORTED, TRAINED, CERTIFIED, POVERTY_RELIEF_PLACED, RETURNEE_ENTREPRENEURS
	Period    int    `json:"period"`
	Value     int    `json:"value"`
	AsOf      *Time  `json:"asOf"`
	SourceZh  string `json:"sourceZh"`
	SourceEn  string `json:"sourceEn"`
	SourceURL string `json:"sourceUrl"`
}

var figureMetrics = enumValues(migrate.FiguresColumns, figure.FieldMetric)

// FigureSlug is the slug a figure without one gets.
func FigureSlug(brandSlug, metric string, period int) string {
	return workers.UndatedSlug(brandSlug, figure.Metric(metric), period)
}

// exportFigures lists every figure by slug, its brand by slug.
func exportFigures(ctx context.Context, client *ent.Client) ([]Figure, error) {
	rows, err := client.Figure.Query().Order(figure.BySlug()).
		WithBrand(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export figures: %w", err)
	}
	out := make([]Figure, 0, len(rows))
	for _, f := range rows {
		rec := Figure{
			Publication: publication(f.Slug, f.Status, f.PublishedAt, f.CreatedAt, f.PublishAt, f.UnpublishAt),
			Metric:      f.Metric.String(), Period: f.Period, Value: f.Value, AsOf: timePtr(f.AsOf),
			SourceZh: f.SourceZh, SourceEn: f.SourceEn, SourceURL: f.SourceURL,
		}
		if b := f.Edges.Brand; b != nil {
			rec.Brand = b.Slug
		}
		out = append(out, rec)
	}
	return out, nil
}

// completeFigureSlugs gives each figure without a slug its derived one,
// before the keys are checked.
func (im *importer) completeFigureSlugs() {
	for i := range im.doc.Figures {
		f := &im.doc.Figures[i]
		if f.Slug == "" && f.Brand != "" && f.Metric != "" && f.Period != 0 {
			f.Slug = FigureSlug(f.Brand, f.Metric, f.Period)
		}
	}
}

// validateFigures checks the file's figures; inBrands are the brand slugs
// in the same file.
func (im *importer) validateFigures(inBrands map[string]bool) {
	seen := map[string]int{}
	for i := range im.doc.Figures {
		f := &im.doc.Figures[i]
		c := checker{im, "figures", i, f.Slug}
		c.publication(&f.Publication)
		c.required("sourceZh", f.SourceZh)
		c.enum("metric", &f.Metric, figureMetrics, false)
		if f.Period == 0 {
			c.bad("period", "is required")
		}
		c.ref("brand", "brand", f.Brand, im.ids.brands, inBrands, false)
		key := fmt.Sprint(f.Brand, "/", f.Metric, "/", f.Period)
		if j, dup := seen[key]; dup {
			c.bad("period", "the file has this brand's %s for %d twice (also figures[%d])", f.Metric, f.Period, j)
		}
		seen[key] = i
	}
}

// writeFigures upserts the figures, after the brands.
func (im *importer) writeFigures(ctx context.Context) error {
	for i := range im.doc.Figures {
		if im.skip("figures", i) {
			continue
		}
		f := im.doc.Figures[i]
		old, exists := im.old.figures[f.Slug]
		im.complete(&f.Publication, oldPublication(exists, &old.Publication))
		if exists && (im.createOnly || same(old, f)) {
			im.report.Figures.Unchanged++
			continue
		}
		brandID, ok := im.ids.brands[f.Brand]
		if !ok {
			continue // the brand failed to save; that is reported
		}
		var (
			row *ent.Figure
			err error
		)
		if exists {
			u := im.tx.Figure.UpdateOneID(im.ids.figures[f.Slug])
			setFigure(u.Mutation(), &f, brandID)
			if im.invalidFields("figures", i, f.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Figure.Create().SetSlug(f.Slug).SetNillableCreatedAt(f.CreatedAt.std())
			setFigure(c.Mutation(), &f, brandID)
			if im.invalidFields("figures", i, f.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("figures", i, f.Slug, err)
		if err != nil {
			return err
		}
		if written {
			im.ids.figures[f.Slug] = row.ID
			count(&im.report.Figures, exists)
		}
	}
	return nil
}

// setFigure sets the columns a figure's create and update share.
func setFigure(m *ent.FigureMutation, f *Figure, brandID int) {
	setPublication(m, &f.Publication)
	m.SetMetric(figure.Metric(f.Metric))
	m.SetPeriod(f.Period)
	m.SetValue(f.Value)
	setOrClear(f.AsOf.std(), m.SetAsOf, m.ClearAsOf)
	m.SetSourceZh(f.SourceZh)
	m.SetSourceEn(f.SourceEn)
	m.SetSourceURL(f.SourceURL)
	m.SetBrandID(brandID)
}

// FigureColumns are the columns a figure spreadsheet may have (a sheet is
// one when its header has metric), in the order docs/editors.md documents
// them: one row per brand, metric and year, as departments report them.
// slug may be left out (the brand, metric and period make it); a new figure
// needs brand, metric, period, value and source_zh. A column that is absent
// leaves an existing figure's field as it is.
var FigureColumns = []RecordColumn[Figure]{
	{"brand", "Slug of the brand (required).", cell(func(f *Figure) *string { return &f.Brand })},
	{"metric", "WORKERS_EMPLOYED, WORKERS_EXPORTED, TRAINED, CERTIFIED, POVERTY_RELIEF_PLACED or RETURNEE_ENTREPRENEURS (required; any case, spaces for _).", enumCell(func(f *Figure) *string { return &f.Metric })},
	{"period", "The year the number is for (required).", intCell(func(f *Figure) *int { return &f.Period })},
	{"value", "The number: a whole number ≥ 0 (1,200 and 1200.0 are read as 1200).", intCell(func(f *Figure) *int { return &f.Value })},
	{"as_of", "The date it stands at (2024-12-31, 2024/12/31 or an Excel date cell); empty when the source gives none.", dateCell(func(f *Figure) **Time { return &f.AsOf })},
	{"source_zh", "Who reports it, in Chinese (required), e.g. 湖北省人力资源和社会保障厅.", cell(func(f *Figure) *string { return &f.SourceZh })},
	{"source_en", "Who reports it, in English.", cell(func(f *Figure) *string { return &f.SourceEn })},
	{"source_url", "Where the source publishes it (http or https).", cell(func(f *Figure) *string { return &f.SourceURL })},
	{"slug", "Optional key; empty: brand-metric-period (hongan-dasao-workers-employed-2024).", cell(func(f *Figure) *string { return &f.Slug })},
	{"status", "DRAFT or PUBLISHED; empty keeps an existing figure's status and makes a new one a DRAFT.", statusRule(func(f *Figure) *Publication { return &f.Publication })},
}

// figuresFromSheet turns rows into figure records. A row's key is its slug,
// or the brand, metric and period it names; a row whose key exists starts
// from the figure as it is, so only the sheet's columns change.
func (im *importer) figuresFromSheet(sh *sheet) []Figure {
	// First pass: the key of each row, from its own cells.
	keys := recordsFromSheet(&importer{where: func(string, int, string, string) string { return "" }}, sh, "figures", FigureColumns, func(string) Figure { return Figure{} })
	rowKey := 0
	return recordsFromSheet(im, sh, "figures", FigureColumns, func(slug string) Figure {
		k := keys[rowKey]
		rowKey++
		if slug == "" && k.Brand != "" && k.Metric != "" && k.Period != 0 {
			slug = FigureSlug(k.Brand, k.Metric, k.Period)
		}
		if old, ok := im.old.figures[slug]; ok {
			return old
		}
		return Figure{Publication: Publication{Slug: slug}}
	})
}

// writeBrandWorkers writes a brand record's workersEmployed and
// workersExported, after the figures. The columns are derived from the
// brand's figures (ent/workers), so a file that has figures of a metric for
// the brand decides the number with them, and the record's value is not
// written (an export's value is the latest of those figures anyway). A
// record whose file has no figure of the metric for it, such as a file
// written before figures existed, sets the number as the brand's undated
// figure of the current year (workers.SetUndated), when it differs from the
// brand's current number.
func (im *importer) writeBrandWorkers(ctx context.Context) error {
	inFile := im.figuresInFile()
	for i := range im.doc.Brands {
		b := im.doc.Brands[i]
		id, ok := im.ids.brands[b.Slug]
		if im.skip("brands", i) || !ok {
			continue
		}
		old, exists := im.old.brands[b.Slug]
		for _, col := range workers.Columns {
			value, current := b.WorkersEmployed, old.WorkersEmployed
			if col.Metric == figure.MetricWORKERS_EXPORTED {
				value, current = b.WorkersExported, old.WorkersExported
			}
			if !exists {
				current = 0
			}
			if inFile[b.Slug+" "+string(col.Metric)] || value == current || im.createOnly && exists {
				continue
			}
			err := workers.SetUndated(ctx, im.tx.Client(), id, col, value)
			if _, err := im.saved("brands", i, b.Slug, err); err != nil {
				return err
			}
		}
	}
	return nil
}

// figuresInFile tells which brands the file has figures of which metric
// for ("slug METRIC").
func (im *importer) figuresInFile() map[string]bool {
	if im.brandMetrics == nil {
		im.brandMetrics = map[string]bool{}
		for _, f := range im.doc.Figures {
			im.brandMetrics[f.Brand+" "+f.Metric] = true
		}
	}
	return im.brandMetrics
}
