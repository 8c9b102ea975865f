-- An incidence keeps its node, its edge's order key, direction and predicate.
-- The edge's id, its ends and its article are parts of the order key
-- (src/postgres/order-key.ts, edgeOrderKey), so they are read from it, not
-- stored a second time in the table and in each of its two covering
-- indexes: at 100,000 articles that was 5.4 million rows of over 100 bytes
-- each, three times over. Nothing read the index on article_id: a write
-- finds an article's incidences by node and key.

-- The incidences of a new generation, made by create_graph_generation, lose
-- the columns before anything is written into them (an import calls this
-- right after it).
CREATE FUNCTION newsgraph.slim_incidences(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I.incidences DROP COLUMN edge_id, DROP COLUMN other_id, DROP COLUMN article_id', target);
END
$$;

CREATE OR REPLACE FUNCTION newsgraph.index_graph_generation(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE UNIQUE INDEX ON %I.nodes (ord)', target);
  EXECUTE format('CREATE INDEX ON %I.nodes (kind, ord)', target);
  EXECUTE format($f$CREATE INDEX ON %I.nodes (unit, ord) WHERE kind = 'FIGURE'$f$, target);
  EXECUTE format('CREATE INDEX ON %I.nodes (article_id)', target);
  EXECUTE format('CREATE INDEX ON %I.edges (article_id)', target);
  EXECUTE format('CREATE INDEX ON %I.incidences (node_id, ord) INCLUDE (direction, predicate)', target);
  EXECUTE format('CREATE INDEX ON %I.incidences (node_id, predicate, direction, ord)', target);
  EXECUTE format('CREATE INDEX ON %I.related (other_id)', target);
  EXECUTE format('CREATE INDEX ON %I.articles (file)', target);
  EXECUTE format('CREATE INDEX ON %I.mentions (entity_id, ord)', target);
  EXECUTE format('CREATE INDEX ON %I.mentions (article_id, ord) INCLUDE (entity_id, span_start, span_end)', target);
  EXECUTE format('CREATE INDEX ON %I.search_documents USING gin (vector)', target);
  EXECUTE format('CREATE INDEX ON %I.search_terms USING gin (term gin_trgm_ops)', target);
END
$$;

-- Generations imported before keep their columns and indexes until the next
-- db:import replaces them; the columns may be null from now on, since writes
-- no longer fill them and reads no longer use them. Dropping NOT NULL changes
-- the catalog only (no rewrite), but takes each table's exclusive lock for
-- that moment: it waits for the statements reading the table to end, and
-- holds back those that come after it until then.
DO $$
DECLARE
  generation record;
BEGIN
  FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^newsgraph_g[0-9]+$' LOOP
    IF to_regclass(format('%I.incidences', generation.nspname)) IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %I.incidences ALTER COLUMN edge_id DROP NOT NULL, ALTER COLUMN other_id DROP NOT NULL, ALTER COLUMN article_id DROP NOT NULL',
        generation.nspname);
    END IF;
  END LOOP;
END
$$;
