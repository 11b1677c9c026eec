package httpapp

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"path"
	"strings"

	"brandshow/ent"
	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/dataio"
	"brandshow/server/middleware"
)

// importMaxBytes is the largest file POST /import takes (or MAX_BODY_BYTES
// when that is larger): a sheet of a few thousand rows.
const importMaxBytes = 8 << 20

// importReport is the answer of POST /import: what the import did (or, in
// the dry run, would do) per collection, and every problem with its place.
type importReport struct {
	DryRun   bool            `json:"dryRun"`
	Written  bool            `json:"written"`
	Counts   []importCount   `json:"counts"`
	Problems []importProblem `json:"problems"`
}

// importProblem is a dataio.Problem: where (record or line and column) and what.
type importProblem struct {
	Where   string `json:"where"`
	Message string `json:"message"`
}

type importCount struct {
	Collection string `json:"collection"`
	Created    int    `json:"created"`
	Updated    int    `json:"updated"`
	Unchanged  int    `json:"unchanged"`
}

// importHandler serves POST /import?file=NAME[&commit=1] for token holders:
// the body is the file (.json, .csv or .xlsx, told by NAME's extension), run
// through the same import as `server import`, in one transaction, as the
// token's holder, so the privacy rules of the role apply (an editor's sheet
// cannot publish) and the audit log names the holder. Without commit=1
// it is a dry run: everything is checked and written inside the
// transaction, then rolled back. Any problem writes nothing (422).
func importHandler(cfg Config) http.Handler {
	// The body is read (and bounded) only for token holders.
	run := middleware.Limit(max(cfg.MaxBodyBytes, importMaxBytes), cfg.QueryTimeout, runImport(cfg))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := visibility.ViewerFrom(r.Context()); !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="brandshow"`)
			middleware.WriteError(w, http.StatusUnauthorized, "imports need a token: send Authorization: Bearer <token>", "UNAUTHENTICATED", middleware.RequestIDFrom(r.Context()))
			return
		}
		run.ServeHTTP(w, r)
	})
}

// runImport reads the file and imports it (see importHandler).
func runImport(cfg Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := middleware.RequestIDFrom(r.Context())
		name := path.Base(r.URL.Query().Get("file"))
		var body bytes.Buffer
		if _, err := body.ReadFrom(r.Body); err != nil {
			middleware.WriteError(w, http.StatusBadRequest, "the file could not be read", "BAD_REQUEST", id)
			return
		}
		var src *dataio.Source
		var err error
		switch strings.ToLower(path.Ext(name)) {
		case ".json":
			src, err = dataio.ReadJSON(name, &body)
		case ".csv":
			src, err = dataio.ReadCSV(name, &body)
		case ".xlsx":
			src, err = dataio.ReadXLSX(name, &body)
		default:
			middleware.WriteError(w, http.StatusBadRequest, "name the file with ?file=NAME ending in .json, .csv or .xlsx", "BAD_USER_INPUT", id)
			return
		}
		rep := importReport{DryRun: r.URL.Query().Get("commit") != "1", Counts: []importCount{}, Problems: []importProblem{}}
		if err == nil {
			ctx := r.Context() // audited under the token's name, like its mutations
			if cfg.Media != nil {
				ctx = schematype.WithPictureDescriber(ctx, cfg.Media)
			}
			var done dataio.Report
			done, err = dataio.Import(ctx, ent.FromContext(r.Context()), src, dataio.Options{DryRun: rep.DryRun})
			rep.Counts = importCounts(done)
		}
		var problems dataio.Problems
		var denied *visibility.DeniedError
		switch {
		case errors.As(err, &problems):
			for _, p := range problems {
				rep.Problems = append(rep.Problems, importProblem{Where: p.Where, Message: p.Message})
			}
		case errors.As(err, &denied):
			// The role may not do what the file asks (an editor's sheet
			// that publishes or changes a published brand).
			rep.Problems = []importProblem{{Where: name, Message: denied.Reason}}
		case err != nil:
			cfg.Logger.ErrorContext(r.Context(), "import", "file", name, "error", err.Error(), "request_id", id)
			middleware.WriteError(w, http.StatusInternalServerError, "internal error", "INTERNAL", id)
			return
		}
		rep.Written = !rep.DryRun && len(rep.Problems) == 0
		if rep.Written && rowsWritten(rep.Counts) >= optimizeAfterRows {
			// As `server import` does: a large import into fresh tables
			// would otherwise be planned blind until autovacuum's next
			// round (PostgreSQL) or the next start (SQLite). A failure
			// here does not undo the import.
			if err := cfg.DB.Optimize(r.Context()); err != nil {
				cfg.Logger.WarnContext(r.Context(), "import: statistics not refreshed", "error", err.Error(), "request_id", id)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "private, no-store")
		if len(rep.Problems) > 0 {
			w.WriteHeader(http.StatusUnprocessableEntity)
		}
		_ = json.NewEncoder(w).Encode(rep)
	})
}

// optimizeAfterRows is the size of a committed import (rows created or
// updated) from which the database's statistics are refreshed at once.
const optimizeAfterRows = 200

func rowsWritten(counts []importCount) int {
	n := 0
	for _, c := range counts {
		n += c.Created + c.Updated
	}
	return n
}

// importCounts lists the collections an import touched.
func importCounts(r dataio.Report) []importCount {
	out := []importCount{}
	for _, c := range []struct {
		name string
		c    dataio.Counts
	}{
		{"regions", r.Regions}, {"brands", r.Brands}, {"roleModels", r.RoleModels}, {"enterprises", r.Enterprises},
		{"alliances", r.Alliances}, {"venues", r.Venues}, {"mediaCoverages", r.MediaCoverage}, {"events", r.Events},
	} {
		if c.c != (dataio.Counts{}) {
			out = append(out, importCount{Collection: c.name, Created: c.c.Created, Updated: c.c.Updated, Unchanged: c.c.Unchanged})
		}
	}
	return out
}
