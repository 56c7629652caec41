-- Tools and agents as registry data (issue 13, first slice: their definitions; running them comes later).
-- Both are validated by the application (the tool types and the JSON Schema library live in the tools module) and
-- refer to each other, and to models and routes, by name, as routes do: renames and deletions are refused while a
-- name is in use, at write time.

-- Instances of the built-in tool types (http, sql): what an admin configured, under the name models call it by.
CREATE TABLE tools (
    id                 uuid          PRIMARY KEY,
    -- The rule every model provider applies to function names.
    name               varchar(64)   NOT NULL UNIQUE,
    type               varchar(32)   NOT NULL,
    description        varchar(1024),
    -- The type's configuration without the fields that hold secrets (the type names them).
    config             jsonb         NOT NULL DEFAULT '{}'::jsonb,
    -- Those fields as one JSON object, AES-256-GCM ciphertext (CredentialCipher format) bound to the tool's id;
    -- null when none is set. Never the plaintext.
    secrets_ciphertext text,
    -- Bumps on every change, so tool instances built from an older definition are replaced.
    revision           bigint        NOT NULL DEFAULT 1,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL
);

-- Agents: a model or route that plans, the tools it is granted (by name; none by default) and the limits of a run.
CREATE TABLE agents (
    id                  uuid           PRIMARY KEY,
    name                varchar(128)   NOT NULL UNIQUE,
    description         varchar(512),
    -- A model or route name.
    model               varchar(128)   NOT NULL,
    -- Inline system instructions. A reference to a versioned prompt template will be a separate set of columns.
    instructions        text,
    -- Granted tool names, in the order they are offered to the model.
    tools               jsonb          NOT NULL DEFAULT '[]'::jsonb,
    max_steps           integer        NOT NULL CHECK (max_steps BETWEEN 1 AND 100),
    max_cost_usd        numeric(19, 9) CHECK (max_cost_usd > 0),
    timeout_seconds     integer        NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 3600),
    parallel_tool_calls boolean        NOT NULL DEFAULT false,
    -- A JSON Schema the final answer must match, or null for free text.
    response_format     jsonb,
    created_at          timestamptz    NOT NULL,
    updated_at          timestamptz    NOT NULL
);
