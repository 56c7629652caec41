-- The semantic response cache: a route's or model's cache policy may also answer a request whose last user message
-- (with a few earlier turns) means the same as a stored one's, by the cosine similarity of their embeddings.

ALTER TABLE cache_policies ADD COLUMN mode varchar(8) NOT NULL DEFAULT 'exact' CHECK (mode IN ('exact', 'semantic'));
-- The registry's embeddings model that embeds requests; a deleted model leaves the policy exact until another is set.
ALTER TABLE cache_policies ADD COLUMN embedding_model_id uuid REFERENCES models (id) ON DELETE SET NULL;
ALTER TABLE cache_policies ADD COLUMN similarity_threshold double precision NOT NULL DEFAULT 0.95
    CHECK (similarity_threshold > 0 AND similarity_threshold <= 1);
ALTER TABLE cache_policies ADD COLUMN context_turns integer NOT NULL DEFAULT 0
    CHECK (context_turns >= 0 AND context_turns <= 20);
ALTER TABLE cache_policies ADD CONSTRAINT cache_policies_semantic_target
    CHECK (mode = 'exact' OR key_id IS NULL);

-- The semantic tier every replica shares. A request may match only entries of its own partition: the SHA-256 of
-- its API, scope (team), target and revision, embedding model, tools, tool_choice, response_format, sampling
-- settings and system prompt. The vector is a plain float4[]: the database has no pgvector here, and search runs in
-- each replica's memory anyway; this table lets a replica load what the others stored. Unlogged, like
-- response_cache: a cache may be lost in a crash.
CREATE UNLOGGED TABLE semantic_cache (
    id            bigserial   PRIMARY KEY,
    partition_key bytea       NOT NULL,
    embedding     real[]      NOT NULL,
    body          bytea       NOT NULL,
    model         varchar(128),
    input_tokens  bigint      NOT NULL,
    output_tokens bigint      NOT NULL,
    cost_usd      numeric(24, 12),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX semantic_cache_partition_idx ON semantic_cache (partition_key, id);
CREATE INDEX semantic_cache_expires_idx ON semantic_cache (expires_at);
