-- The same fact in several articles (src/graph/same-facts.ts): each figure and
-- quote of a generation as a report of a fact, with the reports of other
-- articles it matches and the fact it belongs to. Made by the import and kept
-- by writes, a bucket at a time (`bucket`: the reports that may match).

CREATE FUNCTION newsgraph.create_fact_tables(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- `links`: the matching reports of other articles, in node order; `fact_id`: the first report of the fact, `report_ids` all of them, in node order.
  EXECUTE format($f$CREATE TABLE %I.fact_reports (
    node_id text PRIMARY KEY,
    kind text NOT NULL,
    ord text COLLATE "C" NOT NULL,
    article_id text NOT NULL,
    bucket text NOT NULL,
    words text,
    links text[] NOT NULL,
    fact_id text NOT NULL,
    report_ids text[] NOT NULL,
    article_count integer NOT NULL
  )$f$, target);
  EXECUTE format('CREATE INDEX ON %I.fact_reports (bucket)', target);
  -- The facts more than one article reports, by their first report: what the SHARED listing pages through.
  EXECUTE format('CREATE INDEX ON %I.fact_reports (kind, ord) WHERE fact_id = node_id AND article_count > 1', target);
END
$$;

-- Generations imported before this migration get the table, empty, and no fact
-- counts: their figures and quotes are not matched until the next db:import.
DO $$
DECLARE
  generation record;
BEGIN
  FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^newsgraph_g[0-9]+$' LOOP
    PERFORM newsgraph.create_fact_tables(generation.nspname);
    EXECUTE format($f$INSERT INTO %I.meta (key, value) VALUES ('facts', '{"byKind":[{"kind":"FIGURE","distinct":0,"shared":0},{"kind":"QUOTE","distinct":0,"shared":0}]}') ON CONFLICT (key) DO NOTHING$f$, generation.nspname);
  END LOOP;
END
$$;
