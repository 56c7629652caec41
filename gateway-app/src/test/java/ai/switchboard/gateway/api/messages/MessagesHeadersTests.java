package ai.switchboard.gateway.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class MessagesHeadersTests {

    @Test
    void claudeCodesSevenBetasAreReadInOrderOnceEachOverSeveralLines() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("anthropic-version", " 2023-06-01 ");
        headers.add("Anthropic-Beta", "claude-code-20250219,interleaved-thinking-2025-05-14, "
                + "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27");
        headers.add("anthropic-beta", "effort-2025-11-24,,prompt-caching-scope-2026-01-05,claude-code-20250219");
        headers.add("anthropic-beta", "a-beta-nobody-knows-2099-01-01");

        assertThat(MessagesHeaders.version(headers)).isEqualTo("2023-06-01");
        assertThat(MessagesHeaders.betas(headers)).containsExactly("claude-code-20250219",
                "interleaved-thinking-2025-05-14", "fine-grained-tool-streaming-2025-05-14",
                "context-management-2025-06-27", "effort-2025-11-24", "prompt-caching-scope-2026-01-05",
                "a-beta-nobody-knows-2099-01-01");
    }

    @Test
    void absentHeadersAreNoVersionAndNoBetas() {
        assertThat(MessagesHeaders.version(new HttpHeaders())).isNull();
        assertThat(MessagesHeaders.betas(new HttpHeaders())).isEmpty();
    }
}
