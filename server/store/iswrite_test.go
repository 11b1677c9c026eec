package store

import "testing"

// TestIsWrite checks the statement classifier behind cache invalidation and
// replica routing: reads (ent's per-parent limit CTE included) are not
// writes; every data-modifying statement is, token bookkeeping aside.
func TestIsWrite(t *testing.T) {
	for query, want := range map[string]bool{
		`SELECT "brands"."id" FROM "brands"`: false,
		`(SELECT 1) UNION (SELECT 2)`:        false,
		`WITH "src_query" AS (SELECT "t1"."brand_id", "role_models"."id", ROW_NUMBER() OVER (PARTITION BY "t1"."brand_id" ORDER BY "id") AS "row_number" FROM "role_models" JOIN "brand_role_models" AS "t1" ON "role_models"."id" = "t1"."role_model_id") SELECT * FROM "src_query" WHERE "row_number" <= $1`: false,
		`WITH gone AS (DELETE FROM "brands" WHERE "id" = $1 RETURNING "id") SELECT * FROM gone`: true,
		`with x as (update "brands" set "rank" = 1 returning id) select 1`:                      true,
		`INSERT INTO "brands" ("slug") VALUES ($1)`:                                             true,
		`UPDATE "brands" SET "name_zh" = $1`:                                                    true,
		`DELETE FROM "media_coverages" WHERE "id" = $1`:                                         true,
		`UPDATE "tokens" SET "last_used_at" = $1 WHERE "id" = $2`:                               false,
		`SET LOCAL enable_seqscan = off`:                                                        true,
		`WITH x AS (SELECT "updated_at", "deleted", "inserts" FROM "t") SELECT * FROM x`:        false,
		`WITH x AS (SELECT 1) MERGE INTO "t" USING x ON true WHEN MATCHED THEN DO NOTHING`:      true,
		`WITH x AS (SELECT 1) SELECT 1; TRUNCATE "brands"`:                                      true,
		"WITH x AS (SELECT 1)\nDELETE\tFROM \"brands\"":                                         true,
	} {
		if got := isWrite(query); got != want {
			t.Errorf("isWrite(%.60q) = %v, want %v", query, got, want)
		}
	}
}
