-- Rate limits (requests and tokens per minute) on a key, a team or a model, and the shared per-window counters
-- every replica leases allowance from. V8 and V9 are taken by other branches; Flyway accepts the gap.

CREATE TABLE rate_limits (
    id                  uuid        PRIMARY KEY,
    key_id              uuid        REFERENCES api_keys (id) ON DELETE CASCADE,
    team_id             uuid        REFERENCES teams (id) ON DELETE CASCADE,
    model_id            uuid        REFERENCES models (id) ON DELETE CASCADE,
    requests_per_minute integer     CHECK (requests_per_minute > 0),
    tokens_per_minute   integer     CHECK (tokens_per_minute > 0),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- Exactly one target, and at least one limit.
    CHECK (num_nonnulls(key_id, team_id, model_id) = 1),
    CHECK (requests_per_minute IS NOT NULL OR tokens_per_minute IS NOT NULL)
);

CREATE UNIQUE INDEX rate_limits_key_idx ON rate_limits (key_id) WHERE key_id IS NOT NULL;
CREATE UNIQUE INDEX rate_limits_team_idx ON rate_limits (team_id) WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX rate_limits_model_idx ON rate_limits (model_id) WHERE model_id IS NOT NULL;

-- How much of one limit's window replicas have leased: a replica takes a slice with one conditional upsert and
-- spends it in memory. "counter" names the limit and dimension (e.g. key:<uuid>:requests); window_start is epoch
-- milliseconds. Rows of past windows are deleted in the background.
CREATE TABLE rate_limit_windows (
    counter      varchar(96) NOT NULL,
    window_start bigint      NOT NULL,
    granted      bigint      NOT NULL CHECK (granted >= 0),
    last_grant   bigint      NOT NULL,
    PRIMARY KEY (counter, window_start)
);
