-- Modify "search_docs" table
ALTER TABLE "search_docs" ADD COLUMN "name_key" character varying NOT NULL DEFAULT '', ADD COLUMN "pinyin_key" character varying NOT NULL DEFAULT '', ADD COLUMN "initials_key" character varying NOT NULL DEFAULT '';
-- Create index "searchdoc_initials_key" to table: "search_docs"
CREATE INDEX "searchdoc_initials_key" ON "search_docs" ("initials_key" text_pattern_ops);
-- Create index "searchdoc_name_key" to table: "search_docs"
CREATE INDEX "searchdoc_name_key" ON "search_docs" ("name_key" text_pattern_ops);
-- Create index "searchdoc_pinyin_key" to table: "search_docs"
CREATE INDEX "searchdoc_pinyin_key" ON "search_docs" ("pinyin_key" text_pattern_ops);
