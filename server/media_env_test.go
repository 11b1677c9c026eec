package main

import (
	"os"
	"testing"
)

// TestMain keeps the commands' pictures out of the source tree: without
// MEDIA_URL, serve and seed draw the demo pictures into ./data/media of the
// working directory, which for `go test` is this package's directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "brandshow-media-")
	if err != nil {
		panic(err)
	}
	if os.Getenv("MEDIA_URL") == "" {
		os.Setenv("MEDIA_URL", "file://"+dir)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
