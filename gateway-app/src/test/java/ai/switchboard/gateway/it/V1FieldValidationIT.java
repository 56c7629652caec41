package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.switchboard.gateway.api.support.JavaNames;
import ai.switchboard.gateway.it.fields.EndpointTable;
import ai.switchboard.gateway.it.fields.FieldCase;
import ai.switchboard.gateway.it.fields.V1FieldTables;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * The generator: every documented field of every {@code /v1} endpoint, sent over HTTP with wrong types, values out of
 * range, nulls, empties and oversize values (each in an otherwise valid body), must get a 400 in OpenAI's shape that
 * names the field, shows no Java, and leaves the upstream uncalled; the valid values of the same fields are served.
 * The fields are data in {@link V1FieldTables}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V1FieldValidationIT extends GatewayIT {

    private String refusingUpstream;
    private String refusingModel;
    private String servingModel;
    private String key;

    @BeforeEach
    void catalog() {
        if (key != null) {
            return;
        }
        String prefix = unique("fields");
        refusingUpstream = prefix + "-bad";
        refusingModel = register(refusingUpstream);
        String servingUpstream = prefix + "-ok";
        servingModel = register(servingUpstream);
        for (EndpointTable table : V1FieldTables.all()) {
            UPSTREAM.stubFor(post(urlEqualTo("/" + servingUpstream + "/v1" + table.upstreamPath()))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(answer(table.upstreamPath()))));
        }
        key = fixtures.key(prefix + "-key", refusingModel, servingModel);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fields")
    void eachFieldRefusesBadValuesWithA400NamingItAndServesGoodOnes(String endpoint, String field,
            List<FieldCase> cases) {
        SoftAssertions softly = new SoftAssertions();
        for (FieldCase fieldCase : cases) {
            if (fieldCase.refused()) {
                assertRefused(fieldCase, softly);
            } else {
                EntityExchangeResult<JsonNode> served = send(fieldCase, servingModel);
                softly.assertThat(served.getStatus().value()).as(fieldCase + ": " + served.getResponseBody())
                        .isEqualTo(200);
            }
        }
        softly.assertAll();
    }

    static Stream<Arguments> fields() {
        return V1FieldTables.all().stream().flatMap(table -> table.fields().stream()
                .map(field -> Arguments.of(table.name(), field.param() + (field.companions().isEmpty() ? ""
                        : " with " + field.companions()), table.cases(field))));
    }

    /** A 400 in OpenAI's shape naming the field, no Java in the message, and no upstream call. */
    private void assertRefused(FieldCase refused, SoftAssertions softly) {
        EntityExchangeResult<JsonNode> result = send(refused, refusingModel);
        JsonNode error = result.getResponseBody() == null ? null : result.getResponseBody().path("error");
        softly.assertThat(result.getStatus().value()).as(refused + ": " + error).isEqualTo(400);
        softly.assertThat(result.getResponseHeaders().getFirst("x-request-id")).as(refused.toString()).isNotNull();
        softly.assertThat(result.getResponseHeaders().getContentType()).as(refused.toString())
                .isEqualTo(MediaType.APPLICATION_JSON);
        if (error == null) {
            return;
        }
        softly.assertThat(error.propertyNames()).as(refused.toString()).contains("message", "type", "param", "code");
        softly.assertThat(error.path("type").asString()).as(refused.toString()).isEqualTo("invalid_request_error");
        softly.assertThat(error.path("param").asString(null)).as(refused + ": " + error)
                .isEqualTo(refused.refusedParam());
        String message = error.path("message").asString();
        softly.assertThat(message).as(refused.toString()).isNotBlank().hasSizeLessThan(600);
        softly.assertThat(JavaNames.find(message)).as(refused + ": " + message).isNull();
        softly.assertThat(UPSTREAM.countRequestsMatching(anyRequestedFor(urlPathMatching("/" + refusingUpstream
                + "/.*")).build()).getCount()).as(refused + " reached the upstream").isZero();
    }

    private EntityExchangeResult<JsonNode> send(FieldCase fieldCase, String model) {
        return http.post().uri(fieldCase.endpoint().path())
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fieldCase.body(model))
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    /** A model on its own stub upstream that can do everything the tables ask for. */
    private String register(String upstream) {
        fixtures.provider(upstream + "-p", upstreamBase(upstream));
        fixtures.model(upstream + "-m", upstream + "-p", "gpt-4o-mini", "chat", "streaming", "tools", "vision", "json",
                "completions", "embeddings");
        return upstream + "-m";
    }

    private static String answer(String upstreamPath) {
        return switch (upstreamPath) {
            case "/chat/completions" -> UpstreamBodies.chatCompletion("gpt-4o-mini", "ok");
            case "/embeddings" -> UpstreamBodies.embeddings("gpt-4o-mini");
            default -> "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"text\":\"ok\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}}";
        };
    }
}
