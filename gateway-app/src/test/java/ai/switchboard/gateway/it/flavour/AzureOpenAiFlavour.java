package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Map;

/**
 * Provider type {@code azure-openai}, deployment style: the base URL is the resource root, the gateway model's
 * upstream model is the deployment, and every call carries {@code api-version}.
 */
final class AzureOpenAiFlavour extends OpenAiFormatFlavour {

    private static final String DEPLOYMENT = "gpt-4o-prod";
    private static final String API_VERSION = "2024-10-21";

    @Override
    public String type() {
        return "azure-openai";
    }

    @Override
    public String upstreamModel() {
        return DEPLOYMENT;
    }

    @Override
    public String baseUrl(String upstreamRoot, String prefix) {
        return upstreamRoot + "/" + prefix;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("api_style", "deployment", "api_version", API_VERSION);
    }

    @Override
    public MappingBuilder chatCall(String prefix, boolean stream) {
        MappingBuilder call = post(urlPathEqualTo("/" + prefix + "/openai/deployments/" + DEPLOYMENT
                + "/chat/completions")).withQueryParam("api-version", equalTo(API_VERSION))
                .withHeader("api-key", equalTo(apiKey()));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\":true"));
    }
}
