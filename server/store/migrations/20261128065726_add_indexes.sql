-- Create index "region_parent_id" to table: "regions"
CREATE INDEX "region_parent_id" ON "regions" ("parent_id");
-- Drop index "alliance_status" from table: "alliances"
DROP INDEX "alliance_status";
-- Create index "alliance_founded_on" to table: "alliances"
CREATE INDEX "alliance_founded_on" ON "alliances" ("founded_on");
-- Create index "alliance_lead_enterprise_id" to table: "alliances"
CREATE INDEX "alliance_lead_enterprise_id" ON "alliances" ("lead_enterprise_id");
-- Create index "alliance_status_published_at" to table: "alliances"
CREATE INDEX "alliance_status_published_at" ON "alliances" ("status", "published_at");
-- Drop index "searchdoc_status" from table: "search_docs"
DROP INDEX "searchdoc_status";
-- Create index "searchdoc_status_published_at" to table: "search_docs"
CREATE INDEX "searchdoc_status_published_at" ON "search_docs" ("status", "published_at");
-- Drop index "brand_featured_featured_rank" from table: "brands"
DROP INDEX "brand_featured_featured_rank";
-- Drop index "brand_status" from table: "brands"
DROP INDEX "brand_status";
-- Create index "brand_featured_rank" to table: "brands"
CREATE INDEX "brand_featured_rank" ON "brands" ("featured_rank") WHERE featured;
-- Create index "brand_founded_year" to table: "brands"
CREATE INDEX "brand_founded_year" ON "brands" ("founded_year");
-- Create index "brand_status_published_at" to table: "brands"
CREATE INDEX "brand_status_published_at" ON "brands" ("status", "published_at");
-- Create index "brand_workers_employed" to table: "brands"
CREATE INDEX "brand_workers_employed" ON "brands" ("workers_employed");
-- Modify "alliance_brands" table
ALTER TABLE "alliance_brands" DROP CONSTRAINT "alliance_brands_alliance_id", DROP CONSTRAINT "alliance_brands_brand_id", ADD CONSTRAINT "alliance_brands_alliances_alliance" FOREIGN KEY ("alliance_id") REFERENCES "alliances" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "alliance_brands_brands_brand" FOREIGN KEY ("brand_id") REFERENCES "brands" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Create index "alliancebrand_brand_id" to table: "alliance_brands"
CREATE INDEX "alliancebrand_brand_id" ON "alliance_brands" ("brand_id");
-- Drop index "rolemodel_status" from table: "role_models"
DROP INDEX "rolemodel_status";
-- Create index "rolemodel_region_id" to table: "role_models"
CREATE INDEX "rolemodel_region_id" ON "role_models" ("region_id");
-- Create index "rolemodel_status_published_at" to table: "role_models"
CREATE INDEX "rolemodel_status_published_at" ON "role_models" ("status", "published_at");
-- Modify "brand_role_models" table
ALTER TABLE "brand_role_models" DROP CONSTRAINT "brand_role_models_brand_id", DROP CONSTRAINT "brand_role_models_role_model_id", ADD CONSTRAINT "brand_role_models_brands_brand" FOREIGN KEY ("brand_id") REFERENCES "brands" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "brand_role_models_role_models_role_model" FOREIGN KEY ("role_model_id") REFERENCES "role_models" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Create index "brandrolemodel_role_model_id" to table: "brand_role_models"
CREATE INDEX "brandrolemodel_role_model_id" ON "brand_role_models" ("role_model_id");
-- Drop index "enterprise_status" from table: "enterprises"
DROP INDEX "enterprise_status";
-- Create index "enterprise_region_id" to table: "enterprises"
CREATE INDEX "enterprise_region_id" ON "enterprises" ("region_id");
-- Create index "enterprise_status_published_at" to table: "enterprises"
CREATE INDEX "enterprise_status_published_at" ON "enterprises" ("status", "published_at");
-- Modify "enterprise_brands" table
ALTER TABLE "enterprise_brands" DROP CONSTRAINT "enterprise_brands_brand_id", DROP CONSTRAINT "enterprise_brands_enterprise_id", ADD CONSTRAINT "enterprise_brands_brands_brand" FOREIGN KEY ("brand_id") REFERENCES "brands" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "enterprise_brands_enterprises_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Create index "enterprisebrand_brand_id" to table: "enterprise_brands"
CREATE INDEX "enterprisebrand_brand_id" ON "enterprise_brands" ("brand_id");
-- Drop index "mediacoverage_medium" from table: "media_coverages"
DROP INDEX "mediacoverage_medium";
-- Drop index "mediacoverage_status" from table: "media_coverages"
DROP INDEX "mediacoverage_status";
-- Create index "mediacoverage_medium_published_on" to table: "media_coverages"
CREATE INDEX "mediacoverage_medium_published_on" ON "media_coverages" ("medium", "published_on");
-- Create index "mediacoverage_status_published_at" to table: "media_coverages"
CREATE INDEX "mediacoverage_status_published_at" ON "media_coverages" ("status", "published_at");
-- Modify "media_coverage_brands" table
ALTER TABLE "media_coverage_brands" DROP CONSTRAINT "media_coverage_brands_brand_id", DROP CONSTRAINT "media_coverage_brands_media_coverage_id", ADD CONSTRAINT "media_coverage_brands_brands_brand" FOREIGN KEY ("brand_id") REFERENCES "brands" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "media_coverage_brands_media_coverages_media_coverage" FOREIGN KEY ("media_coverage_id") REFERENCES "media_coverages" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Create index "mediacoveragebrand_brand_id" to table: "media_coverage_brands"
CREATE INDEX "mediacoveragebrand_brand_id" ON "media_coverage_brands" ("brand_id");
-- Modify "media_coverage_role_models" table
ALTER TABLE "media_coverage_role_models" DROP CONSTRAINT "media_coverage_role_models_media_coverage_id", DROP CONSTRAINT "media_coverage_role_models_role_model_id", ADD CONSTRAINT "media_coverage_role_models_media_coverages_media_coverage" FOREIGN KEY ("media_coverage_id") REFERENCES "media_coverages" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "media_coverage_role_models_role_models_role_model" FOREIGN KEY ("role_model_id") REFERENCES "role_models" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Create index "mediacoveragerolemodel_role_model_id" to table: "media_coverage_role_models"
CREATE INDEX "mediacoveragerolemodel_role_model_id" ON "media_coverage_role_models" ("role_model_id");
-- Drop index "venue_status" from table: "venues"
DROP INDEX "venue_status";
-- Create index "venue_status_published_at" to table: "venues"
CREATE INDEX "venue_status_published_at" ON "venues" ("status", "published_at");
-- Modify "venue_brands" table
ALTER TABLE "venue_brands" DROP CONSTRAINT "venue_brands_brand_id", DROP CONSTRAINT "venue_brands_venue_id", ADD CONSTRAINT "venue_brands_brands_brand" FOREIGN KEY ("brand_id") REFERENCES "brands" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, ADD CONSTRAINT "venue_brands_venues_venue" FOREIGN KEY ("venue_id") REFERENCES "venues" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
-- Create index "venuebrand_brand_id" to table: "venue_brands"
CREATE INDEX "venuebrand_brand_id" ON "venue_brands" ("brand_id");
