-- Issue 13, running agents: asynchronous runs and their steps, and the agent a ledger row was spent for.

-- One run of an agent started through POST /v1/agents/{name}/runs (or a schedule). Written off the event loop by the
-- replica that runs it; that replica's heartbeat says it is still alive, so a run whose replica died is found and
-- marked 'interrupted' instead of staying 'running' forever.
CREATE TABLE agent_runs (
    id               varchar(64)   PRIMARY KEY,
    agent            varchar(128)  NOT NULL,
    -- Who may read and cancel it: the creating key, an admin, or a team admin of this team.
    key_id           uuid          NOT NULL,
    team_id          uuid,
    status           varchar(16)   NOT NULL CHECK (status IN ('running', 'completed', 'max_steps', 'max_cost',
                                                              'timeout', 'cancelled', 'failed', 'interrupted')),
    -- The request's messages (and sampling settings) as the client sent them.
    input            jsonb         NOT NULL,
    -- The final answer in chat.completion shape, once there is one.
    answer           jsonb,
    error            varchar(1024),
    replica          varchar(64)   NOT NULL,
    cancel_requested boolean       NOT NULL DEFAULT false,
    created_at       timestamptz   NOT NULL,
    heartbeat_at     timestamptz   NOT NULL,
    finished_at      timestamptz
);

CREATE INDEX agent_runs_created_at ON agent_runs (created_at);
CREATE INDEX agent_runs_running ON agent_runs (heartbeat_at) WHERE status = 'running';

-- Each model call and tool call of a run, in order, as GET /v1/agents/runs/{id} shows it.
CREATE TABLE agent_run_steps (
    run_id     varchar(64)  NOT NULL REFERENCES agent_runs (id) ON DELETE CASCADE,
    seq        integer      NOT NULL,
    step       jsonb        NOT NULL,
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- Which agent, and which stored run, a ledger row's tokens were spent for (null outside agents).
ALTER TABLE usage_ledger ADD COLUMN agent varchar(128), ADD COLUMN agent_run_id varchar(64);

-- Agents on a cron expression (Spring's CronExpression, six fields with seconds, UTC), with a fixed input, run as a
-- named live key. next_fire_at is the claim: the replica whose UPDATE ... WHERE next_fire_at = <the due time> moves
-- it on is the one that fires that tick; every other replica's UPDATE then matches no row.
CREATE TABLE agent_schedules (
    id            uuid           PRIMARY KEY,
    name          varchar(128)   NOT NULL UNIQUE,
    agent         varchar(128)   NOT NULL,
    cron          varchar(128)   NOT NULL,
    -- The chat request body of each run (messages and sampling settings).
    input         jsonb          NOT NULL,
    -- The name of the live key runs start as (its limits, budgets and agent grant apply).
    run_as        varchar(128)   NOT NULL,
    enabled       boolean        NOT NULL DEFAULT true,
    next_fire_at  timestamptz,
    last_fired_at timestamptz,
    last_run_id   varchar(64),
    last_error    varchar(1024),
    created_at    timestamptz    NOT NULL,
    updated_at    timestamptz    NOT NULL
);

CREATE INDEX agent_schedules_due ON agent_schedules (next_fire_at) WHERE enabled;
