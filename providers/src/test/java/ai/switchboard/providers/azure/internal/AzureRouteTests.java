package ai.switchboard.providers.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class AzureRouteTests {

    private final AzureRoute route = new AzureRoute();

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.openai.azure.com", "https://acme.openai.azure.com/",
            "https://acme.openai.azure.com/openai", "https://acme.openai.azure.com/openai/v1/"})
    void deploymentStyleAddressesTheDeploymentWithTheDefaultApiVersion(String baseUrl) {
        assertThat(route.uri(endpoint(baseUrl, Map.of()), "/chat/completions", "gpt-4o-prod")).hasToString(
                "https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21");
    }

    @Test
    void apiVersionComesFromTheSettingsAndDeploymentNamesAreEncoded() {
        ProviderEndpoint endpoint = endpoint("https://acme.openai.azure.com",
                Map.of(AzureSettings.API_VERSION, "2025-04-01-preview"));

        assertThat(route.uri(endpoint, "/embeddings", "emb small")).hasToString(
                "https://acme.openai.azure.com/openai/deployments/emb%20small/embeddings?api-version=2025-04-01-preview");
    }

    @Test
    void v1StyleHasNoApiVersionAndKeepsTheModelInTheBody() {
        ProviderEndpoint endpoint = endpoint("https://acme.openai.azure.com/openai/v1", Map.of("api_style", "v1"));

        assertThat(route.uri(endpoint, "/chat/completions", "gpt-4o-prod"))
                .hasToString("https://acme.openai.azure.com/openai/v1/chat/completions");
    }

    @Test
    void credentialHeaderFollowsTheStyleUnlessAuthIsSet() {
        assertThat(headers(Map.of()).getFirst("api-key")).isEqualTo("key-1234567890");
        assertThat(headers(Map.of()).containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(headers(Map.of("api_style", "v1")).getFirst(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer key-1234567890");
        assertThat(headers(Map.of("auth", "bearer")).getFirst(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer key-1234567890");
        assertThat(headers(Map.of("api_style", "v1", "auth", "api-key")).getFirst("api-key"))
                .isEqualTo("key-1234567890");
    }

    @Test
    void deploymentStyleWithoutAModelIsAnInvalidRequest() {
        assertThatThrownBy(() -> route.uri(endpoint("https://acme.openai.azure.com", Map.of()), "/chat/completions",
                null)).isInstanceOfSatisfying(ProviderException.class,
                        error -> assertThat(error.type()).isEqualTo(ErrorType.INVALID_REQUEST));
    }

    @Test
    void wrongSettingsAreNamedAndNeverReachTheUpstream() {
        assertThatIllegalArgumentException().isThrownBy(() -> AzureSettings.of(Map.of("api_style", "classic")))
                .withMessageContaining("api_style");
        assertThatIllegalArgumentException().isThrownBy(() -> AzureSettings.of(Map.of("auth", "sas")))
                .withMessageContaining("auth");
        assertThatIllegalArgumentException().isThrownBy(() -> AzureSettings.of(Map.of("api_version", "2024&x=1")))
                .withMessageContaining("api_version");
        assertThatThrownBy(() -> route.uri(endpoint("https://a.openai.azure.com", Map.of("api_style", "classic")),
                "/chat/completions", "m")).isInstanceOfSatisfying(ProviderException.class,
                        error -> assertThat(error.getMessage()).contains("misconfigured").contains("api_style"));
    }

    private HttpHeaders headers(Map<String, String> settings) {
        HttpHeaders headers = new HttpHeaders();
        route.authenticate(endpoint("https://acme.openai.azure.com", settings), headers);
        return headers;
    }

    private static ProviderEndpoint endpoint(String baseUrl, Map<String, String> settings) {
        return new ProviderEndpoint("azure", "azure-openai", URI.create(baseUrl), "key-1234567890", Map.of(), null,
                null, settings, 1);
    }
}
