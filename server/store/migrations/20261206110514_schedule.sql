-- Modify "alliances" table
ALTER TABLE "alliances" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "alliance_publish_at" to table: "alliances"
CREATE INDEX "alliance_publish_at" ON "alliances" ("publish_at");
-- Create index "alliance_unpublish_at" to table: "alliances"
CREATE INDEX "alliance_unpublish_at" ON "alliances" ("unpublish_at");
-- Modify "brands" table
ALTER TABLE "brands" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "brand_publish_at" to table: "brands"
CREATE INDEX "brand_publish_at" ON "brands" ("publish_at");
-- Create index "brand_unpublish_at" to table: "brands"
CREATE INDEX "brand_unpublish_at" ON "brands" ("unpublish_at");
-- Modify "change_log_entries" table
ALTER TABLE "change_log_entries" ADD COLUMN "transition_at" timestamptz NULL;
-- Create index "changelogentry_entity_id_kind_transition_at" to table: "change_log_entries"
CREATE UNIQUE INDEX "changelogentry_entity_id_kind_transition_at" ON "change_log_entries" ("entity_id", "kind", "transition_at");
-- Modify "enterprises" table
ALTER TABLE "enterprises" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "enterprise_publish_at" to table: "enterprises"
CREATE INDEX "enterprise_publish_at" ON "enterprises" ("publish_at");
-- Create index "enterprise_unpublish_at" to table: "enterprises"
CREATE INDEX "enterprise_unpublish_at" ON "enterprises" ("unpublish_at");
-- Modify "events" table
ALTER TABLE "events" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "event_publish_at" to table: "events"
CREATE INDEX "event_publish_at" ON "events" ("publish_at");
-- Create index "event_unpublish_at" to table: "events"
CREATE INDEX "event_unpublish_at" ON "events" ("unpublish_at");
-- Modify "media_coverages" table
ALTER TABLE "media_coverages" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "mediacoverage_publish_at" to table: "media_coverages"
CREATE INDEX "mediacoverage_publish_at" ON "media_coverages" ("publish_at");
-- Create index "mediacoverage_unpublish_at" to table: "media_coverages"
CREATE INDEX "mediacoverage_unpublish_at" ON "media_coverages" ("unpublish_at");
-- Modify "role_models" table
ALTER TABLE "role_models" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "rolemodel_publish_at" to table: "role_models"
CREATE INDEX "rolemodel_publish_at" ON "role_models" ("publish_at");
-- Create index "rolemodel_unpublish_at" to table: "role_models"
CREATE INDEX "rolemodel_unpublish_at" ON "role_models" ("unpublish_at");
-- Modify "search_docs" table
ALTER TABLE "search_docs" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "searchdoc_publish_at" to table: "search_docs"
CREATE INDEX "searchdoc_publish_at" ON "search_docs" ("publish_at");
-- Create index "searchdoc_unpublish_at" to table: "search_docs"
CREATE INDEX "searchdoc_unpublish_at" ON "search_docs" ("unpublish_at");
-- Modify "venues" table
ALTER TABLE "venues" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "venue_publish_at" to table: "venues"
CREATE INDEX "venue_publish_at" ON "venues" ("publish_at");
-- Create index "venue_unpublish_at" to table: "venues"
CREATE INDEX "venue_unpublish_at" ON "venues" ("unpublish_at");
