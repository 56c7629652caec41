-- Issue 17, quality loop: golden datasets and the evaluations that run them against models and routes.

-- A named set of cases. The grader is the dataset's default (a case may name its own); the template, when set,
-- renders each case's variables into the messages sent.
CREATE TABLE eval_datasets (
    id          uuid          PRIMARY KEY,
    name        varchar(128)  NOT NULL UNIQUE,
    description varchar(512),
    grader      jsonb         NOT NULL,
    template    jsonb,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);

-- One case, as imported from a JSONL line: the messages sent (rendered from the template when it had variables),
-- the expectation, and its own grader if it differs from the dataset's.
CREATE TABLE eval_cases (
    dataset_id  uuid          NOT NULL REFERENCES eval_datasets (id) ON DELETE CASCADE,
    seq         integer       NOT NULL CHECK (seq > 0),
    label       varchar(128),
    input       jsonb         NOT NULL,
    expected    jsonb,
    grader      jsonb,
    PRIMARY KEY (dataset_id, seq)
);

-- One run of a dataset against one or more models or routes (POST /admin/v1/evaluations). Like an agent run it is
-- run by one replica whose heartbeat says it is alive; a run whose replica died is claimed by another (or by the
-- restarted gateway) and resumed from the cases that have no result yet.
CREATE TABLE evaluations (
    id            varchar(64)    PRIMARY KEY,
    -- A dataset with evaluations cannot be deleted: the reports would lose their cases.
    dataset_id    uuid           NOT NULL REFERENCES eval_datasets (id),
    -- The cases of the dataset at start (seq up to this): cases imported later are not part of the run.
    last_seq      integer        NOT NULL,
    -- The inference key every call is made as: its access, limits and budgets apply, and the ledger names it.
    key_id        uuid           NOT NULL,
    targets       jsonb          NOT NULL,
    -- A promotion gate's change ({"route": name, "change": PATCH body}): its target "<route>@candidate" is the route
    -- with the change applied, rebuilt from this on resumption; null for a plain evaluation.
    candidate     jsonb,
    concurrency   integer        NOT NULL CHECK (concurrency > 0),
    cost_cap_usd  numeric(20, 12) CHECK (cost_cap_usd > 0),
    spent_usd     numeric(20, 12) NOT NULL DEFAULT 0,
    status        varchar(16)    NOT NULL CHECK (status IN ('running', 'completed', 'cost_capped', 'cancelled',
                                                            'failed', 'interrupted')),
    error         varchar(1024),
    replica       varchar(64)    NOT NULL,
    created_by    varchar(256)   NOT NULL,
    created_at    timestamptz    NOT NULL,
    heartbeat_at  timestamptz    NOT NULL,
    finished_at   timestamptz
);

CREATE INDEX evaluations_created_at ON evaluations (created_at);
CREATE INDEX evaluations_running ON evaluations (heartbeat_at) WHERE status = 'running';

-- Every answer of a run, graded: one per case and target, written as each case ends.
CREATE TABLE evaluation_results (
    evaluation_id  varchar(64)     NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    target         varchar(200)    NOT NULL,
    case_seq       integer         NOT NULL,
    -- The ledger row of the answer's call (usage_ledger.request_id).
    request_id     varchar(128),
    served_by      varchar(200),
    answer         text,
    passed         boolean         NOT NULL,
    -- The judge's 1-10 score, for a judged case.
    score          integer,
    detail         varchar(1024),
    -- Why there is no answer (the call failed or was refused).
    error          varchar(1024),
    latency_ms     bigint,
    input_tokens   bigint,
    output_tokens  bigint,
    cost_usd       numeric(20, 12),
    -- What the judge's call cost, counted against the run's cap too.
    grade_cost_usd numeric(20, 12),
    created_at     timestamptz     NOT NULL,
    PRIMARY KEY (evaluation_id, target, case_seq)
);
