package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"brandshow/server/media/mediatest"
	"brandshow/server/seed"
	"brandshow/server/store"
	"brandshow/server/store/storetest"
)

// The commands end to end on SQLite files; the package tests of
// server/dataio cover both databases.
func TestExportImportCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv("MEDIA_URL", "file://"+filepath.Join(dir, "media"))
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

// TestImportTakesLocalPictures: an import file may name image files next to
// it; they are checked, stripped and stored like uploads, and the pictures
// point to the stored copies. A path out of the folder is refused.
func TestImportTakesLocalPictures(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv("MEDIA_URL", "file://"+filepath.Join(dir, "media"))
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := os.MkdirAll(filepath.Join(dir, "images"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "images", "logo.jpg"), mediatest.WithExif(mediatest.JPEG(t, mediatest.Gradient(60, 30)), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	doc := func(url string) string {
		return `{"format": "brandshow-export/1", "regions": [], "brands": [{"slug": "local-pic", "status": "DRAFT", "nameZh": "本地图片", "regionCode": "421122",
			"category": "LIVELIHOOD", "level": "COUNTY", "logo": {"url": "` + url + `", "alt": "标志", "credit": "示例", "license": "CC0_1_0"}}]}`
	}
	db := filepath.Join(dir, "db.db")
	if err := run(ctx, []string{"migrate", "-database-url", db}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"seed", "-database-url", db}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "import.json")
	var out, errs bytes.Buffer
	for _, bad := range []string{"../outside.jpg", "images/missing.jpg"} {
		_ = os.WriteFile(file, []byte(doc(bad)), 0o600)
		if err := importCommand(ctx, []string{"-database-url", db, file}, &out, &errs, quiet); err == nil {
			t.Fatalf("%s: imported", bad)
		}
	}
	_ = os.WriteFile(file, []byte(doc("images/logo.jpg")), 0o600)
	if err := importCommand(ctx, []string{"-database-url", db, file}, &out, &errs, quiet); err != nil {
		t.Fatalf("%v: %s", err, errs.String())
	}
	var exported bytes.Buffer
	if err := exportCommand(ctx, []string{"-database-url", db}, &exported, quiet); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`"url": "/media/[0-9a-f]{64}\.jpg",\s*"alt": "标志",\s*"width": 60`).Match(exported.Bytes()) {
		t.Fatalf("the imported logo is not a stored picture:\n%.2000s", exported.String())
	}
}

// TestExportSheetCommand: `export -sheet KIND` writes a spreadsheet by the
// output's extension (CSV on standard output without -o) that `import
// --dry-run` reads back as nothing to change; a spreadsheet without -sheet,
// an unknown sheet or a wrong extension is refused before anything is
// written.
func TestExportSheetCommand(t *testing.T) {
	t.Setenv("MEDIA_URL", "file://"+filepath.Join(t.TempDir(), "media"))
	storetest.Each(t, func(t *testing.T, dia string) {
		ctx := context.Background()
		dir := t.TempDir()
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		db := storetest.NewURL(t, dia)
		demo, err := store.Open(ctx, db, store.Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		if err := demo.Migrate(ctx, quiet); err != nil {
			t.Fatal(err)
		}
		if _, err := seed.LoadDemo(ctx, demo.Client); err != nil {
			t.Fatal(err)
		}
		demo.Close()
		for _, file := range []string{"figures.csv", "figures.xlsx", "events.XLSX"} {
			kind := strings.TrimSuffix(file, filepath.Ext(file))
			path := filepath.Join(dir, file)
			if err := exportCommand(ctx, []string{"-database-url", db, "-sheet", kind, "-o", path}, io.Discard, quiet); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			var out, errs bytes.Buffer
			if err := importCommand(ctx, []string{"-database-url", db, "--dry-run", path}, &out, &errs, quiet); err != nil {
				t.Fatalf("import %s: %v\n%s", file, err, errs.String())
			}
			if !regexp.MustCompile(`(?m)^` + kind + `: 0 created, 0 updated, [1-9][0-9]* unchanged$`).MatchString(out.String()) {
				t.Fatalf("import of the exported %s: %s", file, out.String())
			}
		}
		var stdout bytes.Buffer
		if err := exportCommand(ctx, []string{"-sheet", "brands", "-database-url", db}, &stdout, quiet); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(stdout.String(), "\ufeffslug,name_zh,name_en,region_code,category,level,") || strings.Count(stdout.String(), "\r\n") < 40 {
			t.Fatalf("CSV on standard output: %.200q", stdout.String())
		}

		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"-o", filepath.Join(dir, "all.csv")}, "add -sheet brands|events|recognitions|figures"},
			{[]string{"-sheet", "people", "-o", filepath.Join(dir, "people.csv")}, "unknown sheet; the sheets are brands, events, recognitions, figures"},
			{[]string{"-sheet", "brands", "-o", filepath.Join(dir, "brands.json")}, "the file must end in .csv or .xlsx"},
		} {
			err := exportCommand(ctx, append([]string{"-database-url", db}, c.args...), io.Discard, quiet)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("export %v: %v, want %q", c.args, err, c.want)
			}
			if _, err := os.Stat(c.args[len(c.args)-1]); !os.IsNotExist(err) {
				t.Errorf("export %v left a file: %v", c.args, err)
			}
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".export-*")); len(left) > 0 {
			t.Fatalf("temporary files left: %v", left)
		}
	})
}
