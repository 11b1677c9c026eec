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

	"brandshow/ent/schematype"
	"brandshow/ent/visibility"
	"brandshow/server/config"
	"brandshow/server/dataio"
	"brandshow/server/media"
	"brandshow/server/store"
)

// exportCommand writes every item, drafts included, as JSON:
//
//	server export [-o FILE] [-database-url URL]
func exportCommand(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dbURL := fs.String("database-url", config.Getenv("DATABASE_URL"), "database (DATABASE_URL)")
	out := fs.String("o", "", "write to this file instead of standard output")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("usage: server export [-o FILE]")
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
	if *out == "" {
		return dataio.WriteJSON(stdout, doc)
	}
	// Write beside the target and rename, so a failed export never leaves
	// half a file where a good one was.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".export-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := dataio.WriteJSON(tmp, doc); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	logger.Info("exported", "file", *out, "brands", len(doc.Brands), "regions", len(doc.Regions))
	return nil
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
