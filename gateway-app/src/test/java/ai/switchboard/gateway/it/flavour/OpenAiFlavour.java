package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** Provider type {@code openai}: the API root ends in {@code /v1}, chat is {@code /chat/completions} under it. */
final class OpenAiFlavour extends OpenAiFormatFlavour {

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public String upstreamModel() {
        return "gpt-4o-mini";
    }

    @Override
    public String baseUrl(String upstreamRoot, String prefix) {
        return upstreamRoot + "/" + prefix + "/v1";
    }

    @Override
    public MappingBuilder chatCall(String prefix, boolean stream) {
        MappingBuilder call = post(urlPathEqualTo("/" + prefix + "/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey()));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\":true"));
    }
}
