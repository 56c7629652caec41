package ai.switchboard.observability.request;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per finished request on the {@value #LOGGER} logger, as key-value pairs, so structured (ECS, Logstash)
 * output gets them as fields and plain output stays greppable. Only ids, registry names, counts and timings: no
 * secret (the key appears as its public prefix), no prompt or completion text. Turn it off by setting the logger's
 * level to {@code WARN}.
 */
public final class AccessLog {

    public static final String LOGGER = "switchboard.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /** Writes the line for {@code request} (when the logger is enabled for INFO). */
    public void log(RequestSummary request) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, request.latencyNanos()));
        long ttftMs = request.ttftNanos() < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(request.ttftNanos());
        // The pairs go both into the message (plain console output shows no key-values) and as key-values
        // (structured output turns them into fields).
        String line = "request request_id=" + request.requestId() + " key_prefix=" + orDash(request.keyPrefix())
                + " operation=" + request.operation() + " route=" + orDash(request.route())
                + " model=" + orDash(request.model()) + " provider=" + orDash(request.provider())
                + " status=" + request.status() + " error_type=" + orDash(request.errorType())
                + " latency_ms=" + latencyMs + " ttft_ms=" + ttftMs + " input_tokens=" + request.inputTokens()
                + " output_tokens=" + request.outputTokens() + " attempts=" + request.attempts();
        log.atInfo()
                .addKeyValue("request_id", request.requestId())
                .addKeyValue("key_prefix", orDash(request.keyPrefix()))
                .addKeyValue("operation", request.operation())
                .addKeyValue("route", orDash(request.route()))
                .addKeyValue("model", orDash(request.model()))
                .addKeyValue("provider", orDash(request.provider()))
                .addKeyValue("status", request.status())
                .addKeyValue("error_type", orDash(request.errorType()))
                .addKeyValue("latency_ms", latencyMs)
                .addKeyValue("ttft_ms", ttftMs)
                .addKeyValue("input_tokens", request.inputTokens())
                .addKeyValue("output_tokens", request.outputTokens())
                .addKeyValue("attempts", request.attempts())
                .log(line);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
