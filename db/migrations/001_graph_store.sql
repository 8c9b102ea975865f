-- The graph store: a schema per imported generation of the graph, and the
-- state that names the one being served. An import fills a new generation
-- and switches to it in one transaction, so readers see the old graph or the
-- new one, never a mix.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE SCHEMA IF NOT EXISTS newsgraph;

CREATE SEQUENCE newsgraph.graph_generation;

-- One row: the generation served and its data version (the digest of its files).
CREATE TABLE newsgraph.graph_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation integer NOT NULL,
  schema_name text NOT NULL,
  version text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- The tables of one generation, in schema `target`, empty and without their
-- secondary indexes (a bulk load builds those afterwards: index_graph_generation).
CREATE FUNCTION newsgraph.create_graph_generation(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE SCHEMA %I', target);
  -- Every node; `node` holds its fields but the article text (its own column) and its order key.
  EXECUTE format($f$CREATE TABLE %I.nodes (
    id text PRIMARY KEY,
    kind text NOT NULL,
    ord text COLLATE "C" NOT NULL,
    slot integer NOT NULL,
    article_id text,
    unit text,
    attribution text,
    names text[],
    degree integer NOT NULL,
    node jsonb NOT NULL,
    article_text text,
    bmp_only boolean
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.edges (
    id text PRIMARY KEY,
    ord text COLLATE "C" NOT NULL,
    slot integer NOT NULL,
    predicate text NOT NULL,
    from_id text NOT NULL,
    to_id text NOT NULL,
    qualifier text,
    span_article text,
    span_start integer,
    span_end integer,
    article_id text NOT NULL
  )$f$, target);
  -- Each edge twice, once from each end: what walks and edge listings read.
  EXECUTE format($f$CREATE TABLE %I.incidences (
    node_id text NOT NULL,
    ord text COLLATE "C" NOT NULL,
    direction text NOT NULL,
    predicate text NOT NULL,
    edge_id text NOT NULL,
    other_id text NOT NULL,
    article_id text NOT NULL
  )$f$, target);
  -- The distinct nodes joined to a node, by bucket `direction|predicate|kind of the other node`, in node order;
  -- `edges` counts the edges behind a row, so that removing one article's edges keeps the rows others still state.
  EXECUTE format($f$CREATE TABLE %I.related (
    node_id text NOT NULL,
    bucket text NOT NULL,
    other_ord text COLLATE "C" NOT NULL,
    other_id text NOT NULL,
    edges integer NOT NULL,
    PRIMARY KEY (node_id, bucket, other_ord)
  )$f$, target);
  -- The roles of each person (OUT) and at each organization (IN), folded from the HAS_ROLE_AT edges as the in-memory store folds them,
  -- in the order first stated: a person stated in thousands of articles has thousands of role statements and a few roles.
  EXECUTE format($f$CREATE TABLE %I.roles (
    node_id text NOT NULL,
    direction text NOT NULL,
    position integer NOT NULL,
    role jsonb NOT NULL,
    PRIMARY KEY (node_id, direction, position)
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.mentions (
    ord text COLLATE "C" NOT NULL,
    entity_id text NOT NULL,
    article_id text NOT NULL,
    span_start integer NOT NULL,
    span_end integer NOT NULL
  )$f$, target);
  -- The length of every list a connection pages, kept by the import (and writes) so totalCount reads one row.
  EXECUTE format($f$CREATE TABLE %I.list_counts (
    list text PRIMARY KEY,
    count integer NOT NULL
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.search_documents (
    node_id text PRIMARY KEY,
    kind text NOT NULL,
    slot integer NOT NULL,
    vector tsvector NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    text text
  )$f$, target);
  -- Every index term, with the (document, field) entries it has: the posting-list lengths a search's allowance counts.
  EXECUTE format($f$CREATE TABLE %I.search_terms (
    term text COLLATE "C" PRIMARY KEY,
    entries integer NOT NULL,
    documents integer NOT NULL
  )$f$, target);
  -- What the graph keeps of each article and entity to replace or remove it later, and the data files' digests and entity files,
  -- from which a write makes the next version (the digest of the files it would leave: src/graph/version-digest.ts).
  -- Records are JSON text, not jsonb: a file written again must have its keys in their order, or its digest changes.
  EXECUTE format($f$CREATE TABLE %I.articles (
    id text PRIMARY KEY,
    file text NOT NULL,
    entities text[] NOT NULL,
    item_ids text[] NOT NULL,
    edge_ids text[] NOT NULL
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.entities (
    id text PRIMARY KEY,
    file text NOT NULL,
    raw text NOT NULL
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.entity_files (
    file text PRIMARY KEY,
    content text NOT NULL
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.files (
    file text PRIMARY KEY,
    digest text NOT NULL
  )$f$, target);
  EXECUTE format($f$CREATE TABLE %I.meta (
    key text PRIMARY KEY,
    value jsonb NOT NULL
  )$f$, target);
END
$$;

CREATE FUNCTION newsgraph.index_graph_generation(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE UNIQUE INDEX ON %I.nodes (ord)', target);
  EXECUTE format('CREATE INDEX ON %I.nodes (kind, ord)', target);
  EXECUTE format($f$CREATE INDEX ON %I.nodes (unit, ord) WHERE kind = 'FIGURE'$f$, target);
  EXECUTE format('CREATE INDEX ON %I.nodes (article_id)', target);
  EXECUTE format('CREATE INDEX ON %I.edges (article_id)', target);
  EXECUTE format('CREATE INDEX ON %I.incidences (node_id, ord) INCLUDE (direction, predicate, edge_id, other_id)', target);
  EXECUTE format('CREATE INDEX ON %I.incidences (node_id, predicate, direction, ord) INCLUDE (edge_id, other_id)', target);
  EXECUTE format('CREATE INDEX ON %I.incidences (article_id)', target);
  EXECUTE format('CREATE INDEX ON %I.related (other_id)', target);
  EXECUTE format('CREATE INDEX ON %I.articles (file)', target);
  EXECUTE format('CREATE INDEX ON %I.mentions (entity_id, ord)', target);
  EXECUTE format('CREATE INDEX ON %I.mentions (article_id, ord) INCLUDE (entity_id, span_start, span_end)', target);
  EXECUTE format('CREATE INDEX ON %I.search_documents USING gin (vector)', target);
  EXECUTE format('CREATE INDEX ON %I.search_terms USING gin (term gin_trgm_ops)', target);
END
$$;
