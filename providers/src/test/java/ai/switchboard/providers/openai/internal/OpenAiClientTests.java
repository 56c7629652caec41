package ai.switchboard.providers.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OpenAiClientTests {

    @Test
    void pathsAreAppendedToTheBaseUrlKeepingItsQuery() {
        assertThat(OpenAiClient.resolve(URI.create("https://api.openai.com/v1"), "/chat/completions"))
                .hasToString("https://api.openai.com/v1/chat/completions");
        assertThat(OpenAiClient.resolve(URI.create("http://vllm:8000/v1/"), "/embeddings"))
                .hasToString("http://vllm:8000/v1/embeddings");
        assertThat(OpenAiClient.resolve(URI.create("https://x.openai.azure.com/openai/v1?api-version=preview"),
                "/chat/completions")).hasToString("https://x.openai.azure.com/openai/v1/chat/completions?api-version=preview");
    }
}
