package store_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"brandshow/ent/migrate"
	"brandshow/ent/visibility"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// TestMigrationsMatchSchema applies the versioned migrations to an empty
// PostgreSQL schema and asks ent what it would still change: nothing, or a
// schema change was made without a migration (go run
// ./server/store/gen_migration.go NAME).
func TestMigrationsMatchSchema(t *testing.T) {
	for _, dia := range storetest.Dialects() {
		if dia != dialect.Postgres {
			continue
		}
		db, _ := storetest.Fresh(t, dia, false)
		var buf bytes.Buffer
		if err := db.Client.Schema.WriteTo(context.Background(), &buf, migrate.WithDropIndex(true), migrate.WithDropColumn(true)); err != nil {
			t.Fatal(err)
		}
		var pending []string
		for _, line := range strings.Split(buf.String(), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line == "BEGIN;" || line == "COMMIT;" || strings.HasPrefix(line, "--") {
				continue
			}
			pending = append(pending, line)
		}
		if len(pending) > 0 {
			t.Fatalf("ent/schema has changes that no migration applies:\n%s", strings.Join(pending, "\n"))
		}
		// Running the migrations again changes nothing.
		if err := db.Migrate(context.Background(), nil); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
	}
}

func TestMigrationDirIsIntact(t *testing.T) {
	dir, err := store.MigrationDir()
	if err != nil {
		t.Fatal(err)
	}
	files, err := dir.Files()
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: %d files, %v", len(files), err)
	}
}

func TestDatabaseURLIsValidated(t *testing.T) {
	_, err := store.Open(context.Background(), "mysql://root@localhost/x", store.Options{})
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Fatalf("Open(mysql) = %v, want a DATABASE_URL error", err)
	}
}

// TestPublicClientCannotWrite: the client anonymous requests run on rejects
// every create, update and delete, whatever the caller's context says.
func TestPublicClientCannotWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		ctx := context.Background()
		r, err := db.Public.Region.Query().First(ctx)
		if err != nil {
			t.Fatalf("the public client must read: %v", err)
		}
		attempts := map[string]error{
			"create":     db.Public.Region.Create().SetCode("999999").SetNameZh("测试").SetLevel("COUNTY").Exec(ctx),
			"update one": db.Public.Region.UpdateOne(r).SetNameEn("x").Exec(ctx),
			"update":     db.Public.Region.Update().SetNameEn("x").Exec(ctx),
			"delete one": db.Public.Region.DeleteOne(r).Exec(ctx),
		}
		_, err = db.Public.Region.Delete().Exec(ctx)
		attempts["delete"] = err
		for op, err := range attempts {
			var denied *visibility.DeniedError
			if !errors.As(err, &denied) && !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("%s through the public client: %v", op, err)
			}
		}
		if n := db.Client.Region.Query().CountX(ctx); n == 0 {
			t.Fatal("regions deleted")
		}
	})
}
