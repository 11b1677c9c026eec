package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"time"

	"brandshow/server/config"
	"brandshow/server/seed"
)

// isSynthetic reports whether the seed command was asked for synthetic
// content, which has flags of its own.
func isSynthetic(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool {
		return a == "-synthetic" || a == "--synthetic" || a == "-synthetic=true" || a == "--synthetic=true"
	})
}

// syntheticCommand is `server seed --synthetic`: generated content at scale
// for benchmarks and load tests (see seed.Synthetic).
func syntheticCommand(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	def := seed.DefaultSyntheticSizes()
	fs := flag.NewFlagSet("seed --synthetic", flag.ContinueOnError)
	fs.SetOutput(stdout)
	dbURL := fs.String("database-url", config.Getenv("DATABASE_URL"), "database (DATABASE_URL)")
	fs.Bool("synthetic", true, "generate synthetic content instead of loading the demo content")
	rnd := fs.Uint64("seed", 1, "random seed: the same seed gives the same content")
	sizes := def
	fs.IntVar(&sizes.Brands, "brands", def.Brands, "brands")
	fs.IntVar(&sizes.RoleModels, "role-models", def.RoleModels, "role models")
	fs.IntVar(&sizes.Coverage, "coverage", def.Coverage, "media coverage items (1–5 KB of text each)")
	fs.IntVar(&sizes.Venues, "venues", def.Venues, "venues")
	fs.IntVar(&sizes.Enterprises, "enterprises", def.Enterprises, "enterprises")
	fs.IntVar(&sizes.Alliances, "alliances", def.Alliances, "alliances")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("usage: server seed --synthetic [-seed N] [-brands N] [-role-models N] [-coverage N] [-venues N] [-enterprises N] [-alliances N]")
	}
	db, err := openForData(ctx, *dbURL, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	sizes.Progress = stdout
	start := time.Now()
	res, err := seed.Synthetic(ctx, db.Client, sizes, *rnd)
	if err != nil {
		return err
	}
	if err := db.Optimize(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d brands, %d role models, %d enterprises, %d alliances, %d venues, %d coverage items in %s\n",
		db.Dialect, res.Brands, res.RoleModels, res.Enterprises, res.Alliances, res.Venues, res.Coverage, time.Since(start).Round(time.Millisecond))
	return nil
}
