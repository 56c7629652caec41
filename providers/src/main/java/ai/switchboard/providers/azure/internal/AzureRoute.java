package ai.switchboard.providers.azure.internal;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.openai.internal.OpenAiProtocol;
import ai.switchboard.providers.openai.internal.OpenAiRoute;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;

/**
 * Azure OpenAI addressing (crib sheet section 4). The base URL is the resource root,
 * {@code https://{resource}.openai.azure.com}; a trailing {@code /openai} or {@code /openai/v1} is tolerated because
 * Azure's portal and the OpenAI-client samples show both.
 */
public final class AzureRoute implements OpenAiRoute {

    private static final String API_KEY_HEADER = "api-key";

    @Override
    public URI uri(ProviderEndpoint endpoint, String operation, String model) {
        AzureSettings settings = settings(endpoint);
        String root = resourceRoot(endpoint.baseUrl());
        // The Responses API exists only on the v1 surface, where the body's model names the deployment.
        if (settings.style() == AzureSettings.Style.V1 || OpenAiProtocol.RESPONSES.equals(operation)) {
            return URI.create(root + "/openai/v1" + operation);
        }
        if (model == null || model.isBlank()) {
            throw ProviderException.of(ErrorType.INVALID_REQUEST,
                    "Azure OpenAI needs a model: it names the deployment to call");
        }
        return URI.create(root + "/openai/deployments/" + UriUtils.encodePathSegment(model, StandardCharsets.UTF_8)
                + operation + "?api-version=" + UriUtils.encodeQueryParam(settings.apiVersion(), StandardCharsets.UTF_8));
    }

    @Override
    public void authenticate(ProviderEndpoint endpoint, HttpHeaders headers) {
        if (endpoint.apiKey() == null || endpoint.apiKey().isEmpty()) {
            return;
        }
        if (settings(endpoint).bearer()) {
            headers.setBearerAuth(endpoint.apiKey());
        }
        else {
            headers.set(API_KEY_HEADER, endpoint.apiKey());
        }
    }

    static String resourceRoot(URI baseUrl) {
        String root = baseUrl.toString();
        int query = root.indexOf('?');
        if (query >= 0) {
            root = root.substring(0, query);
        }
        root = stripSuffix(root, "/");
        root = stripSuffix(root, "/openai/v1");
        return stripSuffix(root, "/openai");
    }

    private static String stripSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static AzureSettings settings(ProviderEndpoint endpoint) {
        try {
            return AzureSettings.of(endpoint.settings());
        }
        catch (IllegalArgumentException misconfigured) {
            // The gateway's configuration, not the client's request, is at fault; another provider may still serve.
            throw new ProviderException(ErrorType.UPSTREAM_SERVER_ERROR, ErrorType.UPSTREAM_SERVER_ERROR.defaultStatus(),
                    "Provider '" + endpoint.name() + "' is misconfigured: " + misconfigured.getMessage(), null, null,
                    null, null, misconfigured);
        }
    }
}
