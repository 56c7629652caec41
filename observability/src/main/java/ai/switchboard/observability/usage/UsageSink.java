package ai.switchboard.observability.usage;

import java.util.List;

/** Where the batch writer puts records: the database in production, a list in tests. May block and may throw. */
@FunctionalInterface
public interface UsageSink {

    /** Writes the batch atomically, or throws and writes nothing; writing the same batch twice keeps one copy. */
    void write(List<LedgerRow> batch) throws Exception;
}
