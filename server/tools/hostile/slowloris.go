package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"brandshow/server/tools/loopback"
)

// slowStats counts what the server did with slow bodies.
type slowStats struct {
	mu      sync.Mutex
	results map[string]int
	held    []time.Duration
}

func (s *slowStats) add(kind string, held time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.results == nil {
		s.results = map[string]int{}
	}
	s.results[kind]++
	s.held = append(s.held, held)
}

// slowBody opens a connection, announces a 64 KiB JSON body and trickles
// it one byte a second, until the server answers or closes the
// connection, or hold has passed. A server with a read timeout ends it
// early; one without lets a handful of such clients pin connections and
// goroutines for as long as they like.
func slowBody(ctx context.Context, target *url.URL, hold time.Duration, from net.IP) (string, time.Duration) {
	start := time.Now()
	addr := target.Host
	if target.Port() == "" {
		addr = net.JoinHostPort(target.Hostname(), map[string]string{"http": "80", "https": "443"}[target.Scheme])
	}
	if target.Scheme != "http" {
		sleep(ctx, time.Second)
		return "skipped (https)", 0
	}
	conn, err := loopback.Dialer(5*time.Second, from).DialContext(ctx, "tcp", addr)
	if err != nil {
		sleep(ctx, 100*time.Millisecond)
		return "could not connect", time.Since(start)
	}
	defer conn.Close()
	path := target.RequestURI()
	header := "POST " + path + " HTTP/1.1\r\nHost: " + target.Host +
		"\r\nContent-Type: application/json\r\nContent-Length: 65536\r\n\r\n"
	if _, err := conn.Write([]byte(header)); err != nil {
		return "closed by server before the body", time.Since(start)
	}
	answered := make(chan string, 1)
	go func() {
		line, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			answered <- "closed by server"
			return
		}
		fields := strings.Fields(line)
		if len(fields) >= 2 {
			answered <- "answered " + fields[1] + " by server"
			return
		}
		answered <- "answered by server"
	}()
	body := []byte(`{"query":"{ __typename }","pad":"` + strings.Repeat(" ", 65536))
	deadline := time.NewTimer(hold)
	defer deadline.Stop()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case how := <-answered:
			return how + " mid-body", time.Since(start)
		case <-deadline.C:
			return fmt.Sprintf("held open by client for the whole %s", hold), time.Since(start)
		case <-ctx.Done():
			return "cut off by the end of the run", time.Since(start)
		case <-tick.C:
			if _, err := conn.Write(body[i%len(body) : i%len(body)+1]); err != nil {
				return "closed by server mid-body", time.Since(start)
			}
		}
	}
}
