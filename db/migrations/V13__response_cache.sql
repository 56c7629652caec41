-- The exact response cache: who opted in (a policy on a key, a model or a route), the shared tier every replica reads
-- and writes, and what a hit saved, in the ledger. V11 is taken by another branch; Flyway accepts the gap.

CREATE TABLE cache_policies (
    id                  uuid        PRIMARY KEY,
    key_id              uuid        REFERENCES api_keys (id) ON DELETE CASCADE,
    model_id            uuid        REFERENCES models (id) ON DELETE CASCADE,
    route_id            uuid        REFERENCES routes (id) ON DELETE CASCADE,
    enabled             boolean     NOT NULL,
    ttl_seconds         integer     NOT NULL CHECK (ttl_seconds > 0),
    max_entry_bytes     integer     NOT NULL CHECK (max_entry_bytes > 0),
    -- Only a route may share its answers across teams; everything else is scoped by the caller's team.
    shared_across_teams boolean     NOT NULL,
    deterministic_only  boolean     NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK (num_nonnulls(key_id, model_id, route_id) = 1),
    CHECK (NOT shared_across_teams OR route_id IS NOT NULL)
);

CREATE UNIQUE INDEX cache_policies_key_idx ON cache_policies (key_id) WHERE key_id IS NOT NULL;
CREATE UNIQUE INDEX cache_policies_model_idx ON cache_policies (model_id) WHERE model_id IS NOT NULL;
CREATE UNIQUE INDEX cache_policies_route_idx ON cache_policies (route_id) WHERE route_id IS NOT NULL;

-- The shared tier: one row per cache key (SHA-256 of the canonical request, its scope and its target's revision).
-- Unlogged: a cache may be lost on a crash and need not be replicated, and skipping the WAL makes writes cheap.
-- Expired rows are ignored on read and deleted in the background.
CREATE UNLOGGED TABLE response_cache (
    cache_key     bytea       PRIMARY KEY,
    body          bytea       NOT NULL,
    model         varchar(128),
    input_tokens  bigint      NOT NULL,
    output_tokens bigint      NOT NULL,
    cost_usd      numeric(24, 12),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX response_cache_expires_idx ON response_cache (expires_at);

-- What the cache did for a request (hit, miss or bypass; null when no policy applied) and, on a hit, what the
-- answer would have cost again: its tokens and dollars, saved.
ALTER TABLE usage_ledger ADD COLUMN cache_status varchar(8);
ALTER TABLE usage_ledger ADD COLUMN saved_input_tokens bigint;
ALTER TABLE usage_ledger ADD COLUMN saved_output_tokens bigint;
ALTER TABLE usage_ledger ADD COLUMN saved_cost_usd numeric(24, 12);
