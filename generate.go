// Package brandshow is the root of the labor brand showcase. It holds no code
// of its own: it only runs the generators, ent first (data model and
// schema/ent.graphql), then gqlgen (graph/).
package brandshow

//go:generate go run -mod=mod ./ent/entc.go
//go:generate go tool gqlgen generate
