package ai.switchboard.observability.usage;

import java.util.Objects;
import java.util.UUID;

/**
 * A usage record with the ledger id the writer gave it. The id is assigned once, off the request path, so a batch
 * whose commit outcome is unknown can be written again without doubling rows.
 */
public record LedgerRow(UUID id, UsageRecord record) {

    public LedgerRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
    }
}
