package ai.switchboard.observability.usage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A batch of ledger rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: one line per row, columns in
 * {@link #COLUMNS} order separated by tabs, {@code \N} for null, and backslash, tab, newline and carriage return
 * escaped in text values, so any registry name arrives exactly as it was.
 */
final class LedgerCopyText {

    static final String COLUMNS = "id, occurred_at, request_id, key_id, key_prefix, operation, route, model, model_version,"
            + " provider, input_tokens, output_tokens, cached_tokens, cost_usd, latency_ms, ttft_ms, status, error_type, attempts,"
            + " cache_status, saved_input_tokens, saved_output_tokens, saved_cost_usd, prompt_name, prompt_version,"
            + " agent, agent_run_id, tool_server, tool_name";

    private static final String NULL = "\\N";

    private LedgerCopyText() {
    }

    static byte[] encode(List<LedgerRow> batch) {
        StringBuilder text = new StringBuilder(batch.size() * 256);
        for (LedgerRow row : batch) {
            UsageRecord r = row.record();
            text.append(row.id()).append('\t')
                    .append(r.occurredAt()).append('\t');
            text(text, r.requestId()).append('\t');
            value(text, r.keyId()).append('\t');
            text(text, r.keyPrefix()).append('\t');
            text(text, r.operation()).append('\t');
            text(text, r.route()).append('\t');
            text(text, r.model()).append('\t');
            text(text, r.modelVersion()).append('\t');
            text(text, r.provider()).append('\t');
            text.append(r.inputTokens()).append('\t')
                    .append(r.outputTokens()).append('\t')
                    .append(r.cachedTokens()).append('\t');
            cost(text, r.costUsd()).append('\t');
            text.append(r.latencyMillis()).append('\t');
            value(text, r.ttftMillis()).append('\t');
            text.append(r.status()).append('\t');
            text(text, r.errorType()).append('\t');
            text.append(Math.min(r.attempts(), Short.MAX_VALUE)).append('\t');
            CacheUsage cache = r.cache();
            if (cache == null) {
                text.append(NULL).append('\t').append(NULL).append('\t').append(NULL).append('\t').append(NULL);
            } else {
                text(text, cache.status()).append('\t')
                        .append(cache.savedInputTokens()).append('\t')
                        .append(cache.savedOutputTokens()).append('\t');
                cost(text, cache.savedCostUsd());
            }
            text.append('\t');
            text(text, r.prompt() == null ? null : r.prompt().name()).append('\t');
            value(text, r.prompt() == null ? null : r.prompt().version());
            AgentUsage agent = r.agent();
            text.append('\t');
            text(text, agent == null ? null : agent.name()).append('\t');
            text(text, agent == null ? null : agent.runId());
            text.append('\t');
            text(text, r.tool() == null ? null : r.tool().server()).append('\t');
            text(text, r.tool() == null ? null : r.tool().name());
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder value(StringBuilder text, Object value) {
        return value == null ? text.append(NULL) : text.append(value);
    }

    private static StringBuilder cost(StringBuilder text, BigDecimal cost) {
        return cost == null ? text.append(NULL) : text.append(cost.toPlainString());
    }

    private static StringBuilder text(StringBuilder text, String value) {
        if (value == null) {
            return text.append(NULL);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }
}
