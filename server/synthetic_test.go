package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

// The command end to end on a SQLite file: flags reach the generator, the
// progress and the summary are printed, bad flags are errors.
func TestSeedSyntheticCommand(t *testing.T) {
	ctx := context.Background()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	db := filepath.Join(t.TempDir(), "syn.db")
	args := []string{"--synthetic", "-database-url", db, "-seed", "3", "-brands", "7", "-role-models", "9",
		"-coverage", "11", "-venues", "2", "-enterprises", "1", "-alliances", "1"}
	if !isSynthetic(args) {
		t.Fatal("isSynthetic does not see --synthetic")
	}
	var out bytes.Buffer
	if err := syntheticCommand(ctx, args, &out, quiet); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"synthetic: coverage", "7 brands, 9 role models, 1 enterprises, 1 alliances, 2 venues, 11 coverage items in "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := syntheticCommand(ctx, []string{"--synthetic", "-database-url", db, "-brands", "-3"}, io.Discard, quiet); err == nil ||
		!strings.Contains(err.Error(), "must not be negative") {
		t.Errorf("negative size: %v", err)
	}
	if err := syntheticCommand(ctx, []string{"--synthetic", "-database-url", db, "stray"}, io.Discard, quiet); err == nil ||
		!strings.Contains(err.Error(), "usage") {
		t.Errorf("stray argument: %v", err)
	}
}
