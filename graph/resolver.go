// Package graph is the GraphQL layer: gqlgen's generated executor, the
// resolvers (one to three lines each) and the helpers they call. Real logic
// lives in named helpers beside the resolvers (featured.go, venues.go,
// stats.go, ...), because gqlgen rewrites *.resolvers.go.
package graph

import (
	"brandshow/ent"
	"brandshow/server/media"
)

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	client *ent.Client
	about  About
	media  *media.Store // nil: uploads refused
	// webhookAllowPrivate: webhooks may be registered on private addresses.
	webhookAllowPrivate bool
}

// NewResolver returns the root resolver for a client. sampleContent says
// whether the data set is the bundled demo content (see About).
func NewResolver(client *ent.Client, sampleContent bool) *Resolver {
	return &Resolver{client: client, about: About{SampleContent: sampleContent}}
}
