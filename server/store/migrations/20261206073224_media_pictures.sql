-- Modify "media_coverages" table
ALTER TABLE "media_coverages" ADD COLUMN "image" jsonb NULL, ADD COLUMN "video_url" character varying NOT NULL DEFAULT '', ADD COLUMN "poster" jsonb NULL;
