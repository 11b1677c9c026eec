package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The commands end to end on SQLite files; the package tests of
// server/dataio cover both databases.
func TestExportImportCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	if err := run(ctx, []string{"seed", "-database-url", src}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "all.json")
	if err := exportCommand(ctx, []string{"-database-url", src, "-o", export}, io.Discard, quiet); err != nil {
		t.Fatal(err)
	}

	var out, errs bytes.Buffer
	if err := importCommand(ctx, []string{"-database-url", dst, export, "--dry-run"}, &out, &errs, quiet); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "dry run: nothing was written") || !strings.Contains(out.String(), "created") {
		t.Fatalf("dry-run output: %s", out.String())
	}
	out.Reset()
	if err := importCommand(ctx, []string{"--dry-run=false", "-database-url", dst, export}, &out, &errs, quiet); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "brands: ") || strings.Contains(out.String(), "dry run") {
		t.Fatalf("import output: %s", out.String())
	}
	var again bytes.Buffer
	if err := exportCommand(ctx, []string{"-database-url", dst}, &again, quiet); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(export)
	if !bytes.Equal(want, again.Bytes()) {
		t.Fatal("export of the imported database differs")
	}

	bad := filepath.Join(dir, "brands.csv")
	csv := "slug,name_zh,region_code,category,level\nok-brand,好,421122,LIVELIHOOD,COUNTY\nbad-brand,坏,000000,LIVELIHOOD,COUNTY\n"
	if err := os.WriteFile(bad, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err := importCommand(ctx, []string{"-database-url", dst, bad}, &out, &errs, quiet)
	if err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("bad import: %v", err)
	}
	if got := errs.String(); !strings.Contains(got, "line 3, column region_code (slug bad-brand): unknown region 000000") {
		t.Fatalf("stderr: %s", got)
	}
}
