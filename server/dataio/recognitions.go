package dataio

import (
	"context"
	"fmt"

	"brandshow/ent"
	"brandshow/ent/brand"
	"brandshow/ent/enterprise"
	"brandshow/ent/migrate"
	"brandshow/ent/recognition"
	"brandshow/ent/rolemodel"
	"brandshow/ent/venue"
)

// Recognition is an official recognition of exactly one item: one of
// Brand, RoleModel, Enterprise and Venue names it by slug, the others are
// "". Year is the year it was issued; EndedOn (a date) and EndReason
// (WITHDRAWN or EXPIRED) come together, both empty while it stands.
type Recognition struct {
	Publication
	TitleZh        string `json:"titleZh"`
	TitleEn        string `json:"titleEn"`
	Level          string `json:"level"` // COUNTY, PREFECTURE, PROVINCIAL or NATIONAL
	IssuerZh       string `json:"issuerZh"`
	IssuerEn       string `json:"issuerEn"`
	Year           int    `json:"year"`
	DocumentNumber string `json:"documentNumber"`
	Batch          string `json:"batch"`
	EndedOn        *Time  `json:"endedOn"`
	EndReason      string `json:"endReason"` // "" while it stands
	SourceURL      string `json:"sourceUrl"`
	Brand          string `json:"brand"`
	RoleModel      string `json:"roleModel"`
	Enterprise     string `json:"enterprise"`
	Venue          string `json:"venue"`
}

var (
	recognitionLevels     = enumValues(migrate.RecognitionsColumns, recognition.FieldLevel)
	recognitionEndReasons = enumValues(migrate.RecognitionsColumns, recognition.FieldEndReason)
)

// exportRecognitions lists every recognition by slug, its owner by slug.
func exportRecognitions(ctx context.Context, client *ent.Client) ([]Recognition, error) {
	rows, err := client.Recognition.Query().Order(recognition.BySlug()).
		WithBrand(func(q *ent.BrandQuery) { q.Select(brand.FieldSlug) }).
		WithRoleModel(func(q *ent.RoleModelQuery) { q.Select(rolemodel.FieldSlug) }).
		WithEnterprise(func(q *ent.EnterpriseQuery) { q.Select(enterprise.FieldSlug) }).
		WithVenue(func(q *ent.VenueQuery) { q.Select(venue.FieldSlug) }).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("export recognitions: %w", err)
	}
	out := make([]Recognition, 0, len(rows))
	for _, r := range rows {
		rec := Recognition{
			Publication: publication(r.Slug, r.Status, r.PublishedAt, r.CreatedAt, r.PublishAt, r.UnpublishAt),
			TitleZh:     r.TitleZh, TitleEn: r.TitleEn, Level: r.Level.String(), IssuerZh: r.IssuerZh, IssuerEn: r.IssuerEn,
			Year: r.Year, DocumentNumber: r.DocumentNumber, Batch: r.Batch, EndedOn: timePtr(r.EndedOn),
			SourceURL: r.SourceURL,
		}
		if r.EndReason != nil {
			rec.EndReason = r.EndReason.String()
		}
		if b := r.Edges.Brand; b != nil {
			rec.Brand = b.Slug
		}
		if p := r.Edges.RoleModel; p != nil {
			rec.RoleModel = p.Slug
		}
		if e := r.Edges.Enterprise; e != nil {
			rec.Enterprise = e.Slug
		}
		if v := r.Edges.Venue; v != nil {
			rec.Venue = v.Slug
		}
		out = append(out, rec)
	}
	return out, nil
}

// validateRecognitions checks the file's recognitions; in* are the slugs of
// the owners in the same file.
func (im *importer) validateRecognitions(inBrands, inPeople, inEnterprises, inVenues map[string]bool) {
	for i := range im.doc.Recognitions {
		r := &im.doc.Recognitions[i]
		c := checker{im, "recognitions", i, r.Slug}
		c.publication(&r.Publication)
		c.required("titleZh", r.TitleZh)
		c.required("issuerZh", r.IssuerZh)
		c.enum("level", &r.Level, recognitionLevels, false)
		c.enum("endReason", &r.EndReason, recognitionEndReasons, true)
		if r.Year == 0 {
			c.bad("year", "is required")
		}
		if (r.EndedOn == nil) != (r.EndReason == "") {
			c.bad("endReason", "an end date (endedOn) and an end reason (WITHDRAWN or EXPIRED) come together")
		}
		owners := 0
		for _, o := range []string{r.Brand, r.RoleModel, r.Enterprise, r.Venue} {
			if o != "" {
				owners++
			}
		}
		if owners != 1 {
			c.bad("brand", "a recognition names exactly one of brand, roleModel, enterprise or venue (it names %d)", owners)
			continue
		}
		c.ref("brand", "brand", r.Brand, im.ids.brands, inBrands, true)
		c.ref("roleModel", "role model", r.RoleModel, im.ids.roleModels, inPeople, true)
		c.ref("enterprise", "enterprise", r.Enterprise, im.ids.enterprises, inEnterprises, true)
		c.ref("venue", "venue", r.Venue, im.ids.venues, inVenues, true)
	}
}

// writeRecognitions upserts the recognitions, after their owners.
func (im *importer) writeRecognitions(ctx context.Context) error {
	for i := range im.doc.Recognitions {
		if im.skip("recognitions", i) {
			continue
		}
		r := im.doc.Recognitions[i]
		old, exists := im.old.recognitions[r.Slug]
		im.complete(&r.Publication, oldPublication(exists, &old.Publication))
		if exists && (im.createOnly || same(old, r)) {
			im.report.Recognitions.Unchanged++
			continue
		}
		owners, ok := im.recognitionOwners(&r)
		if !ok {
			continue // the owner failed to save; that is reported
		}
		var (
			row *ent.Recognition
			err error
		)
		if exists {
			u := im.tx.Recognition.UpdateOneID(im.ids.recognitions[r.Slug])
			setRecognition(u.Mutation(), &r, owners)
			if im.invalidFields("recognitions", i, r.Slug, u.Mutation()) {
				continue
			}
			row, err = u.Save(ctx)
		} else {
			c := im.tx.Recognition.Create().SetSlug(r.Slug).SetNillableCreatedAt(r.CreatedAt.std())
			setRecognition(c.Mutation(), &r, owners)
			if im.invalidFields("recognitions", i, r.Slug, c.Mutation()) {
				continue
			}
			row, err = c.Save(ctx)
		}
		written, err := im.saved("recognitions", i, r.Slug, err)
		if err != nil {
			return err
		}
		if written {
			im.ids.recognitions[r.Slug] = row.ID
			count(&im.report.Recognitions, exists)
		}
	}
	return nil
}

// recognitionOwners resolves a recognition's owner slugs to the brand,
// role model, enterprise and venue IDs; false when the owner named did not
// save.
func (im *importer) recognitionOwners(r *Recognition) ([4]*int, bool) {
	var owners [4]*int
	for j, o := range []struct {
		slug string
		ids  map[string]int
	}{{r.Brand, im.ids.brands}, {r.RoleModel, im.ids.roleModels}, {r.Enterprise, im.ids.enterprises}, {r.Venue, im.ids.venues}} {
		if o.slug == "" {
			continue
		}
		id, ok := o.ids[o.slug]
		if !ok {
			return owners, false
		}
		owners[j] = &id
	}
	return owners, true
}

// setRecognition sets the columns a recognition's create and update share;
// owners are the brand, role model, enterprise and venue IDs (one set).
func setRecognition(m *ent.RecognitionMutation, r *Recognition, owners [4]*int) {
	setPublication(m, &r.Publication)
	m.SetTitleZh(r.TitleZh)
	m.SetTitleEn(r.TitleEn)
	m.SetLevel(recognition.Level(r.Level))
	m.SetIssuerZh(r.IssuerZh)
	m.SetIssuerEn(r.IssuerEn)
	m.SetYear(r.Year)
	m.SetDocumentNumber(r.DocumentNumber)
	m.SetBatch(r.Batch)
	setOrClear(r.EndedOn.std(), m.SetEndedOn, m.ClearEndedOn)
	var reason *recognition.EndReason
	if r.EndReason != "" {
		v := recognition.EndReason(r.EndReason)
		reason = &v
	}
	setOrClear(reason, m.SetEndReason, m.ClearEndReason)
	m.SetSourceURL(r.SourceURL)
	setOrClear(owners[0], m.SetBrandID, m.ClearBrandID)
	setOrClear(owners[1], m.SetRoleModelID, m.ClearRoleModelID)
	setOrClear(owners[2], m.SetEnterpriseID, m.ClearEnterpriseID)
	setOrClear(owners[3], m.SetVenueID, m.ClearVenueID)
}

// RecognitionColumns are the columns a recognition spreadsheet may have (a
// sheet is one when its header has issuer_zh), in the order docs/editors.md
// documents them. Only slug is mandatory in the header; a new recognition
// also needs title_zh, level, issuer_zh, year and one of brand, role_model,
// enterprise or venue. A column that is absent leaves an existing
// recognition's field as it is.
var RecognitionColumns = []RecordColumn[Recognition]{
	{"slug", "Stable identifier (hongan-dasao-hubei-youxiu-2022). The row updates the recognition with this slug, or creates it.", cell(func(r *Recognition) *string { return &r.Slug })},
	{"title_zh", "Chinese title (required), e.g. 湖北省优秀劳务品牌.", cell(func(r *Recognition) *string { return &r.TitleZh })},
	{"title_en", "English title.", cell(func(r *Recognition) *string { return &r.TitleEn })},
	{"level", "COUNTY, PREFECTURE, PROVINCIAL or NATIONAL: the issuer's level (required; any case).", enumCell(func(r *Recognition) *string { return &r.Level })},
	{"issuer_zh", "Who issued it, in Chinese (required), e.g. 湖北省人力资源和社会保障厅.", cell(func(r *Recognition) *string { return &r.IssuerZh })},
	{"issuer_en", "Who issued it, in English.", cell(func(r *Recognition) *string { return &r.IssuerEn })},
	{"year", "Year issued, 1949–2100 (required).", intCell(func(r *Recognition) *int { return &r.Year })},
	{"document_number", "Number of the issuing document, e.g. 鄂人社发〔2022〕13号.", cell(func(r *Recognition) *string { return &r.DocumentNumber })},
	{"batch", "Batch of the listing, e.g. 第三批.", cell(func(r *Recognition) *string { return &r.Batch })},
	{"ended_on", "When it ended: 2025-06-30 or an Excel date cell; empty while it stands.", dateCell(func(r *Recognition) **Time { return &r.EndedOn })},
	{"end_reason", "WITHDRAWN or EXPIRED, with ended_on; empty while it stands.", enumCell(func(r *Recognition) *string { return &r.EndReason })},
	{"source_url", "Where the issuing document is published (http or https).", cell(func(r *Recognition) *string { return &r.SourceURL })},
	{"brand", "Slug of the recognised brand (exactly one of brand, role_model, enterprise and venue).", cell(func(r *Recognition) *string { return &r.Brand })},
	{"role_model", "Slug of the recognised person.", cell(func(r *Recognition) *string { return &r.RoleModel })},
	{"enterprise", "Slug of the recognised enterprise.", cell(func(r *Recognition) *string { return &r.Enterprise })},
	{"venue", "Slug of the recognised venue.", cell(func(r *Recognition) *string { return &r.Venue })},
	{"status", "DRAFT or PUBLISHED; empty keeps an existing recognition's status and makes a new one a DRAFT.", statusRule(func(r *Recognition) *Publication { return &r.Publication })},
}

// recognitionsFromSheet turns rows into recognition records: a row whose
// slug exists starts from the recognition as it is. A row that names an
// owner column replaces the owner: the other owner columns are emptied.
func (im *importer) recognitionsFromSheet(sh *sheet) []Recognition {
	return recordsFromSheet(im, sh, "recognitions", RecognitionColumns, func(slug string) Recognition {
		if old, ok := im.old.recognitions[slug]; ok {
			if sheetNamesOwner(sh) {
				old.Brand, old.RoleModel, old.Enterprise, old.Venue = "", "", "", ""
			}
			return old
		}
		return Recognition{Publication: Publication{Slug: slug}}
	})
}

func sheetNamesOwner(sh *sheet) bool {
	for _, n := range sh.names {
		switch n {
		case "brand", "role_model", "enterprise", "venue":
			return true
		}
	}
	return false
}
