-- The event tables notify like every other content table (see 20261128075900_notify_changes.sql).
CREATE TRIGGER "events_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "event_brands_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_brands" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "event_role_models_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_role_models" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "event_media_coverages_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_media_coverages" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
