// Package seed loads the bundled demo content: Hubei's regions and a sample
// of brands, people, enterprises, alliances, venues and coverage. The people,
// enterprises, outlets and reports are fictional and marked as samples; the
// regions and their codes are real.
//
// The demo content is data, not code: demo.json is a document in the format
// of `server export`, embedded in the binary and written through
// dataio.Import, the path editors' imports take. Its items carry no creation
// or publication times, so a load dates them as it writes them, as before.
// To change the demo content, edit demo.json (or load it, edit in the
// showcase, `server export` and drop the two times), then run this
// package's tests.
//
// The regions in demo.json are generated, not typed: every division of
// Hubei with its GB/T 2260 code, from a packaged source, by
// server/tools/regiongen (the go:generate line below). LoadRegions loads
// them alone (`server regions`).
//
// Synthetic content for benchmarks is generated in synthetic.go.
package seed

//go:generate go run ../tools/regiongen -source ../tools/regiongen/source/hubei.csv -demo demo.json

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"

	_ "embed"

	"brandshow/ent"
	"brandshow/ent/visibility"
	"brandshow/server/dataio"
)

//go:embed demo.json
var demoJSON []byte

// DemoJSON is the bundled demo file, in the format of `server export`.
func DemoJSON() []byte { return bytes.Clone(demoJSON) }

// Demo parses the bundled demo file. Each call returns a new document, so
// the caller may change it.
func Demo() *dataio.Document {
	dec := json.NewDecoder(bytes.NewReader(demoJSON))
	dec.DisallowUnknownFields()
	var doc dataio.Document
	if err := dec.Decode(&doc); err != nil {
		// The file is part of the binary and its tests load it.
		panic(fmt.Sprintf("seed: demo.json: %v", err))
	}
	return &doc
}

// demo is the parsed file the accessors below share; they return copies
// of its lists.
var demo = sync.OnceValue(Demo)

// BrandSeed is a demo brand, with whether it is a draft spelled out.
type BrandSeed struct {
	dataio.Brand
	Draft bool
}

// RoleModelSeed is a demo person (fictional), with whether it is a draft
// spelled out.
type RoleModelSeed struct {
	dataio.RoleModel
	Draft bool
}

// DemoRegions lists the regions: the province, its 17 prefecture-level
// divisions and every county-level division (real GB/T 2260 codes,
// generated from a packaged source, see server/tools/regiongen).
func DemoRegions() []dataio.Region { return clone(demo().Regions) }

// DemoBrands lists the demo brands, drafts included, by slug.
func DemoBrands() []BrandSeed {
	var out []BrandSeed
	for _, b := range demo().Brands {
		out = append(out, BrandSeed{Brand: b, Draft: isDraft(b.Publication)})
	}
	return out
}

// DemoRoleModels lists the demo people, drafts included, by slug.
func DemoRoleModels() []RoleModelSeed {
	var out []RoleModelSeed
	for _, p := range demo().RoleModels {
		out = append(out, RoleModelSeed{RoleModel: p, Draft: isDraft(p.Publication)})
	}
	return out
}

// DemoEnterprises lists the demo enterprises by slug.
func DemoEnterprises() []dataio.Enterprise { return clone(demo().Enterprises) }

// DemoAlliances lists the demo alliances by slug.
func DemoAlliances() []dataio.Alliance { return clone(demo().Alliances) }

// DemoVenues lists the demo venues by slug.
func DemoVenues() []dataio.Venue { return clone(demo().Venues) }

// DemoCoverage lists the demo reports by slug.
func DemoCoverage() []dataio.MediaCoverage { return clone(demo().MediaCoverage) }

// DemoEvents lists the demo events (fictional, drafts included) by slug.
func DemoEvents() []dataio.Event { return clone(demo().Events) }

// DemoRecognitions lists the demo recognitions (document numbers are
// fictional; drafts included) by slug.
func DemoRecognitions() []dataio.Recognition { return clone(demo().Recognitions) }

// DemoFigures lists the demo figures (fictional: three years per brand,
// the latest equal to the brand's workersEmployed and workersExported) by
// slug.
func DemoFigures() []dataio.Figure { return clone(demo().Figures) }

func clone[T any](s []T) []T { return append([]T(nil), s...) }

// isDraft reads a status as the import does: absent means DRAFT.
func isDraft(p dataio.Publication) bool { return p.Status != "PUBLISHED" }

// Result counts what a load created.
type Result struct {
	Regions, Brands, RoleModels, Enterprises, Alliances, Venues, Coverage, Events, Recognitions, Figures int
}

// Total is the number of rows created.
func (r Result) Total() int {
	return r.Regions + r.Brands + r.RoleModels + r.Enterprises + r.Alliances + r.Venues + r.Coverage + r.Events + r.Recognitions + r.Figures
}

func created(rep dataio.Report) Result {
	return Result{
		Regions: rep.Regions.Created, Brands: rep.Brands.Created, RoleModels: rep.RoleModels.Created,
		Enterprises: rep.Enterprises.Created, Alliances: rep.Alliances.Created, Venues: rep.Venues.Created,
		Coverage: rep.MediaCoverage.Created, Events: rep.Events.Created, Recognitions: rep.Recognitions.Created, Figures: rep.Figures.Created,
	}
}

// LoadDemo imports the demo content in one transaction through
// dataio.Import. It only creates what is missing (by region code and
// slug), so loading twice changes nothing and never overwrites an editor's
// changes. It is not audited: nobody made the change.
func LoadDemo(ctx context.Context, client *ent.Client) (Result, error) {
	return load(ctx, client, Demo())
}

// LoadRegions creates the regions that are missing, and nothing else: an
// editor who loads content of their own into an empty database needs the
// regions it refers to (`server regions`).
func LoadRegions(ctx context.Context, client *ent.Client) (Result, error) {
	return load(ctx, client, &dataio.Document{Format: dataio.FormatVersion, Regions: Demo().Regions})
}

func load(ctx context.Context, client *ent.Client, doc *dataio.Document) (Result, error) {
	// The server's own content, written as the system (see visibility.WithSystem).
	ctx = visibility.WithSystem(ctx)
	rep, err := dataio.Import(ctx, client, dataio.DocumentSource("demo.json", doc), dataio.Options{CreateOnly: true})
	if err != nil {
		return Result{}, fmt.Errorf("seed: %w", err)
	}
	return created(rep), nil
}
