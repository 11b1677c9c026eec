-- The change log (ent type ChangeLogEntry) is read by its ID: a reader that
-- has seen entry 11 asks for the entries after 11. Identity values are taken
-- when a row is inserted, not when its transaction commits, so two writers
-- could commit 11 before 10 and a reader between the commits would never see
-- 10. Each inserting transaction therefore first takes a transaction-level
-- advisory lock (held until it commits or rolls back), then numbers its row:
-- entries are numbered in commit order. Only transactions that change
-- published content write the log, so only they wait for each other.
CREATE FUNCTION "brandshow_change_log_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.change_log_entries'));
  NEW.id := nextval(pg_get_serial_sequence(quote_ident(current_schema()) || '.change_log_entries', 'id'));
  RETURN NEW;
END
$$;
CREATE TRIGGER "change_log_entries_order" BEFORE INSERT ON "change_log_entries" FOR EACH ROW EXECUTE FUNCTION "brandshow_change_log_order"();
CREATE TRIGGER "change_log_entries_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "change_log_entries" FOR EACH STATEMENT EXECUTE FUNCTION "brandshow_notify_change"();
