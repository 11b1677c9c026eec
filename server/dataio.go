package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/config"
	"brandshow/server/dataio"
	"brandshow/server/media"
	"brandshow/server/store"
)

// exportCommand writes every item, drafts included, as JSON, or one kind of
// item as a spreadsheet the import reads back:
//
//	server export [-o FILE.json] [-database-url URL]
//	server export -sheet brands|events|recognitions|figures [-o FILE.csv|FILE.xlsx]
func exportCommand(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dbURL := fs.String("database-url", config.Getenv("DATABASE_URL"), "database (DATABASE_URL)")
	out := fs.String("o", "", "write to this file instead of standard output; with -sheet, .csv or .xlsx picks the format")
	kind := fs.String("sheet", "", "write one spreadsheet the import reads back instead of JSON: "+strings.Join(dataio.SheetKinds, ", ")+
		" (CSV on standard output without -o)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: server export [-o FILE.json]
       server export -sheet brands|events|recognitions|figures [-o FILE.csv|FILE.xlsx]

Writes every item, drafts included, as JSON; with -sheet, the items of one
kind as a spreadsheet with the columns the import reads (docs/editors.md),
so importing it back changes nothing. CSV is UTF-8 with a byte order mark.

`)
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("usage: server export [-o FILE.json] | -sheet KIND [-o FILE.csv|FILE.xlsx] (export -h)")
	}
	format, err := exportFormat(*kind, *out)
	if err != nil {
		return err
	}
	db, err := openForData(ctx, *dbURL, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	doc, err := dataio.Export(ctx, db.Client)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		switch format {
		case ".csv":
			return dataio.WriteCSV(w, doc, *kind)
		case ".xlsx":
			return dataio.WriteXLSX(w, doc, *kind)
		}
		return dataio.WriteJSON(w, doc)
	}
	if *out == "" {
		return write(stdout)
	}
	// Write beside the target and rename, so a failed export never leaves
	// half a file where a good one was.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".export-*"+format)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	if *kind != "" {
		logger.Info("exported", "file", *out, "sheet", *kind)
		return nil
	}
	logger.Info("exported", "file", *out, "brands", len(doc.Brands), "regions", len(doc.Regions))
	return nil
}

// exportFormat decides what an export writes, before the database is
// opened: ".json" without -sheet; with it, ".csv" or ".xlsx" by the output
// file's extension (CSV on standard output). A .csv or .xlsx file asks for
// a -sheet, which says which items it holds.
func exportFormat(kind, out string) (string, error) {
	ext := strings.ToLower(filepath.Ext(out))
	if kind == "" {
		if ext == ".csv" || ext == ".xlsx" {
			return "", fmt.Errorf("export -o %s: a spreadsheet holds one kind of item; add -sheet %s", out, strings.Join(dataio.SheetKinds, "|"))
		}
		return ".json", nil
	}
	if !slices.Contains(dataio.SheetKinds, kind) {
		return "", fmt.Errorf("export -sheet %s: unknown sheet; the sheets are %s", kind, strings.Join(dataio.SheetKinds, ", "))
	}
	switch ext {
	case ".csv", ".xlsx":
		return ext, nil
	case "":
		if out == "" {
			return ".csv", nil
		}
	}
	return "", fmt.Errorf("export -sheet %s -o %s: the file must end in .csv or .xlsx", kind, out)
}

// importCommand upserts a JSON export or a brand spreadsheet:
//
//	server import [--dry-run] [-database-url URL] FILE   (.json, .csv or .xlsx)
//
// It prints what it created and updated; with bad rows it prints every one,
// writes nothing and fails.
func importCommand(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dbURL := fs.String("database-url", config.Getenv("DATABASE_URL"), "database (DATABASE_URL)")
	dryRun := fs.Bool("dry-run", false, "check everything and report, but write nothing")
	mediaURL := fs.String("media-url", config.Getenv("MEDIA_URL"), "picture store for image files named in the import (MEDIA_URL)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("usage: server import [--dry-run] FILE (.json, .csv or .xlsx)")
	}
	db, err := openForData(ctx, *dbURL, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	// Pictures may name image files next to the imported file: they go
	// into the media store (MEDIA_URL) like uploads.
	pictures, err := media.Open(ctx, media.Config{URL: *mediaURL})
	if err != nil {
		return err
	}
	defer pictures.Close()
	ctx = schematype.WithPictureDescriber(ctx, media.LocalFiles{Store: pictures, Dir: filepath.Dir(files[0])})
	rep, err := dataio.ImportFile(visibility.WithSystem(ctx), db.Client, files[0], dataio.Options{DryRun: *dryRun})
	var problems dataio.Problems
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		return fmt.Errorf("%s: %d problem(s); nothing was written", files[0], len(problems))
	}
	if err != nil {
		return err
	}
	if !*dryRun {
		// Fresh statistics for what was loaded (store.DB.Optimize).
		if err := db.Optimize(ctx); err != nil {
			return err
		}
	}
	for _, line := range rep.Lines() {
		fmt.Fprintln(stdout, line)
	}
	return nil
}

// parseInterspersed parses flags wherever they are among the arguments
// (`import FILE --dry-run` as well as `import --dry-run FILE`) and returns
// the others.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// openForData opens the database like the server does (SQLite is brought up
// to date, PostgreSQL when AUTO_MIGRATE allows).
func openForData(ctx context.Context, dbURL string, logger *slog.Logger) (*store.DB, error) {
	cfg, err := config.Parse([]string{"-database-url", dbURL}, config.Getenv)
	if err != nil {
		return nil, err
	}
	cfg.DatabaseReadURL = "" // imports and exports use the primary
	return openAndMigrate(ctx, cfg, logger, cfg.AutoMigrate || !cfg.IsPostgres())
}
