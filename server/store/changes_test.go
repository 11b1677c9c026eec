package store_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"brandshow/ent/brand"
	"brandshow/ent/migrate"
	"brandshow/ent/visibility"
	"brandshow/server/store"
	"brandshow/server/store/storetest"

	"entgo.io/ent/dialect"
)

// changeLog collects a DB's change events.
type changeLog chan store.Change

func follow(db *store.DB) changeLog {
	c := make(changeLog, 1000)
	db.OnChange(func(ch store.Change) { c <- ch })
	return c
}

// next waits for the next event of kind want, skipping others.
func (c changeLog) next(t *testing.T, want store.Change) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case got := <-c:
			if got == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %s event", want)
		}
	}
}

func (c changeLog) none(t *testing.T, what string) {
	t.Helper()
	select {
	case got := <-c:
		t.Fatalf("%s: unexpected %s event", what, got)
	default:
	}
}

// TestLocalWritesAreReported: committed writes of this process are reported
// before the commit returns; reads, rollbacks of reads and token
// bookkeeping are not.
func TestLocalWritesAreReported(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dia string) {
		db, _ := storetest.Fresh(t, dia, true)
		ctx := visibility.WithSystem(context.Background())
		log := follow(db)
		db.Client.Brand.Query().AllX(ctx)
		db.Public.Brand.Query().AllX(ctx)
		log.none(t, "reads")

		tx, err := db.Client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tx.Brand.Update().Where(brand.Slug("hongan-dasao")).SetTrademarkCount(43).ExecX(ctx)
		log.none(t, "a write before its commit")
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		select {
		case got := <-log:
			if got != store.LocalWrite {
				t.Fatalf("commit: %s", got)
			}
		default:
			t.Fatal("the commit returned before the write was reported")
		}

		db.Client.Brand.Update().Where(brand.Slug("hongan-dasao")).SetTrademarkCount(1).ExecX(ctx)
		log.next(t, store.LocalWrite)
		for len(log) > 0 { // the search index's statements report too
			<-log
		}

		db.Client.Token.Create().SetName("t").SetRole("EDITOR").SetHash("h").ExecX(ctx)
		log.none(t, "a token")
	})
}

// TestEveryContentTableNotifies: every table but the private ones (tokens, preview links,
// pending revisions, webhooks and their outbox: store.PrivateTypes) has the trigger
// that tells other processes about writes, so a new table without one
// fails here (add it in a new migration).
func TestEveryContentTableNotifies(t *testing.T) {
	for _, dia := range storetest.Dialects() {
		if dia != dialect.Postgres {
			continue
		}
		db, _ := storetest.Fresh(t, dia, false)
		for _, table := range migrate.Tables {
			var n int
			err := db.SQL.QueryRow(`SELECT count(*) FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
				WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace AND tg.tgname = $2`,
				table.Name, table.Name+"_notify_change").Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			private := table.Name == "tokens" || table.Name == "webhooks" || table.Name == "webhook_deliveries" || table.Name == "preview_links" || table.Name == "revisions"
			if want := map[bool]int{true: 0, false: 1}[private]; n != want {
				t.Errorf("table %s has %d notify triggers, want %d", table.Name, n, want)
			}
		}
	}
}

// TestOtherProcessesWritesAreHeard: a write through another connection pool
// (as another server process, `server import` or psql would make) reaches
// the listener as RemoteWrite; a write in another schema of the same
// database does not.
func TestOtherProcessesWritesAreHeard(t *testing.T) {
	for _, dia := range storetest.Dialects() {
		if dia != dialect.Postgres {
			continue
		}
		url := storetest.NewURL(t, dia)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		db, err := store.Open(ctx, url, store.Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Migrate(ctx, quiet); err != nil {
			t.Fatal(err)
		}
		log := follow(db)
		if err := db.ListenForChanges(ctx, nil); err != nil {
			t.Fatal(err)
		}
		log.next(t, store.ListenerUp)

		other, _ := storetest.Fresh(t, dia, false) // another schema
		other.Client.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel("PROVINCE").ExecX(visibility.WithSystem(ctx))
		time.Sleep(200 * time.Millisecond)
		for len(log) > 0 {
			if got := <-log; got == store.RemoteWrite {
				t.Fatal("a write in another schema was reported")
			}
		}

		writer, err := store.Open(ctx, url, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer writer.Close()
		writer.Client.Region.Create().SetCode("420000").SetNameZh("湖北省").SetLevel("PROVINCE").ExecX(visibility.WithSystem(ctx))
		log.next(t, store.RemoteWrite)

		// Rolled back: nothing to hear.
		tx, err := writer.Client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tx.Region.Create().SetCode("421000").SetNameZh("荆州市").SetLevel("PREFECTURE").ExecX(visibility.WithSystem(ctx))
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		for len(log) > 0 {
			if got := <-log; got == store.RemoteWrite {
				t.Fatal("a rolled-back write was reported")
			}
		}
	}
}
