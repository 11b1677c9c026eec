-- Modify "search_docs" table
ALTER TABLE "search_docs" ADD COLUMN "text" text NOT NULL DEFAULT '';
