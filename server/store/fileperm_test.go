package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"brandshow/server/store"
)

// TestSQLiteFilesAreOwnerOnly: the SQLite database holds token hashes and
// drafts, so a new database's directory is 0700 and its file, write-ahead
// log and shared memory are 0600; an existing file readable by others is
// made owner-only at start, and the log says so.
func TestSQLiteFilesAreOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix file modes")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "brandshow.db")
	db, err := store.Open(ctx, "sqlite:"+path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `CREATE TABLE secrets (hash TEXT); INSERT INTO secrets VALUES ('x')`); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %#o, want %#o", filepath.Base(p), got, want)
		}
	}
	db.Close()

	// A file made earlier, readable by everyone, is tightened at start.
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Chmod(p, 0o644); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	var logs bytes.Buffer
	db, err = store.Open(ctx, "sqlite:"+path, store.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("existing file: mode %#o, want 0600", got)
	}
	if !strings.Contains(logs.String(), "owner-only") || !strings.Contains(logs.String(), "brandshow.db") {
		t.Errorf("no log line about the tightened mode: %q", logs.String())
	}
}
