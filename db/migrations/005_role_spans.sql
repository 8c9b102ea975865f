-- A role's spans apart from the role: a person quoted in thousands of articles
-- has thousands of statements of one role, and a page of roles (title, person,
-- organization) should not read them. `role` holds the role, `spans` the words
-- stating it in edge order (src/postgres/postgres-store.ts, getRoleSpans).

CREATE FUNCTION newsgraph.create_role_spans(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($f$ALTER TABLE %I.roles ADD COLUMN spans jsonb NOT NULL DEFAULT '[]'$f$, target);
END
$$;

-- Generations imported before this migration: their roles' spans move to the column.
DO $$
DECLARE
  generation record;
BEGIN
  FOR generation IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^newsgraph_g[0-9]+$' LOOP
    PERFORM newsgraph.create_role_spans(generation.nspname);
    EXECUTE format($f$UPDATE %I.roles SET spans = coalesce(role->'spans', '[]'), role = role - 'spans'$f$, generation.nspname);
  END LOOP;
END
$$;
