-- Budgets in USD on a key, a team, a model or a route, per UTC calendar period (or in total).
-- The definition is registry data (audited, in the snapshot); what was spent is not: it lives in budget_periods,
-- one row per budget and period, and never bumps the registry revision.
CREATE TABLE budgets (
    id                     uuid           PRIMARY KEY,
    name                   varchar(128)   NOT NULL UNIQUE,
    scope_type             varchar(16)    NOT NULL CHECK (scope_type IN ('key', 'team', 'model', 'route')),
    -- Exactly one scope column is set, the one scope_type names; deleting what a budget watches deletes the budget.
    key_id                 uuid           REFERENCES api_keys (id) ON DELETE CASCADE,
    team_id                uuid           REFERENCES teams (id) ON DELETE CASCADE,
    model_id               uuid           REFERENCES models (id) ON DELETE CASCADE,
    route_id               uuid           REFERENCES routes (id) ON DELETE CASCADE,
    period                 varchar(16)    NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly', 'total')),
    limit_usd              numeric(19, 9) NOT NULL CHECK (limit_usd > 0),
    soft_threshold_percent integer        CHECK (soft_threshold_percent BETWEEN 1 AND 100),
    enabled                boolean        NOT NULL DEFAULT true,
    created_at             timestamptz    NOT NULL,
    updated_at             timestamptz    NOT NULL,
    CHECK (num_nonnulls(key_id, team_id, model_id, route_id) = 1),
    CHECK ((scope_type = 'key') = (key_id IS NOT NULL)),
    CHECK ((scope_type = 'team') = (team_id IS NOT NULL)),
    CHECK ((scope_type = 'model') = (model_id IS NOT NULL)),
    CHECK ((scope_type = 'route') = (route_id IS NOT NULL))
);

-- One row per budget and period (period_start is the UTC start; 'total' budgets use the epoch).
-- spent: settled real cost. leased: handed to replicas and not yet settled or returned.
-- Invariant kept by the one conditional UPDATE that grants leases: spent + leased <= the budget's limit, except for
-- real costs above their reservation (the tokenizer is an estimate), which are settled as spent all the same.
CREATE TABLE budget_periods (
    budget_id    uuid           NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    period_start timestamptz    NOT NULL,
    spent        numeric(28, 9) NOT NULL DEFAULT 0 CHECK (spent >= 0),
    leased       numeric(28, 9) NOT NULL DEFAULT 0 CHECK (leased >= 0),
    -- Set once, by whichever replica first settles past the soft threshold: the alert fires once per period.
    threshold_crossed_at timestamptz,
    PRIMARY KEY (budget_id, period_start)
);

-- What each replica holds of a period's budget, so that a replica that died without returning its lease has it
-- reclaimed by the others once it expires.
CREATE TABLE budget_leases (
    budget_id    uuid           NOT NULL,
    period_start timestamptz    NOT NULL,
    replica_id   uuid           NOT NULL,
    amount       numeric(28, 9) NOT NULL CHECK (amount >= 0),
    expires_at   timestamptz    NOT NULL,
    PRIMARY KEY (budget_id, period_start, replica_id),
    FOREIGN KEY (budget_id, period_start) REFERENCES budget_periods (budget_id, period_start) ON DELETE CASCADE
);
CREATE INDEX budget_leases_expires_at ON budget_leases (expires_at);
