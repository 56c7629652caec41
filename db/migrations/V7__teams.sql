-- Teams own keys (a key may also belong to no team); budgets, rate limits and team-admin keys are scoped by team.
CREATE TABLE teams (
    id          uuid         PRIMARY KEY,
    name        varchar(128) NOT NULL UNIQUE,
    description varchar(512),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

ALTER TABLE api_keys ADD COLUMN team_id uuid REFERENCES teams (id);
CREATE INDEX api_keys_team_id ON api_keys (team_id);
