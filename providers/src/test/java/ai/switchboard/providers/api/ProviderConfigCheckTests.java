package ai.switchboard.providers.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.anthropic.AnthropicAdapter;
import ai.switchboard.providers.azure.AzureOpenAiAdapter;
import ai.switchboard.providers.bedrock.BedrockAdapter;
import ai.switchboard.providers.cohere.CohereAdapter;
import ai.switchboard.providers.gemini.GeminiAdapter;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.OpenAiAdapter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each adapter refuses, before a provider is saved, the settings and base URLs it could not use. */
class ProviderConfigCheckTests {

    private static final ProviderHttpClients CLIENTS = new ProviderHttpClients();
    private static final Map<String, ProviderAdapter> ADAPTERS = Map.of(
            "openai", new OpenAiAdapter(CLIENTS),
            "azure-openai", new AzureOpenAiAdapter(CLIENTS),
            "anthropic", new AnthropicAdapter(CLIENTS),
            "gemini", new GeminiAdapter(CLIENTS),
            "cohere", new CohereAdapter(CLIENTS),
            "bedrock", new BedrockAdapter(CLIENTS));

    private static final String PLAIN = "https://api.example.com/v1";
    private static final String BEDROCK_HOST = "https://bedrock-runtime.eu-west-1.amazonaws.com";

    @AfterAll
    static void close() {
        CLIENTS.close();
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("openai", PLAIN, Map.of()),
                Arguments.of("openai", PLAIN, Map.of("profile", " Groq ")),
                Arguments.of("openai", PLAIN + "?api-key=x", Map.of()),
                Arguments.of("azure-openai", PLAIN, Map.of("api_style", "v1")),
                Arguments.of("azure-openai", PLAIN, Map.of("api_version", "2024-10-21", "auth", "bearer")),
                Arguments.of("anthropic", PLAIN, Map.of("anthropic_version", "2023-06-01", "default_max_tokens", "8")),
                Arguments.of("gemini", PLAIN + "?key=x", Map.of()),
                Arguments.of("cohere", PLAIN, Map.of("input_type", "search_query", "truncate", "END")),
                Arguments.of("bedrock", BEDROCK_HOST, Map.of("access_key_id", "AKIAIOSFODNN7EXAMPLE")),
                Arguments.of("bedrock", PLAIN, Map.of("access_key_id", "AKIAIOSFODNN7EXAMPLE", "region", "us-east-1")),
                Arguments.of("bedrock", PLAIN, Map.of("auth", "bearer")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource
    void valid(String type, String baseUrl, Map<String, String> settings) {
        assertThat(ADAPTERS.get(type).check(URI.create(baseUrl), settings)).isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("openai", PLAIN, Map.of("profile", "bogus"), List.of("settings.profile")),
                Arguments.of("openai", PLAIN, Map.of("api_version", "1"), List.of("settings.api_version")),
                Arguments.of("azure-openai", PLAIN, Map.of("api_style", "classic"), List.of("settings.api_style")),
                Arguments.of("azure-openai", PLAIN, Map.of("auth", "sas"), List.of("settings.auth")),
                Arguments.of("azure-openai", PLAIN, Map.of("api_version", "2024&x=1"), List.of("settings.api_version")),
                Arguments.of("azure-openai", PLAIN + "?api-version=1", Map.of(), List.of("base_url")),
                Arguments.of("azure-openai", PLAIN, Map.of("profile", "groq"), List.of("settings.profile")),
                Arguments.of("anthropic", PLAIN, Map.of("anthropic_version", "2023-06-01\r\nX: y"),
                        List.of("settings.anthropic_version")),
                Arguments.of("anthropic", PLAIN, Map.of("default_max_tokens", "0"),
                        List.of("settings.default_max_tokens")),
                Arguments.of("anthropic", PLAIN, Map.of("default_max_tokens", "1.5"),
                        List.of("settings.default_max_tokens")),
                Arguments.of("gemini", PLAIN, Map.of("region", "x"), List.of("settings.region")),
                Arguments.of("cohere", PLAIN, Map.of("input_type", "bogus"), List.of("settings.input_type")),
                Arguments.of("cohere", PLAIN, Map.of("truncate", "end"), List.of("settings.truncate")),
                Arguments.of("bedrock", BEDROCK_HOST, Map.of(), List.of("settings.access_key_id")),
                Arguments.of("bedrock", PLAIN, Map.of("access_key_id", "AKIAIOSFODNN7EXAMPLE"),
                        List.of("settings.region")),
                Arguments.of("bedrock", BEDROCK_HOST, Map.of("access_key_id", "akia lower"),
                        List.of("settings.access_key_id")),
                Arguments.of("bedrock", BEDROCK_HOST, Map.of("auth", "iam"),
                        List.of("settings.auth", "settings.access_key_id")),
                Arguments.of("bedrock", BEDROCK_HOST + "?x=1", Map.of("auth", "bearer"), List.of("base_url")),
                Arguments.of("bedrock", BEDROCK_HOST, Map.of("auth", "bearer", "region", "mars"),
                        List.of("settings.region")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource
    void invalid(String type, String baseUrl, Map<String, String> settings, List<String> fields) {
        assertThat(ADAPTERS.get(type).check(URI.create(baseUrl), settings)).containsOnlyKeys(fields)
                .allSatisfy((field, message) -> assertThat(message).isNotBlank());
    }
}
