package ai.switchboard.observability.request;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void oneLineWithIdsNamesCountsAndTimingsReadableInPlainText() {
        new AccessLog().log(RequestSummary.builder("req_1", Instant.now(), "chat")
                .key(UUID.randomUUID(), "sk-sb-AbCd")
                .route("support", "fallback")
                .requestModel("support")
                .servedBy("gpt-mini", "openai-main", null)
                .outcome(200, null)
                .tokens(12, 3, 0)
                .timing(5_000_000, 2_000_000)
                .attempts(2, 1, 0)
                .build());

        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.get(0);
        assertThat(line.getFormattedMessage()).isEqualTo("request request_id=req_1 key_prefix=sk-sb-AbCd"
                + " operation=chat route=support model=gpt-mini provider=openai-main status=200 error_type=-"
                + " latency_ms=5 ttft_ms=2 input_tokens=12 output_tokens=3 attempts=2");
        assertThat(line.getKeyValuePairs()).extracting(pair -> pair.key).contains("request_id", "key_prefix",
                "route", "model", "status", "latency_ms", "input_tokens");
    }
}
