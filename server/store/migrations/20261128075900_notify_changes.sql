-- Every committed write to the content tables sends NOTIFY brandshow_changes
-- (payload: the writer's schema), whoever the writer is: a server replica,
-- `server import`, `server seed` or psql. The servers LISTEN and empty their
-- response caches. NOTIFY is transactional: it is delivered at COMMIT, never
-- for a rolled-back transaction, and identical notifications of one
-- transaction are folded into one. Statement-level triggers keep the cost to
-- one call per statement. tokens is left out: it holds no public content.
CREATE FUNCTION "brandshow_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('brandshow_changes', current_schema());
  RETURN NULL;
END
$$;
CREATE TRIGGER "regions_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "enterprises_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprises" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "alliances_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "alliances" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "alliance_brands_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "alliance_brands" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "brands_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "brands" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "role_models_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "role_models" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "brand_role_models_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "brand_role_models" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "enterprise_brands_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprise_brands" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "media_coverages_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "media_coverages" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "media_coverage_brands_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "media_coverage_brands" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "media_coverage_role_models_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "media_coverage_role_models" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "venues_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "venues" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "venue_brands_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "venue_brands" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "audit_entries_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
CREATE TRIGGER "search_docs_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "search_docs" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
