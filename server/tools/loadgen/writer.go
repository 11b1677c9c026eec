package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"
)

// writer is an editor publishing during a run (-publish-every): it
// unpublishes and publishes one brand in turn, each a write that the
// servers' response caches must follow. The mutations are not counted
// among the run's requests.
type writer struct {
	client *http.Client
	target *url.URL
	token  string
	id     string
	writes atomic.Int64
	errors atomic.Int64
}

// newWriter finds the brand's ID with the token.
func newWriter(ctx context.Context, client *http.Client, target *url.URL, token, slug string) (*writer, error) {
	w := &writer{client: client, target: target, token: token}
	var out struct {
		Data struct{ Brand *struct{ ID string } }
	}
	if err := w.post(ctx, `query($slug: String!) { brand(slug: $slug) { id } }`, map[string]any{"slug": slug}, &out); err != nil {
		return nil, err
	}
	if out.Data.Brand == nil {
		return nil, fmt.Errorf("-publish-slug %q: no such brand", slug)
	}
	w.id = out.Data.Brand.ID
	return w, nil
}

func (w *writer) post(ctx context.Context, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.target.String(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+w.token)
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || len(graphqlErrors(b)) > 0 {
		return fmt.Errorf("publisher: %d %s", resp.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// run writes every interval until ctx ends, leaving the brand published.
func (w *writer) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	published := true
	defer func() {
		if !published {
			_ = w.post(context.WithoutCancel(ctx), `mutation($id: ID!) { publish(id: $id) { id } }`, map[string]any{"id": w.id}, nil)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		op := "unpublish"
		if !published {
			op = "publish"
		}
		if err := w.post(ctx, `mutation($id: ID!) { `+op+`(id: $id) { id } }`, map[string]any{"id": w.id}, nil); err != nil {
			if ctx.Err() == nil {
				w.errors.Add(1)
			}
			continue
		}
		published = !published
		w.writes.Add(1)
	}
}
