-- Create index "brand_status_category_workers_employed_workers_exported" to table: "brands"
CREATE INDEX "brand_status_category_workers_employed_workers_exported" ON "brands" ("status", "category", "workers_employed", "workers_exported");
-- Create index "brand_status_level" to table: "brands"
CREATE INDEX "brand_status_level" ON "brands" ("status", "level");
