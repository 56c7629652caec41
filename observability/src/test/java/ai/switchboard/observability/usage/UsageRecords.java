package ai.switchboard.observability.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Test records. */
final class UsageRecords {

    private UsageRecords() {
    }

    static UsageRecord sample(String requestId, Instant at) {
        return new UsageRecord(requestId, at, UUID.fromString("00000000-0000-0000-0000-0000000000aa"), "sk-sb-AbC1",
                "chat", "default", "gpt-mini", "2024-07-18", "openai-main", 1234, 567, 100, new BigDecimal("0.0005253"), 420, 95, 200,
                null, 1);
    }
}
