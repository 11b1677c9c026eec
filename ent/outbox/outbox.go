// Package outbox writes the webhook outbox: for each public change of a
// content item (published, unpublished, deleted), one row per endpoint
// subscribed to the event, in the same transaction as the change. A change
// that commits therefore has its rows, and a change that rolls back has
// none; the dispatcher (server/webhooks) delivers them afterwards, at least
// once, even across a crash or restart. The change log's hook
// (ent/changelog) calls Write, since it already knows what the public
// noticed.
package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	gen "brandshow/ent"
	"brandshow/ent/visibility"
)

// The event types. Names are "item.<what happened>", so that scheduled
// publication (issue 17) can add item.scheduled beside them without
// changing a receiver's parsing.
const (
	// EventPublished: an item became public (created published, or published).
	EventPublished = "item.published"
	// EventUnpublished: a published item went back to draft.
	EventUnpublished = "item.unpublished"
	// EventDeleted: a published item was deleted. Deleting a draft sends
	// nothing, as the change log writes nothing: the public never saw it.
	EventDeleted = "item.deleted"
)

// Events are the event types an endpoint may subscribe to, in the order
// the documentation lists them.
var Events = []string{EventPublished, EventUnpublished, EventDeleted}

// IsEvent reports whether name is a known event type.
func IsEvent(name string) bool { return slices.Contains(Events, name) }

// Change is one event about one item.
type Change struct {
	Event      string
	EntityType string // GraphQL type, e.g. Brand
	EntityID   int
}

// Payload is the JSON body POSTed to the endpoints (docs/client-developers.md
// documents it for integrators). It is written once, with the row, so
// every retry sends the same bytes.
type Payload struct {
	// ID is the event's ID, also sent as the Brandshow-Delivery header: the
	// idempotency key by which a receiver drops a repeated delivery.
	ID string `json:"id"`
	// Type is the event type, e.g. item.published.
	Type string `json:"type"`
	// CreatedAt is when the change was committed (RFC 3339, UTC).
	CreatedAt time.Time `json:"createdAt"`
	// Item is what changed: its GraphQL type and global ID, as node(id:)
	// and the changes API know it.
	Item Item `json:"item"`
}

// Item names a content item.
type Item struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// NewEventID returns a random event ID: "evt_" and 32 hex digits.
func NewEventID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return "evt_" + hex.EncodeToString(b[:])
}

// Write adds the outbox rows of changes through c (the mutation's client,
// so inside its transaction): one row per change and subscribed endpoint.
// Without endpoints it costs one query and writes nothing.
func Write(ctx context.Context, c *gen.Client, changes []Change) error {
	if len(changes) == 0 {
		return nil
	}
	// Endpoints are the admins' business; the server reads them itself.
	sys := visibility.WithSystem(ctx)
	hooks, err := c.Webhook.Query().All(sys)
	if err != nil {
		return fmt.Errorf("outbox: endpoints: %w", err)
	}
	if len(hooks) == 0 {
		return nil
	}
	now := time.Now().UTC()
	var rows []*gen.WebhookDeliveryCreate
	for _, ch := range changes {
		id := NewEventID()
		body, err := json.Marshal(Payload{ID: id, Type: ch.Event, CreatedAt: now.Truncate(time.Millisecond),
			Item: Item{Type: ch.EntityType, ID: strconv.Itoa(ch.EntityID)}})
		if err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		for _, h := range hooks {
			if !slices.Contains(h.Events, ch.Event) {
				continue
			}
			rows = append(rows, c.WebhookDelivery.Create().SetWebhookID(h.ID).SetEventID(id).SetEvent(ch.Event).
				SetEntityType(ch.EntityType).SetEntityID(ch.EntityID).SetPayload(string(body)).
				SetNextAttemptAt(now).SetCreatedAt(now))
		}
	}
	if len(rows) == 0 {
		return nil
	}
	if err := c.WebhookDelivery.CreateBulk(rows...).Exec(sys); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}
