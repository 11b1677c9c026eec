package search

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"entgo.io/ent/dialect"
)

// SetCandidateLimit lowers the candidate bound and how many candidates are
// ranked past it for a test, so a few items reach it; the returned function
// restores them.
func SetCandidateLimit(limit, ranked int) (restore func()) {
	oldLimit, oldRanked := candidateLimit, boundedRank
	candidateLimit, boundedRank = limit, ranked
	return func() { candidateLimit, boundedRank = oldLimit, oldRanked }
}

// SetBlockShift changes the size of PostgreSQL's ID blocks (1<<shift rows)
// for a test, before it writes: blockShift and, on PostgreSQL, the argument
// of the trigger that adds the block tokens in db's schema (the test's own).
// The returned function restores both.
func SetBlockShift(t testing.TB, db *sql.DB, dia string, shift int) (restore func()) {
	t.Helper()
	setTrigger := func(shift int) {
		if dia != dialect.Postgres {
			return
		}
		_, err := db.ExecContext(context.Background(), fmt.Sprintf(`DROP TRIGGER "search_docs_block" ON "search_docs";
CREATE TRIGGER "search_docs_block" BEFORE INSERT OR UPDATE OF "tokens", "name_tokens" ON "search_docs"
FOR EACH ROW EXECUTE FUNCTION "search_docs_block"(%d)`, shift))
		if err != nil {
			t.Fatalf("block trigger: %v", err)
		}
	}
	old := blockShift
	blockShift = shift
	setTrigger(shift)
	return func() {
		blockShift = old
		setTrigger(old)
	}
}

// BlockShift is blockShift, for tests that check the stored block tokens.
func BlockShift() int { return blockShift }
