-- Secrets at rest. Provider extra headers move to an encrypted column, and the database keeps a check value of
-- the master key so that a replica started with another key refuses to start instead of failing every credential.

-- CredentialCipher text of the provider's extra headers as one JSON object, bound to the provider and the field.
ALTER TABLE providers ADD COLUMN extra_headers_ciphertext text;

-- The plaintext column stays only for rows written before this version: SQL cannot encrypt them (it has no key),
-- so the gateway re-encrypts them at start-up and empties it; nothing writes it any more.
COMMENT ON COLUMN providers.extra_headers IS 'Legacy plaintext headers, emptied at start-up; see extra_headers_ciphertext';

-- One row: a fixed text sealed with the master key (MasterKeyCheck), written by the first replica to start.
CREATE TABLE master_key_check (
    id          boolean     PRIMARY KEY DEFAULT true CHECK (id),
    check_value text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Audit rows never carry a header value any more; mask the ones recorded before (names stay).
UPDATE audit_log
SET detail = jsonb_set(detail, '{extra_headers}',
        (SELECT jsonb_object_agg(header, to_jsonb('********'::text))
         FROM jsonb_object_keys(detail -> 'extra_headers') AS headers (header)))
WHERE jsonb_typeof(detail -> 'extra_headers') = 'object'
  AND detail -> 'extra_headers' <> '{}'::jsonb;

-- Nor credentials in a base URL (http://user:password@host): the admin API refuses them now.
UPDATE audit_log
SET detail = jsonb_set(detail, '{base_url}',
        to_jsonb(regexp_replace(detail ->> 'base_url', '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@', '\1***@')))
WHERE detail ->> 'base_url' ~ '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@';
