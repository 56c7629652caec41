-- Versioned prompt templates (issue 13). A prompt is a name with labels; its versions are immutable rows, numbered
-- from 1 per prompt. A label ("production", "staging", ...) points at one version and moves (rollback is a move back).
CREATE TABLE prompts (
    id          uuid          PRIMARY KEY,
    name        varchar(128)  NOT NULL UNIQUE,
    description varchar(512),
    -- Label name -> version number, e.g. {"production": 3}. Checked by the application against prompt_versions.
    labels      jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);

CREATE TABLE prompt_versions (
    id         uuid         PRIMARY KEY,
    prompt_id  uuid         NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    version    integer      NOT NULL CHECK (version >= 1),
    -- {"text": "..."} or {"messages": [{"role": ..., "content": ...}]}, Mustache in every text. Never updated.
    template   jsonb        NOT NULL,
    created_at timestamptz  NOT NULL,
    UNIQUE (prompt_id, version)
);

-- Versions are immutable: the database refuses an UPDATE, whatever the application does.
CREATE FUNCTION prompt_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'prompt versions are immutable';
END;
$$;
CREATE TRIGGER prompt_versions_no_update BEFORE UPDATE ON prompt_versions
    FOR EACH ROW EXECUTE FUNCTION prompt_versions_immutable();

-- An agent's instructions: inline text (instructions) or a reference to a prompt by label or by version (neither:
-- the production label), never both forms at once.
ALTER TABLE agents
    ADD COLUMN instructions_prompt  varchar(128),
    ADD COLUMN instructions_label   varchar(64),
    ADD COLUMN instructions_version integer CHECK (instructions_version >= 1),
    ADD CONSTRAINT agents_instructions_one_form CHECK (
        (instructions_prompt IS NULL AND instructions_label IS NULL AND instructions_version IS NULL)
        OR (instructions IS NULL AND instructions_prompt IS NOT NULL
            AND (instructions_label IS NULL OR instructions_version IS NULL)));

-- Which template version a model call used (null when none).
ALTER TABLE usage_ledger
    ADD COLUMN prompt_name    varchar(128),
    ADD COLUMN prompt_version integer;
