package main

import "runtime/debug"

// Garbage collector defaults for serving, used when the environment does not
// set GOGC or GOMEMLIMIT (the Go runtime's own variables, which win).
// Answering GraphQL allocates a lot of short-lived objects, and with Go's
// default GOGC=100 about a third of the server's CPU went to collecting them
// (docs/contributors.md, "Performance"). A larger growth factor collects less often; the
// soft memory limit makes the collector work harder again before the heap
// grows past it, so the trade stays bounded. The limit counts the response
// cache, which is live heap.
const (
	serveGCPercent = 300
	serveMemBaseMB = 160
)

func tuneGC(getenv func(string) string, responseCacheMB int) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(serveMemBaseMB+responseCacheMB) << 20)
	}
}
