-- Modify "figures" table
ALTER TABLE "figures" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "figure_publish_at" to table: "figures"
CREATE INDEX "figure_publish_at" ON "figures" ("publish_at");
-- Create index "figure_unpublish_at" to table: "figures"
CREATE INDEX "figure_unpublish_at" ON "figures" ("unpublish_at");
-- Modify "recognitions" table
ALTER TABLE "recognitions" ADD COLUMN "publish_at" timestamptz NULL, ADD COLUMN "unpublish_at" timestamptz NULL;
-- Create index "recognition_publish_at" to table: "recognitions"
CREATE INDEX "recognition_publish_at" ON "recognitions" ("publish_at");
-- Create index "recognition_unpublish_at" to table: "recognitions"
CREATE INDEX "recognition_unpublish_at" ON "recognitions" ("unpublish_at");
