package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memStats follows the server's resident memory.
type memStats struct {
	mu       sync.Mutex
	startRSS int64 // kB
	peakRSS  int64 // kB, the highest VmRSS sampled
	hwm      int64 // kB, the kernel's VmHWM at the last sample
	samples  int
	err      string
}

// watchMemory samples /proc/PID/status every 200 ms until ctx ends.
func watchMemory(ctx context.Context, pid int) *memStats {
	m := &memStats{}
	sample := func() {
		rss, hwm, err := readMemory(pid)
		m.mu.Lock()
		defer m.mu.Unlock()
		if err != nil {
			if m.err == "" {
				m.err = err.Error()
			}
			return
		}
		if m.samples == 0 {
			m.startRSS = rss
		}
		m.samples++
		m.peakRSS = max(m.peakRSS, rss)
		m.hwm = max(m.hwm, hwm)
	}
	sample()
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				sample()
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return m
}

// readMemory reads VmRSS and VmHWM (in kB) from /proc/PID/status.
func readMemory(pid int) (rss, hwm int64, err error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, err
	}
	return parseStatus(data)
}

func parseStatus(data []byte) (rss, hwm int64, err error) {
	found := 0
	for line := range strings.SplitSeq(string(data), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) < 1 {
			continue
		}
		n, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", key, err)
		}
		if key == "VmRSS" {
			rss = n
		} else {
			hwm = n
		}
		found++
	}
	if found < 2 {
		return 0, 0, errors.New("no VmRSS/VmHWM in /proc/PID/status")
	}
	return rss, hwm, nil
}
