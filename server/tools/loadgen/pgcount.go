package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"brandshow/server/tools/loopback"
)

// pgcount is a PostgreSQL wire-protocol proxy that counts the statements
// its clients execute: simple-protocol Query ('Q') and extended-protocol
// Execute ('E') messages. Started in front of the database, with the server
// under test pointed at it, it counts the statements of any server the same
// way whatever its driver (our /metrics count lives inside our server; the
// peer has none, and pg_stat_database counts transactions, which drivers
// split differently: lib/pq's Parse+Sync then Bind+Execute+Sync is two).
// It serves the count at /metrics as pgCountMetric. It needs sslmode=disable:
// it reads the clear-text protocol.

const pgCountMetric = "loadgen_pg_statements_total"

// pgCounter counts statements seen on all connections.
type pgCounter struct{ n atomic.Int64 }

// countMessages reads a client's side of the protocol from r, forwards every
// byte to w and counts Query and Execute messages. The first message (and a
// second one after an SSL or GSS encryption request) has no type byte.
func (c *pgCounter) countMessages(r io.Reader, w io.Writer) error {
	br := bufio.NewReaderSize(r, 64<<10)
	header := make([]byte, 8)
	for untyped := true; untyped; {
		if _, err := io.ReadFull(br, header); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(header[:4]))
		code := binary.BigEndian.Uint32(header[4:8])
		if n < 8 {
			return fmt.Errorf("pgcount: bad startup length %d", n)
		}
		if _, err := w.Write(header); err != nil {
			return err
		}
		if _, err := io.CopyN(w, br, int64(n-8)); err != nil {
			return err
		}
		// 80877103 SSLRequest, 80877104 GSSENCRequest: the server answers
		// one byte (we require "no") and the real startup message follows.
		untyped = code == 80877103 || code == 80877104
	}
	typed := make([]byte, 5)
	for {
		if _, err := io.ReadFull(br, typed); err != nil {
			return err
		}
		n := int(binary.BigEndian.Uint32(typed[1:5]))
		if n < 4 {
			return fmt.Errorf("pgcount: bad message length %d", n)
		}
		if typed[0] == 'Q' || typed[0] == 'E' {
			c.n.Add(1)
		}
		if _, err := w.Write(typed); err != nil {
			return err
		}
		if _, err := io.CopyN(w, br, int64(n-4)); err != nil {
			return err
		}
	}
}

// proxy serves one client connection.
func (c *pgCounter) proxy(client net.Conn, upstream string) {
	defer client.Close()
	server, err := net.DialTimeout("tcp", upstream, 5*time.Second)
	if err != nil {
		return
	}
	defer server.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _ = io.Copy(client, server)
		client.Close()
	}()
	_ = c.countMessages(client, server)
	server.Close()
	wg.Wait()
}

// pgcountCommand runs the proxy until interrupted or -for has passed.
func pgcountCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("loadgen pgcount", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:5433", "address the server under test connects to, as its database (loopback only)")
	upstream := fs.String("upstream", "127.0.0.1:5432", "the real PostgreSQL (loopback only)")
	metricsAddr := fs.String("metrics", "127.0.0.1:9187", "serve the count at http://ADDR/metrics (loopback only)")
	lifetime := fs.Duration("for", 2*time.Hour, "stop by itself after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, a := range []string{*listen, *upstream, *metricsAddr} {
		if err := loopback.CheckHostPort(a); err != nil {
			return fmt.Errorf("must be a loopback host:port: %w", err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, *lifetime)
	defer cancel()
	c := &pgCounter{}
	l, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	ml, err := net.Listen("tcp", *metricsAddr)
	if err != nil {
		l.Close()
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, "# HELP %s Query and Execute messages sent through the proxy.\n# TYPE %s counter\n%s %d\n",
			pgCountMetric, pgCountMetric, pgCountMetric, c.n.Load())
	})
	msrv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = msrv.Serve(ml) }()
	go func() {
		<-ctx.Done()
		l.Close()
		msrv.Close()
	}()
	fmt.Fprintf(out, "pgcount: %s -> %s, count at http://%s/metrics\n", l.Addr(), *upstream, ml.Addr())
	return c.serve(ctx, l, *upstream)
}

// serve proxies every connection accepted on l to upstream until l closes.
func (c *pgCounter) serve(ctx context.Context, l net.Listener, upstream string) error {
	for {
		conn, err := l.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		go c.proxy(conn, upstream)
	}
}
