-- The usage ledger: one row per request, partitioned by UTC day so retention drops whole partitions.
-- Rows are written in batches by the gateway's usage writer; nothing on the request path touches this table.

CREATE TABLE usage_ledger (
    id            uuid           NOT NULL,
    occurred_at   timestamptz    NOT NULL,
    request_id    varchar(128)   NOT NULL,
    key_id        uuid,
    key_prefix    varchar(32),
    operation     varchar(32)    NOT NULL,
    route         varchar(200),
    model         varchar(200),
    provider      varchar(200),
    input_tokens  bigint         NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens bigint         NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cached_tokens bigint         NOT NULL DEFAULT 0 CHECK (cached_tokens >= 0),
    -- tokens x price-per-million (numeric(18,6)) / 10^6 has at most 12 decimals: exact in this type.
    cost_usd      numeric(24, 12),
    latency_ms    integer        NOT NULL CHECK (latency_ms >= 0),
    ttft_ms       integer        CHECK (ttft_ms >= 0),
    status        smallint       NOT NULL,
    error_type    varchar(64),
    attempts      smallint       NOT NULL DEFAULT 1,
    -- The writer assigns id once per record, so a batch retried after an unknown commit outcome is not doubled.
    PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);

-- Safety net for rows outside every day partition (clock skew, a maintenance job that has not run yet);
-- usage_ledger_ensure_partitions moves such rows into their day partition when it creates it.
CREATE TABLE usage_ledger_default PARTITION OF usage_ledger DEFAULT;

-- Usage queries filter on a time range (partition pruning plus this index for partial days); key lookups
-- (per-key usage, budgets) use the second. Group-by columns are not indexed: the aggregates read every row
-- of the range anyway, and fewer indexes keep the batch writer cheap.
CREATE INDEX usage_ledger_time_idx ON usage_ledger (occurred_at);
CREATE INDEX usage_ledger_key_time_idx ON usage_ledger (key_id, occurred_at);

CREATE FUNCTION usage_ledger_partition_name(day date) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT 'usage_ledger_' || to_char(day, 'YYYYMMDD') $$;

-- Creates the day partitions from start_day for days_ahead days (UTC) when missing; returns how many it made.
CREATE FUNCTION usage_ledger_ensure_partitions(start_day date, days_ahead integer) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    made integer := 0;
    day date;
    part text;
    lower_bound timestamptz;
    upper_bound timestamptz;
BEGIN
    FOR i IN 0 .. days_ahead LOOP
        day := start_day + i;
        part := usage_ledger_partition_name(day);
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        lower_bound := (day::timestamp AT TIME ZONE 'UTC');
        upper_bound := ((day + 1)::timestamp AT TIME ZONE 'UTC');
        IF EXISTS (SELECT 1 FROM usage_ledger_default WHERE occurred_at >= lower_bound AND occurred_at < upper_bound) THEN
            -- Attaching would fail while the default partition holds rows of this day: move them first.
            EXECUTE format('CREATE TABLE %I (LIKE usage_ledger INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
            EXECUTE format('WITH moved AS (DELETE FROM usage_ledger_default WHERE occurred_at >= %L AND occurred_at < %L'
                || ' RETURNING *) INSERT INTO %I SELECT * FROM moved', lower_bound, upper_bound, part);
            EXECUTE format('ALTER TABLE usage_ledger ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                part, lower_bound, upper_bound);
        ELSE
            EXECUTE format('CREATE TABLE %I PARTITION OF usage_ledger FOR VALUES FROM (%L) TO (%L)',
                part, lower_bound, upper_bound);
        END IF;
        made := made + 1;
    END LOOP;
    RETURN made;
END $$;

-- Drops day partitions whose whole day is before keep_from (UTC); returns how many it dropped.
CREATE FUNCTION usage_ledger_drop_partitions(keep_from date) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    dropped integer := 0;
    part record;
BEGIN
    FOR part IN
        SELECT c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'usage_ledger'::regclass
          AND c.relname ~ '^usage_ledger_[0-9]{8}$'
          AND to_date(substring(c.relname from 14), 'YYYYMMDD') < keep_from
    LOOP
        EXECUTE format('DROP TABLE %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    -- Old rows that landed in the default partition go too, so retention holds for them as well.
    DELETE FROM usage_ledger_default WHERE occurred_at < (keep_from::timestamp AT TIME ZONE 'UTC');
    RETURN dropped;
END $$;

SELECT usage_ledger_ensure_partitions((now() AT TIME ZONE 'UTC')::date - 1, 8);
