-- The recognitions table notifies like every other content table (see 20261128075900_notify_changes.sql).
CREATE TRIGGER "recognitions_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recognitions" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
