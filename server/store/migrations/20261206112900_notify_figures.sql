-- The figures table notifies like every other content table (see 20261128075900_notify_changes.sql).
CREATE TRIGGER "figures_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "figures" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
