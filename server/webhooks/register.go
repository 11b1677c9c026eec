// Package webhooks delivers the webhook outbox (ent/outbox): a dispatcher
// in the server claims due rows, POSTs each event signed with HMAC-SHA256
// to its endpoint, records every attempt and retries with exponential
// backoff and jitter until a 2xx answer or the last attempt. Endpoints are
// registered by admins (Register: the `server webhook add` command and the
// createWebhook mutation); only public addresses are reached unless the
// operator allows private ones, checked at registration and at every
// connection.
package webhooks

import (
	"context"
	"slices"
	"strings"

	"brandshow/ent"
	"brandshow/ent/outbox"
)

// Register checks and stores a new endpoint for events (all of them when
// empty) and returns it with its secret, which is stored for signing but
// never shown again. ctx decides who registers (an admin's viewer, or the
// system for the command line); the privacy policy refuses anyone else.
func Register(ctx context.Context, c *ent.Client, rawURL string, events []string, allowPrivate bool) (*ent.Webhook, string, error) {
	events, err := checkEvents(events)
	if err != nil {
		return nil, "", err
	}
	if err := CheckURL(ctx, rawURL, allowPrivate); err != nil {
		return nil, "", err
	}
	secret := NewSecret()
	w, err := c.Webhook.Create().SetURL(rawURL).SetEvents(events).SetSecret(secret).Save(ctx)
	if err != nil {
		return nil, "", err
	}
	return w, secret, nil
}

// checkEvents returns the events without repeats, in the documented order,
// or all of them for none; an unknown name is an input error.
func checkEvents(events []string) ([]string, error) {
	if len(events) == 0 {
		return slices.Clone(outbox.Events), nil
	}
	var out []string
	for _, e := range outbox.Events {
		if slices.Contains(events, e) {
			out = append(out, e)
		}
	}
	for _, e := range events {
		if !outbox.IsEvent(e) {
			return nil, inputErrorf("events: unknown event %q; known: %s", e, strings.Join(outbox.Events, ", "))
		}
	}
	return out, nil
}

// ParseEvents splits a comma-separated list of event types (the
// command line's --events).
func ParseEvents(list string) []string {
	var out []string
	for _, e := range strings.Split(list, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}
