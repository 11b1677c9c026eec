package dataio

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"

	"brandshow/ent"
	"brandshow/ent/schematype"
)

// write upserts the validated records: regions (parents first), then role
// models, brands, enterprises, alliances, venues, coverage and events, so that
// every link points at a row that exists already. A record equal to what
// the database holds is not written at all (no audit entry, no new
// updatedAt).
func (im *importer) write(ctx context.Context) error {
	steps := []func(context.Context) error{
		im.writeRegions, im.writeRoleModels, im.writeBrands, im.writeEnterprises,
		im.writeAlliances, im.writeVenues, im.writeCoverage, im.writeEvents,
		im.writeRecognitions, im.writeFigures, im.writeBrandWorkers,
	}
	for _, step := range steps {
		if err := step(ctx); errors.Is(err, errConflict) {
			return nil // reported as a problem: nothing is written
		} else if err != nil {
			return err
		}
	}
	return nil
}

// saved handles the result of one write: a field validation failure becomes
// a problem at the record and the import goes on (the write never reached
// the database). A unique or foreign-key violation (two figures of one
// brand, metric and year; a slug another record took) becomes a problem at
// the record too, but stops the writing: on PostgreSQL the transaction is
// spent, and nothing is written anyway. Anything else stops the import.
func (im *importer) saved(collection string, i int, key string, err error) (ok bool, fatal error) {
	if err == nil {
		return true, nil
	}
	if field, reason, isField := invalidField(err); isField {
		im.problem(collection, i, key, field, "%s", reason)
		return false, nil
	}
	if ent.IsConstraintError(err) {
		msg, ok := conflictMessage[collection]
		if !ok {
			msg = "conflicts with another item: a unique value (its slug) is taken"
		}
		im.problem(collection, i, key, "", "%s", msg)
		return false, errConflict
	}
	return false, err
}

// errConflict stops the writing after a constraint violation, which is
// reported as a problem at its record.
var errConflict = errors.New("dataio: a record conflicts with another")

// conflictMessage says, per collection, which unique keys a record can
// collide on; the database's own message (table and column names) is not
// shown.
var conflictMessage = map[string]string{
	"figures":      "conflicts with another figure: a brand has one figure per metric and period (year), and slugs are unique",
	"recognitions": "conflicts with another recognition: slugs are unique",
	"regions":      "conflicts with another region: codes are unique",
}

// same reports whether two records have the same content.
func same(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// complete fills what a record leaves to the database: a missing status is
// DRAFT; creation time and, when absent, publication time stay as they are;
// a new publication is dated now; absent link lists keep the current links.
func (im *importer) complete(p *Publication, old *Publication) {
	if p.Status == "" {
		p.Status = schematype.StatusDraft
	}
	if old != nil {
		p.CreatedAt = old.CreatedAt
		if p.PublishedAt == nil {
			p.PublishedAt = old.PublishedAt
		}
	}
	if p.PublishedAt == nil && p.Status == schematype.StatusPublished {
		t := NewTime(im.now)
		p.PublishedAt = &t
	}
}

func keepLinks(links *[]string, old []string) {
	if *links == nil {
		*links = old
		return
	}
	s := slices.Clone(*links)
	slices.Sort(s)
	*links = slices.Compact(s)
}

// linkDiff returns the IDs to add and remove to go from old to want. Keys
// without an ID belong to records that failed validation (already reported).
func linkDiff(old, want []string, ids map[string]int) (add, remove []int) {
	for _, k := range want {
		if id, ok := ids[k]; ok && !slices.Contains(old, k) {
			add = append(add, id)
		}
	}
	for _, k := range old {
		if id, ok := ids[k]; ok && !slices.Contains(want, k) {
			remove = append(remove, id)
		}
	}
	return add, remove
}

func (im *importer) optRegion(code string) *int {
	if code == "" {
		return nil
	}
	if id, ok := im.ids.regions[code]; ok {
		return &id
	}
	return nil
}

func count(c *Counts, exists bool) {
	if exists {
		c.Updated++
	} else {
		c.Created++
	}
}
