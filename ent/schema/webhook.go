package schema

import (
	"time"

	"brandshow/ent/schematype"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	entschema "entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Webhook is an endpoint that an admin registered (`server webhook add` or
// the createWebhook mutation) to be told, by a signed HTTP POST, when
// content is published, unpublished or deleted. Only admins see or change
// webhooks; the server's own work (the outbox hook, the dispatcher) reads
// them as the system.
type Webhook struct{ ent.Schema }

// Fields of the Webhook.
func (Webhook) Fields() []ent.Field {
	return []ent.Field{
		field.String("url").NotEmpty().MaxLen(2048).Validate(schematype.CheckLine).
			Comment("Where the events are POSTed (http or https; server/webhooks.CheckURL decides which)."),
		field.Strings("events").
			Comment("The event types the endpoint receives, e.g. item.published."),
		field.String("secret").Sensitive().Immutable().NotEmpty().
			Comment("Key of the HMAC-SHA256 signatures; shown once, at registration."),
		field.Time("created_at").Immutable().Default(time.Now),
	}
}

// Edges of the Webhook: its outbox rows, which go with it.
func (Webhook) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("deliveries", WebhookDelivery.Type).
			Annotations(entsql.OnDelete(entsql.Cascade)),
	}
}

// Annotations of the Webhook: no generated GraphQL (schema/webhooks.graphql
// declares what admins see; the secret never).
func (Webhook) Annotations() []entschema.Annotation {
	return []entschema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// WebhookDelivery is one event for one endpoint: the transactional outbox
// row, written by the change log's hook in the same transaction as the
// change (ent/outbox), and its delivery log. The dispatcher
// (server/webhooks) claims due rows, POSTs the payload, records every
// attempt and retries with backoff until the endpoint answers 2xx or the
// attempts run out. Only admins read it; only the server writes it.
type WebhookDelivery struct{ ent.Schema }

// Fields of the WebhookDelivery.
func (WebhookDelivery) Fields() []ent.Field {
	return []ent.Field{
		field.Int("webhook_id").Immutable(),
		field.String("event_id").Immutable().NotEmpty().MaxLen(64).
			Comment("The event's ID: the idempotency key (Brandshow-Delivery header), the same on every retry."),
		field.String("event").Immutable().NotEmpty().MaxLen(64).
			Comment("The event type, e.g. item.published."),
		field.String("entity_type").Immutable().MaxLen(64).
			Comment("GraphQL type of the item, e.g. Brand."),
		field.Int("entity_id").Immutable().
			Comment("Global ID of the item."),
		field.Text("payload").Immutable().
			Comment("The JSON body, fixed when the event was written, so every retry sends the same bytes."),
		field.Enum("state").Values("PENDING", "DELIVERED", "FAILED").Default("PENDING").
			Comment("PENDING until an attempt gets a 2xx answer (DELIVERED) or the attempts run out (FAILED)."),
		field.Int("attempts").NonNegative().Default(0),
		field.Time("next_attempt_at").Default(time.Now).
			Comment("When the row is due; a claimed row is leased until now plus twice the timeout."),
		field.Time("created_at").Immutable().Default(time.Now),
		field.Time("delivered_at").Optional().Nillable(),
		field.JSON("log", []schematype.DeliveryAttempt{}).Default([]schematype.DeliveryAttempt{}).
			Comment("Every attempt: when, the HTTP status, how long it took, the error."),
	}
}

// Edges of the WebhookDelivery.
func (WebhookDelivery) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("webhook", Webhook.Type).Ref("deliveries").Field("webhook_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of the WebhookDelivery: the dispatcher looks for due rows; an
// event is written once per endpoint.
func (WebhookDelivery) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("state", "next_attempt_at"),
		index.Fields("webhook_id", "event_id").Unique(),
	}
}

// Annotations of the WebhookDelivery: not a node; admins read it through
// Webhook.deliveries (schema/webhooks.graphql).
func (WebhookDelivery) Annotations() []entschema.Annotation {
	return []entschema.Annotation{entgql.Skip(entgql.SkipAll)}
}
