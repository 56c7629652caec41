package ai.switchboard.providers.cohere.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohereClientTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://api.cohere.com, https://api.cohere.com/v2/chat",
            "https://api.cohere.com/, https://api.cohere.com/v2/chat",
            "https://api.cohere.com/v2, https://api.cohere.com/v2/chat",
            "https://api.cohere.com/v2/, https://api.cohere.com/v2/chat",
            "https://proxy.example/cohere?token=t, https://proxy.example/cohere/v2/chat?token=t"})
    void baseUrlWorksWithOrWithoutTheVersion(String baseUrl, String expected) {
        assertThat(CohereClient.resolve(URI.create(baseUrl), CohereClient.CHAT_PATH)).hasToString(expected);
    }
}
