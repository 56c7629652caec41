package ai.switchboard.providers.gemini.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiUrisTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://generativelanguage.googleapis.com, https://generativelanguage.googleapis.com/v1beta",
            "https://generativelanguage.googleapis.com/, https://generativelanguage.googleapis.com/v1beta",
            "https://generativelanguage.googleapis.com/v1beta, https://generativelanguage.googleapis.com/v1beta",
            "https://generativelanguage.googleapis.com/v1beta/, https://generativelanguage.googleapis.com/v1beta",
            "https://generativelanguage.googleapis.com/v1, https://generativelanguage.googleapis.com/v1",
            "https://proxy.example/google, https://proxy.example/google/v1beta"})
    void theBaseUrlIsTheApiRootWithOrWithoutAVersion(String baseUrl, String root) {
        assertThat(GeminiUris.method(URI.create(baseUrl), "gemini-2.5-flash", "generateContent", false))
                .isEqualTo(URI.create(root + "/models/gemini-2.5-flash:generateContent"));
    }

    @Test
    void streamsAskForServerSentEventsKeepingAnyQuery() {
        assertThat(GeminiUris.method(URI.create("https://h/v1beta"), "models/gemini-2.5-pro", "streamGenerateContent",
                true)).isEqualTo(URI.create("https://h/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"));
        assertThat(GeminiUris.method(URI.create("https://h?tenant=a"), "m", "streamGenerateContent", true))
                .isEqualTo(URI.create("https://h/v1beta/models/m:streamGenerateContent?tenant=a&alt=sse"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../files", "gemini-2.5-flash:generateContent?key=x", "a/b", "", "models/"})
    void modelIdsCannotRewriteThePath(String model) {
        assertThatThrownBy(() -> GeminiUris.modelId(model)).isInstanceOfSatisfying(ProviderException.class,
                failure -> {
                    assertThat(failure.type()).isEqualTo(ErrorType.INVALID_REQUEST);
                    assertThat(failure.param()).isEqualTo("model");
                });
    }
}
