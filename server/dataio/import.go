package dataio

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"brandshow/ent"
	"brandshow/ent/alliance"
	"brandshow/ent/auditlog"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/event"
	"brandshow/ent/figure"
	"brandshow/ent/mediacoverage"
	"brandshow/ent/migrate"
	"brandshow/ent/recognition"
	"brandshow/ent/region"
	"brandshow/ent/rolemodel"
	"brandshow/ent/schematype"
	"brandshow/ent/venue"
	"brandshow/ent/visibility"
)

// Source is what an import reads: a JSON document, or rows of a brand
// spreadsheet that become brand upserts.
type Source struct {
	// Name is the file name, used in the audit log's actor.
	Name  string
	doc   *Document
	sheet *sheet
	// unknown holds the document's unknown keys; Import reports them with
	// the problems it finds, and writes nothing.
	unknown Problems
}

// ReadFile reads a file by its extension: .json, .csv or .xlsx.
func ReadFile(path string) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return ReadJSON(name, f)
	case ".csv":
		return ReadCSV(name, f)
	case ".xlsx":
		return ReadXLSX(name, f)
	}
	return nil, fmt.Errorf("%s: unknown format; use .json, .csv or .xlsx", name)
}

// ReadJSON reads a document in the format Export writes. Unknown keys are
// refused, so a misspelt field is not silently dropped: every one is
// reported with its path (brands[3].regon), together with the other
// problems the import finds (Import), as a spreadsheet's are.
func ReadJSON(name string, r io.Reader) (*Source, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		where := name
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			// Not JSON: nothing more can be said about it.
			where = fmt.Sprintf("%s: line %d", name, 1+bytes.Count(data[:se.Offset], []byte("\n")))
			return nil, Problems{{Where: where, Message: err.Error()}}
		case errors.As(err, &te):
			where = fmt.Sprintf("%s: line %d, %s", name, 1+bytes.Count(data[:te.Offset], []byte("\n")), te.Field)
		}
		return nil, append(unknownKeys(data, reflect.TypeFor[Document]()), Problem{Where: where, Message: err.Error()})
	}
	if doc.Format != "" && doc.Format != FormatVersion {
		return nil, Problems{{Where: name + ": format", Message: fmt.Sprintf("%q is not %q", doc.Format, FormatVersion)}}
	}
	return &Source{Name: name, doc: &doc, unknown: unknownKeys(data, reflect.TypeFor[Document]())}, nil
}

// DocumentSource is a source for a document already in memory; Import
// may fill its defaults (a missing status), so pass a copy to keep one.
func DocumentSource(name string, doc *Document) *Source {
	return &Source{Name: name, doc: doc}
}

// Options of an import.
type Options struct {
	// DryRun validates and writes everything inside the transaction, then
	// rolls back: the report says what would change, and nothing does.
	DryRun bool
	// CreateOnly creates the records whose key is not in the database and
	// leaves the others exactly as they are (counted as unchanged), so an
	// editor's changes to them are kept. The bundled demo content loads so.
	CreateOnly bool
}

// Counts is what an import did to one collection.
type Counts struct {
	Created, Updated, Unchanged int
}

// Report is what an import did (or, in a dry run, would do).
type Report struct {
	DryRun                                                                                                    bool
	Regions, Brands, RoleModels, Enterprises, Alliances, Venues, MediaCoverage, Events, Recognitions, Figures Counts
}

// Lines is the report as text, one line per collection that the input had.
func (r Report) Lines() []string {
	var out []string
	for _, c := range []struct {
		name string
		c    Counts
	}{
		{"regions", r.Regions}, {"brands", r.Brands}, {"role models", r.RoleModels},
		{"enterprises", r.Enterprises}, {"alliances", r.Alliances}, {"venues", r.Venues},
		{"media coverage", r.MediaCoverage}, {"events", r.Events}, {"recognitions", r.Recognitions}, {"figures", r.Figures},
	} {
		if c.c != (Counts{}) {
			out = append(out, fmt.Sprintf("%s: %d created, %d updated, %d unchanged", c.name, c.c.Created, c.c.Updated, c.c.Unchanged))
		}
	}
	if len(out) == 0 {
		out = append(out, "nothing to import")
	}
	if r.DryRun {
		out = append(out, "dry run: nothing was written")
	}
	return out
}

// ImportFile reads a file (see ReadFile) and imports it, audited as
// "import:<file name>".
func ImportFile(ctx context.Context, client *ent.Client, path string, opts Options) (Report, error) {
	src, err := ReadFile(path)
	if err != nil {
		return Report{DryRun: opts.DryRun}, err
	}
	return Import(auditlog.WithActor(ctx, "import:"+src.Name), client, src, opts)
}

// Import upserts the source's records by slug (regions by code) in one
// transaction. Every record is validated before anything is written, and
// ent's validators run on every write; all problems are collected, and if
// there is any the transaction is rolled back and Import returns them as
// Problems. The links a record lists replace its current ones. The context
// sees drafts; its writes obey the privacy rules of the context (the import
// command runs with visibility.WithSystem); name the actor with
// auditlog.WithActor to have the changes audited (ImportFile does).
func Import(ctx context.Context, client *ent.Client, src *Source, opts Options) (rep Report, err error) {
	ctx = visibility.WithDrafts(ctx)
	tx, err := client.Tx(ctx)
	if err != nil {
		return Report{}, fmt.Errorf("import: %w", err)
	}
	defer func() {
		if err != nil || opts.DryRun {
			if rerr := tx.Rollback(); rerr != nil && err == nil {
				err = fmt.Errorf("import: rollback: %w", rerr)
			}
			return
		}
		if cerr := tx.Commit(); cerr != nil {
			err = fmt.Errorf("import: commit: %w", cerr)
		}
	}()
	im := &importer{tx: tx, now: time.Now().UTC(), createOnly: opts.CreateOnly, report: Report{DryRun: opts.DryRun}}
	if err := im.load(ctx); err != nil {
		return Report{}, fmt.Errorf("import: %w", err)
	}
	switch {
	case src.doc != nil:
		im.doc, im.where = src.doc, jsonLocator
		im.problems = append(im.problems, src.unknown...)
	case src.sheet != nil:
		im.doc, im.where = &Document{}, sheetLocator(src.sheet.lines)
		switch src.sheet.kind {
		case "events":
			im.doc.Events = im.eventsFromSheet(src.sheet)
		case "recognitions":
			im.doc.Recognitions = im.recognitionsFromSheet(src.sheet)
		case "figures":
			im.doc.Figures = im.figuresFromSheet(src.sheet)
		default:
			im.doc.Brands = im.brandsFromSheet(src.sheet)
		}
	}
	// Records with problems are skipped, the others written, so that ent's
	// validators report on them too; any problem rolls everything back.
	im.validate()
	if err := im.write(ctx); err != nil {
		return im.report, fmt.Errorf("import: %w", err)
	}
	if len(im.problems) > 0 {
		return im.report, im.problems
	}
	return im.report, nil
}

type importer struct {
	tx         *ent.Tx
	now        time.Time
	createOnly bool // see Options.CreateOnly
	doc        *Document
	// brandMetrics caches figuresInFile.
	brandMetrics map[string]bool
	where        locator
	problems     Problems
	bad          map[string]bool // "collection/index" of records with problems
	report       Report

	// The content before the import, as exported inside the transaction.
	old struct {
		regions      map[string]Region
		brands       map[string]Brand
		roleModels   map[string]RoleModel
		enterprises  map[string]Enterprise
		alliances    map[string]Alliance
		venues       map[string]Venue
		coverage     map[string]MediaCoverage
		events       map[string]Event
		recognitions map[string]Recognition
		figures      map[string]Figure
	}
	// Key → ID, of rows before the import and of rows it creates.
	ids struct {
		regions, brands, roleModels, enterprises, alliances, venues, coverage, events, recognitions, figures map[string]int
	}
}

func (im *importer) problem(collection string, i int, key, field, format string, args ...any) {
	if im.bad == nil {
		im.bad = map[string]bool{}
	}
	im.bad[fmt.Sprint(collection, "/", i)] = true
	im.problems = append(im.problems, Problem{Where: im.where(collection, i, key, field), Message: fmt.Sprintf(format, args...)})
}

// load reads the current content and the IDs of every key.
func (im *importer) load(ctx context.Context) error {
	c := im.tx.Client()
	old, err := Export(ctx, c)
	if err != nil {
		return err
	}
	im.old.regions = keyed(old.Regions, func(r Region) string { return r.Code })
	im.old.brands = keyed(old.Brands, func(r Brand) string { return r.Slug })
	im.old.roleModels = keyed(old.RoleModels, func(r RoleModel) string { return r.Slug })
	im.old.enterprises = keyed(old.Enterprises, func(r Enterprise) string { return r.Slug })
	im.old.alliances = keyed(old.Alliances, func(r Alliance) string { return r.Slug })
	im.old.venues = keyed(old.Venues, func(r Venue) string { return r.Slug })
	im.old.coverage = keyed(old.MediaCoverage, func(r MediaCoverage) string { return r.Slug })
	im.old.events = keyed(old.Events, func(r Event) string { return r.Slug })
	im.old.recognitions = keyed(old.Recognitions, func(r Recognition) string { return r.Slug })
	im.old.figures = keyed(old.Figures, func(r Figure) string { return r.Slug })
	queries := []struct {
		m   *map[string]int
		sel interface {
			Scan(context.Context, any) error
		}
	}{
		{&im.ids.regions, c.Region.Query().Select(region.FieldID, region.FieldCode)},
		{&im.ids.brands, c.Brand.Query().Select(brand.FieldID, brand.FieldSlug)},
		{&im.ids.roleModels, c.RoleModel.Query().Select(rolemodel.FieldID, rolemodel.FieldSlug)},
		{&im.ids.enterprises, c.Enterprise.Query().Select(enterprise.FieldID, enterprise.FieldSlug)},
		{&im.ids.alliances, c.Alliance.Query().Select(alliance.FieldID, alliance.FieldSlug)},
		{&im.ids.venues, c.Venue.Query().Select(venue.FieldID, venue.FieldSlug)},
		{&im.ids.coverage, c.MediaCoverage.Query().Select(mediacoverage.FieldID, mediacoverage.FieldSlug)},
		{&im.ids.events, c.Event.Query().Select(event.FieldID, event.FieldSlug)},
		{&im.ids.recognitions, c.Recognition.Query().Select(recognition.FieldID, recognition.FieldSlug)},
		{&im.ids.figures, c.Figure.Query().Select(figure.FieldID, figure.FieldSlug)},
	}
	for _, q := range queries {
		var rows []struct {
			ID   int    `json:"id"`
			Slug string `json:"slug"`
			Code string `json:"code"`
		}
		if err := q.sel.Scan(ctx, &rows); err != nil {
			return err
		}
		*q.m = make(map[string]int, len(rows))
		for _, r := range rows {
			(*q.m)[r.Slug+r.Code] = r.ID
		}
	}
	return nil
}

// skip reports whether a record had a problem and must not be written.
func (im *importer) skip(collection string, i int) bool {
	return im.bad[fmt.Sprint(collection, "/", i)]
}

func keyed[T any](items []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

// Enum values, from ent's generated schema.
var (
	regionLevels     = enumValues(migrate.RegionsColumns, region.FieldLevel)
	brandCategories  = enumValues(migrate.BrandsColumns, brand.FieldCategory)
	brandLevels      = enumValues(migrate.BrandsColumns, brand.FieldLevel)
	creditRatings    = enumValues(migrate.BrandsColumns, brand.FieldCreditRating)
	roleModelKinds   = enumValues(migrate.RoleModelsColumns, rolemodel.FieldKind)
	allianceScopes   = enumValues(migrate.AlliancesColumns, alliance.FieldScope)
	venueKinds       = enumValues(migrate.VenuesColumns, venue.FieldKind)
	coverageMedia    = enumValues(migrate.MediaCoveragesColumns, mediacoverage.FieldMedium)
	eventKinds       = enumValues(migrate.EventsColumns, event.FieldKind)
	publicationKinds = schematype.Status("").Values()
)

// checker validates one record; its methods report problems at that record.
type checker struct {
	im         *importer
	collection string
	i          int
	key        string
}

func (c checker) bad(field, format string, args ...any) {
	c.im.problem(c.collection, c.i, c.key, field, format, args...)
}

func (c checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.bad(field, "is required")
	}
}

// enum checks an enum value after normalizeEnum, which it applies in
// place: JSON files and spreadsheets share this one spelling rule, so
// "quality service" is QUALITY_SERVICE in every format.
func (c checker) enum(field string, value *string, values []string, optional bool) {
	*value = normalizeEnum(*value)
	if *value == "" && optional {
		return
	}
	if *value == "" {
		c.bad(field, "is required (one of %s)", strings.Join(values, ", "))
		return
	}
	if !slices.Contains(values, *value) {
		c.bad(field, "%q is not one of %s", *value, strings.Join(values, ", "))
	}
}

// normalizeEnum lets people type enum names as they like: "quality service",
// "Quality-Service", " quality_service " and "QUALITY_SERVICE" are the same.
func normalizeEnum(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(v)
}

// ref checks a reference: it must name an item in the database or in the file.
func (c checker) ref(field, what, key string, db map[string]int, file map[string]bool, optional bool) {
	if key == "" {
		if !optional {
			c.bad(field, "is required")
		}
		return
	}
	if _, ok := db[key]; !ok && !file[key] {
		c.bad(field, "unknown %s %s", what, key)
	}
}

func (c checker) refs(field, what string, keys []string, db map[string]int, file map[string]bool) {
	for _, k := range keys {
		c.ref(field, what, k, db, file, false)
	}
}

func (c checker) publication(p *Publication) {
	if p.Status == "" {
		p.Status = schematype.StatusDraft
	}
	status := string(p.Status)
	c.enum("status", &status, publicationKinds, false)
	p.Status = schematype.Status(status)
}

// keys lists the keys of a collection, reporting empty and repeated ones.
func keys[T any](im *importer, collection string, items []T, key func(T) string) map[string]bool {
	seen := make(map[string]bool, len(items))
	field := "slug"
	if collection == "regions" {
		field = "code"
	}
	for i, it := range items {
		k := key(it)
		switch {
		case k == "":
			im.problem(collection, i, "", field, "is required")
		case seen[k]:
			im.problem(collection, i, k, field, "%s appears more than once in the file", k)
		}
		seen[k] = true
	}
	return seen
}

// validate checks every record before anything is written: required fields,
// enum values, and references to items in the database or in the file.
func (im *importer) validate() {
	d := im.doc
	inRegions := keys(im, "regions", d.Regions, func(r Region) string { return r.Code })
	inBrands := keys(im, "brands", d.Brands, func(r Brand) string { return r.Slug })
	inPeople := keys(im, "roleModels", d.RoleModels, func(r RoleModel) string { return r.Slug })
	inEnterprises := keys(im, "enterprises", d.Enterprises, func(r Enterprise) string { return r.Slug })
	keys(im, "alliances", d.Alliances, func(r Alliance) string { return r.Slug })
	inVenues := keys(im, "venues", d.Venues, func(r Venue) string { return r.Slug })
	inCoverage := keys(im, "mediaCoverage", d.MediaCoverage, func(r MediaCoverage) string { return r.Slug })
	keys(im, "events", d.Events, func(r Event) string { return r.Slug })
	keys(im, "recognitions", d.Recognitions, func(r Recognition) string { return r.Slug })
	im.completeFigureSlugs()
	keys(im, "figures", d.Figures, func(r Figure) string { return r.Slug })

	for i := range d.Regions {
		r := &d.Regions[i]
		c := checker{im, "regions", i, r.Code}
		c.required("nameZh", r.NameZh)
		c.enum("level", &r.Level, regionLevels, false)
		if r.ParentCode == r.Code && r.Code != "" {
			c.bad("parentCode", "a region cannot be its own parent")
		} else {
			c.ref("parentCode", "region", r.ParentCode, im.ids.regions, inRegions, true)
		}
	}
	if _, cyclic := im.regionOrder(); len(cyclic) > 0 {
		for _, i := range cyclic {
			im.problem("regions", i, d.Regions[i].Code, "parentCode", "parents form a cycle")
		}
	}
	for i := range d.Brands {
		b := &d.Brands[i]
		c := checker{im, "brands", i, b.Slug}
		c.publication(&b.Publication)
		c.required("nameZh", b.NameZh)
		c.ref("regionCode", "region", b.RegionCode, im.ids.regions, inRegions, false)
		c.enum("category", &b.Category, brandCategories, false)
		c.enum("level", &b.Level, brandLevels, false)
		c.enum("creditRating", &b.CreditRating, creditRatings, true)
		c.refs("roleModels", "role model", b.RoleModels, im.ids.roleModels, inPeople)
	}
	for i := range d.RoleModels {
		p := &d.RoleModels[i]
		c := checker{im, "roleModels", i, p.Slug}
		c.publication(&p.Publication)
		c.required("nameZh", p.NameZh)
		c.enum("kind", &p.Kind, roleModelKinds, false)
		c.ref("regionCode", "region", p.RegionCode, im.ids.regions, inRegions, true)
	}
	for i := range d.Enterprises {
		e := &d.Enterprises[i]
		c := checker{im, "enterprises", i, e.Slug}
		c.publication(&e.Publication)
		c.required("nameZh", e.NameZh)
		c.ref("regionCode", "region", e.RegionCode, im.ids.regions, inRegions, true)
		c.refs("brands", "brand", e.Brands, im.ids.brands, inBrands)
	}
	for i := range d.Alliances {
		a := &d.Alliances[i]
		c := checker{im, "alliances", i, a.Slug}
		c.publication(&a.Publication)
		c.required("nameZh", a.NameZh)
		c.enum("scope", &a.Scope, allianceScopes, false)
		c.ref("leadEnterprise", "enterprise", a.LeadEnterprise, im.ids.enterprises, inEnterprises, true)
		c.refs("brands", "brand", a.Brands, im.ids.brands, inBrands)
	}
	for i := range d.Venues {
		v := &d.Venues[i]
		c := checker{im, "venues", i, v.Slug}
		c.publication(&v.Publication)
		c.required("nameZh", v.NameZh)
		c.enum("kind", &v.Kind, venueKinds, false)
		c.ref("regionCode", "region", v.RegionCode, im.ids.regions, inRegions, false)
		c.refs("brands", "brand", v.Brands, im.ids.brands, inBrands)
	}
	for i := range d.MediaCoverage {
		m := &d.MediaCoverage[i]
		c := checker{im, "mediaCoverage", i, m.Slug}
		c.publication(&m.Publication)
		c.required("titleZh", m.TitleZh)
		c.required("outlet", m.Outlet)
		c.enum("medium", &m.Medium, coverageMedia, false)
		if m.PublishedOn.IsZero() {
			c.bad("publishedOn", "is required")
		}
		c.refs("brands", "brand", m.Brands, im.ids.brands, inBrands)
		c.refs("roleModels", "role model", m.RoleModels, im.ids.roleModels, inPeople)
	}
	for i := range d.Events {
		e := &d.Events[i]
		c := checker{im, "events", i, e.Slug}
		c.publication(&e.Publication)
		c.required("titleZh", e.TitleZh)
		c.enum("kind", &e.Kind, eventKinds, false)
		if e.StartsAt.IsZero() {
			c.bad("startsAt", "is required")
		} else if e.EndsAt != nil && e.EndsAt.Before(e.StartsAt.Time) {
			c.bad("endsAt", "is before startsAt")
		}
		if (e.Latitude == nil) != (e.Longitude == nil) {
			c.bad("longitude", "latitude and longitude come together")
		}
		c.ref("regionCode", "region", e.RegionCode, im.ids.regions, inRegions, false)
		c.ref("venue", "venue", e.Venue, im.ids.venues, inVenues, true)
		c.refs("brands", "brand", e.Brands, im.ids.brands, inBrands)
		c.refs("roleModels", "role model", e.RoleModels, im.ids.roleModels, inPeople)
		c.refs("mediaCoverage", "media coverage", e.MediaCoverage, im.ids.coverage, inCoverage)
	}
	im.validateRecognitions(inBrands, inPeople, inEnterprises, inVenues)
	im.validateFigures(inBrands)
}

// regionOrder returns the indexes of the file's regions, parents first, and
// those whose parents form a cycle.
func (im *importer) regionOrder() (order, cyclic []int) {
	rs := im.doc.Regions
	index := make(map[string]int, len(rs))
	for i, r := range rs {
		index[r.Code] = i
	}
	state := make([]int, len(rs)) // 0 new, 1 visiting, 2 done, 3 cyclic
	var visit func(i int) bool
	visit = func(i int) bool {
		switch state[i] {
		case 1, 3:
			return false
		case 2:
			return true
		}
		state[i] = 1
		ok := true
		if p, inFile := index[rs[i].ParentCode]; inFile && rs[i].ParentCode != rs[i].Code {
			ok = visit(p)
		}
		if !ok {
			state[i] = 3
			cyclic = append(cyclic, i)
			return false
		}
		state[i] = 2
		order = append(order, i)
		return true
	}
	for i := range rs {
		visit(i)
	}
	return order, cyclic
}
