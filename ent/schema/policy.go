package schema

import (
	"brandshow/ent/visibility"

	"entgo.io/ent"
	"entgo.io/ent/privacy"
)

// Who may write what is declared here, as ent privacy policies, so every
// write path obeys the same rules; the rules themselves live in
// ent/visibility (write.go). A context from visibility.WithSystem (seed,
// import, the token commands, the audit log's writer) is allowed before any
// rule runs. Reads are not policed here: the interceptors hide drafts
// (publication.go) and the audit log (auditentry.go).

// Policy of the EditedMixin: editors write drafts, publishers publish,
// feature, delete and change published items.
func (EditedMixin) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.ContentWrite()}}
}

// Policy of the Token: only admins manage tokens (in practice the
// `server token` commands do, as the system).
func (Token) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.RequireRole(visibility.RoleAdmin)}}
}

// Policy of the AuditEntry: the log is written by its hook only, never
// changed.
func (AuditEntry) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.SystemOnly()}}
}

// Policy of the Region: the public sees a region as soon as it exists, so
// only publishers may change one (in practice seed and import do).
func (Region) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.RequireRole(visibility.RolePublisher)}}
}

// Policy of the ChangeLogEntry: written by the PublicationMixin's hook
// only, never changed.
func (ChangeLogEntry) Policy() ent.Policy {
	return privacy.Policy{Mutation: privacy.MutationPolicy{visibility.SystemOnly()}}
}

// Policy of the Webhook: only admins see and manage endpoints (the
// `server webhook` commands and the outbox hook act as the system).
func (Webhook) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{visibility.AdminOnly()},
		Mutation: privacy.MutationPolicy{visibility.AdminOnly()},
	}
}

// Policy of the WebhookDelivery: admins read the outbox and its log; only
// the server writes it (the outbox hook and the dispatcher, as the system).
func (WebhookDelivery) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{visibility.AdminOnly()},
		Mutation: privacy.MutationPolicy{visibility.SystemOnly()},
	}
}
