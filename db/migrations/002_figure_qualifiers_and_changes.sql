-- Figures gain what a count counts, a qualifier and a change
-- (graph-data/README.md, "Figures"). An import writes them into each figure's
-- `node`; the figures of generations imported before are given them as null
-- (none of those figures was read with a qualifier or a change), so that
-- every figure read back has every field of the model.

DO $$
DECLARE
  generation record;
BEGIN
  FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^newsgraph_g[0-9]+$' LOOP
    IF to_regclass(format('%I.nodes', generation.nspname)) IS NOT NULL THEN
      EXECUTE format(
        $f$UPDATE %I.nodes SET node = jsonb_build_object('counted', NULL, 'qualifier', NULL, 'change', NULL) || node
           WHERE kind = 'FIGURE' AND NOT node ? 'qualifier'$f$,
        generation.nspname);
    END IF;
  END LOOP;
END $$;
