-- Registry history (issue 17): every version of every registry entity, so an admin can see who changed what, export
-- the registry as it was at a revision, and roll back. Written in the transaction of the change it records.
CREATE TABLE registry_history (
    id           bigserial     PRIMARY KEY,
    -- The audit entity type (model, route, provider, ...).
    entity_type  varchar(64)   NOT NULL,
    -- Null only for a baseline row of an entity the audit trail never named.
    entity_id    uuid,
    entity_name  varchar(256)  NOT NULL,
    -- 1, 2, ... per entity: what a single-entity rollback names.
    version      integer       NOT NULL CHECK (version > 0),
    -- The registry revision this version became live at.
    revision     bigint        NOT NULL,
    -- create, update, delete, rotate, revoke, or baseline (the state found when history began).
    action       varchar(32)   NOT NULL,
    -- The entity as the declarative file exports it (secrets omitted), or null once it is gone.
    form         jsonb,
    actor        varchar(256)  NOT NULL,
    actor_key_id uuid,
    at           timestamptz   NOT NULL
);

CREATE INDEX registry_history_entity_idx ON registry_history (entity_type, entity_id, version);
CREATE INDEX registry_history_name_idx ON registry_history (entity_type, entity_name);
CREATE INDEX registry_history_revision_idx ON registry_history (revision);

-- Feedback an application attaches to one of its answers; joined to usage_ledger by request_id (the ledger is
-- partitioned by time and written in the background, so there is no foreign key).
CREATE TABLE feedback (
    id          uuid          PRIMARY KEY,
    request_id  varchar(128)  NOT NULL,
    key_id      uuid          NOT NULL,
    team_id     uuid,
    -- Copied from the ledger row at write time, so summaries by model and route need no join.
    model       varchar(200),
    route       varchar(200),
    score       double precision,
    label       varchar(64),
    comment     varchar(2000),
    created_at  timestamptz   NOT NULL,
    CHECK (score IS NOT NULL OR label IS NOT NULL)
);

CREATE INDEX feedback_request_idx ON feedback (request_id);
CREATE INDEX feedback_model_idx ON feedback (model, created_at);
CREATE INDEX feedback_route_idx ON feedback (route, created_at);
CREATE INDEX usage_ledger_request_idx ON usage_ledger (request_id);
