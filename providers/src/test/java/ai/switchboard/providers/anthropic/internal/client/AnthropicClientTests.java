package ai.switchboard.providers.anthropic.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicClientTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://api.anthropic.com, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/v1, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/v1/, https://api.anthropic.com/v1/messages",
            "https://proxy.internal/anthropic, https://proxy.internal/anthropic/v1/messages",
            "https://proxy.internal/anthropic/v1?team=a, https://proxy.internal/anthropic/v1/messages?team=a"})
    void baseUrlIsTheApiRootWithOrWithoutV1(String baseUrl, String expected) {
        assertThat(AnthropicClient.messagesUri(URI.create(baseUrl))).isEqualTo(URI.create(expected));
    }
}
