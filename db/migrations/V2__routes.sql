-- Routes: virtual model names clients send as "model", served by a routing policy over models or other routes.
-- The policy's configuration is validated by the application (the policies live in the routing module); targets
-- are referenced by name so a route can point at models and routes alike, and cycles are rejected at write time.

CREATE TABLE routes (
    id                     uuid         PRIMARY KEY,
    name                   varchar(128) NOT NULL UNIQUE,
    description            varchar(512),
    policy                 varchar(32)  NOT NULL,
    config                 jsonb        NOT NULL DEFAULT '{}'::jsonb,
    -- Ordered model or route names tried after the policy's own choices have failed.
    fallbacks              jsonb        NOT NULL DEFAULT '[]'::jsonb,
    request_timeout_ms     integer      CHECK (request_timeout_ms > 0),
    attempt_timeout_ms     integer      CHECK (attempt_timeout_ms > 0),
    first_token_timeout_ms integer      CHECK (first_token_timeout_ms > 0),
    enabled                boolean      NOT NULL DEFAULT true,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL
);
