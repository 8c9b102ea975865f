-- The lengths of lists joined by several hops (src/postgres/kept-unions.ts,
-- KEPT_UNIONS): per node and kind of the other end, the distinct nodes any of
-- the hops joins, kept in list_counts as the import and each write keep them.
-- Generations imported before this migration get them counted here.
DO $$
DECLARE
  generation record;
  hops text[];
BEGIN
  FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^newsgraph_g[0-9]+$' LOOP
    FOREACH hops SLICE 1 IN ARRAY ARRAY[['IN|ABOUT', 'OUT|CLAIMS'], ['IN|ABOUT', 'IN|MEASURES']] LOOP
      EXECUTE format($f$
        INSERT INTO %I.list_counts (list, count)
        SELECT 'related|' || r.node_id || '|' || $1[1] || '|' || r.kind || ',' || $1[2] || '|' || r.kind, count(DISTINCT r.other_ord)
        FROM (SELECT node_id, other_ord, substring(bucket FROM '[^|]*$') AS kind, substring(bucket FROM '^(.*)\|[^|]*$') AS hop FROM %I.related) r
        WHERE r.hop = ANY($1)
        GROUP BY r.node_id, r.kind
        ON CONFLICT (list) DO UPDATE SET count = EXCLUDED.count$f$, generation.nspname, generation.nspname) USING hops;
    END LOOP;
  END LOOP;
END
$$;
