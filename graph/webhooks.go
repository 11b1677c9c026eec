package graph

import (
	"context"
	"errors"

	"brandshow/ent"
	"brandshow/ent/visibility"
	"brandshow/ent/webhook"
	"brandshow/ent/webhookdelivery"
	"brandshow/server/webhooks"

	"entgo.io/ent/dialect/sql"
)

// CreateWebhook registers an endpoint (admins only: the role is checked
// before the input, so a refusal tells nothing about the URL).
func CreateWebhook(ctx context.Context, c *ent.Client, input CreateWebhookInput, allowPrivate bool) (*CreatedWebhook, error) {
	if err := visibility.Need(ctx, visibility.RoleAdmin); err != nil {
		return nil, err
	}
	w, secret, err := webhooks.Register(ctx, c, input.URL, input.Events, allowPrivate)
	var bad *webhooks.InputError
	if errors.As(err, &bad) {
		return nil, &UserError{Msg: bad.Msg}
	}
	if err != nil {
		return nil, err
	}
	return &CreatedWebhook{Webhook: w, Secret: secret}, nil
}

// maxDeliveries bounds Webhook.deliveries.
const maxDeliveries = 100

// WebhookDeliveries returns an endpoint's newest deliveries, newest first.
func WebhookDeliveries(ctx context.Context, w *ent.Webhook, last *int) ([]*ent.WebhookDelivery, error) {
	n := 20
	if last != nil {
		n = *last
	}
	if n < 1 || n > maxDeliveries {
		return nil, userErrorf("last must be between 1 and %d", maxDeliveries)
	}
	return w.QueryDeliveries().Order(webhookdelivery.ByID(sql.OrderDesc())).Limit(n).All(ctx)
}

// DeleteWebhook removes an endpoint and its outbox rows (admins only).
func DeleteWebhook(ctx context.Context, c *ent.Client, id int) (int, error) {
	if err := visibility.Need(ctx, visibility.RoleAdmin); err != nil {
		return 0, err
	}
	return id, c.Webhook.DeleteOneID(id).Exec(ctx)
}

// ListWebhooks returns every endpoint, oldest first (admins only: the
// privacy policy refuses everyone else).
func ListWebhooks(ctx context.Context, c *ent.Client) ([]*ent.Webhook, error) {
	return c.Webhook.Query().Order(webhook.ByID()).All(ctx)
}
