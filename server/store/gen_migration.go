//go:build ignore

// gen_migration writes a new PostgreSQL migration for the changes in
// ent/schema since the last one. It needs a scratch PostgreSQL database to
// compute the difference in (Atlas's "dev database"):
//
//	go run ./server/store/gen_migration.go NAME
//
// DEV_DATABASE_URL defaults to the local test server. Run it from the
// repository root and commit the new file together with atlas.sum.
package main

import (
	"context"
	"database/sql"
	"log"
	"os"

	"brandshow/ent/migrate"

	atlasmigrate "ariga.io/atlas/sql/migrate"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run ./server/store/gen_migration.go NAME")
	}
	devURL := os.Getenv("DEV_DATABASE_URL")
	if devURL == "" {
		devURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable&search_path=atlas_dev"
		db, err := sql.Open("postgres", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable")
		if err != nil {
			log.Fatal(err)
		}
		if _, err := db.Exec(`DROP SCHEMA IF EXISTS atlas_dev CASCADE; CREATE SCHEMA atlas_dev`); err != nil {
			log.Fatal(err)
		}
		db.Close()
	}
	dir, err := atlasmigrate.NewLocalDir("server/store/migrations")
	if err != nil {
		log.Fatal(err)
	}

	err = migrate.NamedDiff(context.Background(), devURL, os.Args[1],
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialect.Postgres),
		schema.WithFormatter(atlasmigrate.DefaultFormatter),
		schema.WithDropIndex(true),
		schema.WithDropColumn(true),
	)
	if err != nil {
		log.Fatalf("generating migration: %v", err)
	}
}
