-- Stored responses of the Responses API (store: true, OpenAI's default): what previous_response_id continues on any
-- replica and with any provider, and what GET/DELETE /v1/responses/{id} and GET .../input_items read. Content is kept
-- as the API shapes it (jsonb) and is never logged. Rows live until expires_at (the configured retention), then a
-- background job deletes them in batches.

CREATE TABLE stored_response (
    id                   varchar(64)  PRIMARY KEY,
    -- Only the key that created a response may read, continue or delete it; or its team, once keys have teams.
    key_id               uuid         NOT NULL,
    team_id              uuid,
    previous_response_id varchar(64),
    model                varchar(256) NOT NULL,
    status               varchar(16)  NOT NULL,
    created_at           timestamptz  NOT NULL,
    expires_at           timestamptz  NOT NULL,
    -- The response object, output included, as GET /v1/responses/{id} returns it.
    response             jsonb        NOT NULL
);

CREATE INDEX stored_response_expiry_idx ON stored_response (expires_at);
CREATE INDEX stored_response_key_idx ON stored_response (key_id, created_at);

-- The input items of each response and its output items, in order: the conversation a continuation rebuilds, the
-- pages of input_items, and the targets of item_reference.
CREATE TABLE stored_response_item (
    response_id varchar(64) NOT NULL REFERENCES stored_response (id) ON DELETE CASCADE,
    -- 'i' for input, 'o' for output; a conversation is each response's input, then its output.
    kind        char(1)     NOT NULL CHECK (kind IN ('i', 'o')),
    position    integer     NOT NULL,
    item_id     varchar(64) NOT NULL,
    item        jsonb       NOT NULL,
    PRIMARY KEY (response_id, kind, position)
);

CREATE INDEX stored_response_item_id_idx ON stored_response_item (item_id);
