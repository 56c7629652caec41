-- MCP servers as registry data (issue 14): the upstream servers the gateway connects to as an MCP client, and the
-- columns that meter calls through the gateway's own /mcp endpoint.

CREATE TABLE mcp_servers (
    id                 uuid          PRIMARY KEY,
    -- The prefix of the server's tool names (<server>__<tool>): never two '_' in a row, so it can be split off.
    name               varchar(32)   NOT NULL UNIQUE,
    transport          varchar(32)   NOT NULL CHECK (transport IN ('streamable_http', 'stdio')),
    url                varchar(2048),
    -- stdio only: the program and its fixed argument list, run without a shell.
    command            varchar(1024),
    args               jsonb         NOT NULL DEFAULT '[]'::jsonb,
    connect_timeout_ms integer       NOT NULL CHECK (connect_timeout_ms BETWEEN 1 AND 3600000),
    call_timeout_ms    integer       NOT NULL CHECK (call_timeout_ms BETWEEN 1 AND 3600000),
    enabled            boolean       NOT NULL DEFAULT true,
    -- Headers, bearer token and environment as one JSON object, AES-256-GCM ciphertext (CredentialCipher format)
    -- bound to the server's id; null when none is set. Never the plaintext.
    secrets_ciphertext text,
    revision           bigint        NOT NULL DEFAULT 1,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT mcp_servers_transport_fields CHECK (
        (transport = 'streamable_http' AND url IS NOT NULL AND command IS NULL)
        OR (transport = 'stdio' AND command IS NOT NULL AND url IS NULL))
);

-- Tool calls through /mcp (operation execute_tool): which server and tool, and how the call ended.
ALTER TABLE usage_ledger ADD COLUMN tool_server varchar(32);
ALTER TABLE usage_ledger ADD COLUMN tool_name   varchar(160);
