package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC checks the serving defaults of the garbage collector and that
// GOGC and GOMEMLIMIT from the environment win over them.
func TestTuneGC(t *testing.T) {
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }

	tuneGC(env(nil), 64)
	if got := debug.SetGCPercent(100); got != serveGCPercent {
		t.Errorf("GC percent = %d, want %d", got, serveGCPercent)
	}
	if got, want := debug.SetMemoryLimit(math.MaxInt64), int64(serveMemBaseMB+64)<<20; got != want {
		t.Errorf("memory limit = %d, want %d", got, want)
	}

	tuneGC(env(map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}), 64)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set: GC percent changed to %d", got)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set: memory limit changed to %d", got)
	}
}
