-- Key rotation: the secret a key had before its last rotation keeps working until previous_hash_expires_at, then
-- stops on every replica (the snapshot carries both hashes; the request path compares the time).
ALTER TABLE api_keys ADD COLUMN previous_hash varchar(64) UNIQUE;
ALTER TABLE api_keys ADD COLUMN previous_hash_expires_at timestamptz;
ALTER TABLE api_keys ADD COLUMN rotated_at timestamptz;

-- Audit you can read: who (the key's id and team, not only its display name), from where, and the state before a
-- change next to the state after it (detail). Rows of denied admin calls have action 'denied'.
ALTER TABLE audit_log ADD COLUMN actor_key_id uuid;
ALTER TABLE audit_log ADD COLUMN team_id uuid;
ALTER TABLE audit_log ADD COLUMN client_address varchar(64);
ALTER TABLE audit_log ADD COLUMN before jsonb;

CREATE INDEX audit_log_actor_key_idx ON audit_log (actor_key_id, id);
CREATE INDEX audit_log_team_idx ON audit_log (team_id, id);
