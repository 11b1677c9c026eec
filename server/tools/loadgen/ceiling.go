package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"time"

	"brandshow/server/tools/loopback"
)

// The ceiling: a plain Go HTTP handler that answers every request with the
// same bytes (the featured page as our server answered it). Loaded with the
// same tool, concurrency and machine, it measures what this machine can do
// at most for an answer of that size, so a cached server can be judged
// against it ("cached ≥ 50% of the plain handler").

// fixedHandler answers every request with body, as a GraphQL server would.
// It reads the request body first, as a real server must.
func fixedHandler(body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, 1<<20))
		w.Header().Set("Content-Type", "application/graphql-response+json")
		_, _ = w.Write(body)
	})
}

// ceilingCommand captures one answer of -op from -from (or reads -body) and
// serves it on -addr until interrupted or -for has passed.
func ceilingCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("loadgen ceiling", flag.ContinueOnError)
	from := fs.String("from", "", "GraphQL endpoint to capture the answer from (loopback only)")
	opsDir := fs.String("ops", defaultOpsDir(), "operation directory holding -op")
	opName := fs.String("op", "FeaturedPage", "operation whose answer is served")
	bodyFile := fs.String("body", "", "serve this file's bytes instead of capturing (-from is then not needed)")
	save := fs.String("save", "", "also write the captured answer to this file")
	addr := fs.String("addr", "127.0.0.1:8099", "listen address (loopback only)")
	lifetime := fs.Duration("for", time.Hour, "stop by itself after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := loopback.CheckHostPort(*addr); err != nil {
		return fmt.Errorf("-addr: must be a loopback host:port: %w", err)
	}
	var body []byte
	var err error
	switch {
	case *bodyFile != "":
		if body, err = os.ReadFile(*bodyFile); err != nil {
			return err
		}
	case *from != "":
		if body, err = capture(ctx, *from, *opsDir, *opName); err != nil {
			return err
		}
	default:
		return errors.New("ceiling: give -from URL (capture) or -body FILE")
	}
	if *save != "" {
		if err := os.WriteFile(*save, body, 0o644); err != nil {
			return err
		}
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: fixedHandler(body), ReadHeaderTimeout: 5 * time.Second, IdleTimeout: 120 * time.Second}
	fmt.Fprintf(out, "ceiling: serving %d bytes (%s) at http://%s/graphql for at most %s\n", len(body), *opName, l.Addr(), *lifetime)
	ctx, cancel := context.WithTimeout(ctx, *lifetime)
	defer cancel()
	go func() {
		<-ctx.Done()
		sctx, c := context.WithTimeout(context.Background(), 2*time.Second)
		defer c()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// capture asks the server for one answer of the operation named opName,
// with its variables drawn like a load run's.
func capture(ctx context.Context, rawURL, opsDir, opName string) ([]byte, error) {
	u, err := loopback.URL(rawURL)
	if err != nil {
		return nil, err
	}
	d, err := loadOpsDir(opsDir)
	if err != nil {
		return nil, err
	}
	op, ok := d.Operations[opName]
	if !ok {
		return nil, fmt.Errorf("no operation %s in %s", opName, opsDir)
	}
	client := newClient(1, 30*time.Second)
	pools, err := setup(ctx, client, options{target: u}, d, opName)
	if err != nil {
		return nil, err
	}
	o, body := send(ctx, client, u, op, pools.instantiate(op.Vars, rand.New(rand.NewPCG(1, 1))), false)
	if o.failed() {
		return nil, fmt.Errorf("capture %s: HTTP %d %s %v", opName, o.Status, o.Transport, o.GQLErrors)
	}
	return body, nil
}
