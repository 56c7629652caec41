-- Registry catalog: providers, models, virtual API keys, audit trail and the global change revision.
-- Hibernate only validates this schema; Flyway owns it.

CREATE TABLE providers (
    id                  uuid         PRIMARY KEY,
    name                varchar(128) NOT NULL UNIQUE,
    type                varchar(32)  NOT NULL,
    base_url            varchar(2048) NOT NULL,
    -- AES-256-GCM ciphertext (CredentialCipher format), never the plaintext.
    api_key_ciphertext  text,
    extra_headers       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    settings            jsonb        NOT NULL DEFAULT '{}'::jsonb,
    connect_timeout_ms  integer      NOT NULL CHECK (connect_timeout_ms > 0),
    response_timeout_ms integer      NOT NULL CHECK (response_timeout_ms > 0),
    enabled             boolean      NOT NULL DEFAULT true,
    revision            bigint       NOT NULL DEFAULT 1,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);

CREATE TABLE models (
    id                    uuid         PRIMARY KEY,
    name                  varchar(128) NOT NULL UNIQUE,
    provider_id           uuid         NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    upstream_model        varchar(256) NOT NULL,
    version               varchar(128),
    capabilities          jsonb        NOT NULL DEFAULT '[]'::jsonb,
    context_window        integer      CHECK (context_window > 0),
    max_output_tokens     integer      CHECK (max_output_tokens > 0),
    input_price_per_mtok  numeric(18, 6) CHECK (input_price_per_mtok >= 0),
    output_price_per_mtok numeric(18, 6) CHECK (output_price_per_mtok >= 0),
    tags                  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    enabled               boolean      NOT NULL DEFAULT true,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL
);

CREATE INDEX models_provider_id_idx ON models (provider_id);

CREATE TABLE api_keys (
    id             uuid         PRIMARY KEY,
    name           varchar(128) NOT NULL,
    prefix         varchar(16)  NOT NULL,
    -- SHA-256 of the key, lower-case hex; the plaintext is never stored.
    hash           varchar(64)  NOT NULL UNIQUE,
    scopes         jsonb        NOT NULL DEFAULT '[]'::jsonb,
    allowed_models jsonb        NOT NULL DEFAULT '[]'::jsonb,
    expires_at     timestamptz,
    revoked        boolean      NOT NULL DEFAULT false,
    revoked_at     timestamptz,
    created_at     timestamptz  NOT NULL,
    last_used_at   timestamptz
);

-- Revoked keys keep their row (and name) for the audit trail; only live keys need distinct names.
CREATE UNIQUE INDEX api_keys_active_name_idx ON api_keys (name) WHERE NOT revoked;

CREATE TABLE audit_log (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(256) NOT NULL,
    action      varchar(32)  NOT NULL,
    entity_type varchar(32)  NOT NULL,
    entity_id   uuid,
    entity_name varchar(128),
    -- What changed, never a secret (credentials appear only as "api_key_set").
    detail      jsonb        NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

-- One row; every committed registry change increments it, and replicas compare it with their snapshot.
CREATE TABLE registry_revision (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    revision bigint  NOT NULL
);

INSERT INTO registry_revision (id, revision) VALUES (true, 1);
