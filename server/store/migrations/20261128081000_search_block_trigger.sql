-- Block tokens (see blockShift in ent/searchindex/doc.go): every row's tokens
-- and name_tokens carry 'xb_' || (id >> shift), the shift being the trigger's
-- argument, equal to blockShift (TestBlockTokens checks). A BEFORE trigger
-- adds them in the row's own write: the ID is only known once the row is
-- inserted, and a second UPDATE doubled the GIN index work and left dead rows.
CREATE FUNCTION "search_docs_block"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  block tsvector := ('xb_' || (NEW.id >> TG_ARGV[0]::int))::tsvector;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- An upsert's new values carry the block of the ID its insert drew
    -- before the conflict; the row keeps its own ID, so its own block.
    NEW.tokens := ts_delete(NEW.tokens, ARRAY(SELECT l FROM unnest(tsvector_to_array(NEW.tokens)) AS l WHERE l LIKE 'xb\_%'));
    NEW.name_tokens := ts_delete(NEW.name_tokens, ARRAY(SELECT l FROM unnest(tsvector_to_array(NEW.name_tokens)) AS l WHERE l LIKE 'xb\_%'));
  END IF;
  NEW.tokens := NEW.tokens || block;
  NEW.name_tokens := NEW.name_tokens || block;
  RETURN NEW;
END
$$;
-- Create trigger "search_docs_block" on table: "search_docs"
CREATE TRIGGER "search_docs_block" BEFORE INSERT OR UPDATE OF "tokens", "name_tokens" ON "search_docs" FOR EACH ROW EXECUTE FUNCTION "search_docs_block"(10);
