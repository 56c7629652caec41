package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/v1/datasets}: a dataset is created with its grader and template, its cases are imported as JSONL
 * (appended, numbered in order, variables rendered), read back, refused whole when a line is bad, and deleted.
 */
class DatasetAdminIT extends GatewayIT {

    @Test
    void casesAreImportedAsJsonlAndReadBack() {
        String name = unique("ds");
        JsonNode created = fixtures.post("/admin/v1/datasets", Map.of("name", name, "description", "capitals",
                "grader", Map.of("type", "exact_match", "ignore_case", true),
                "template", Map.of("messages", List.of(Map.of("role", "system", "content", "One word."),
                        Map.of("role", "user", "content", "Capital of {{country}}?")))));
        assertThat(created.path("case_count").asInt()).isZero();
        assertThat(created.path("grader").path("ignore_case").asBoolean()).isTrue();

        importCases(name, """
                {"label":"fr","variables":{"country":"France"},"expected":"Paris"}
                {"variables":{"country":"Peru"},"expected":"Lima"}
                """).expectStatus().isOk().expectBody().jsonPath("$.case_count").isEqualTo(2);
        importCases(created.path("id").asString(), """
                {"messages":[{"role":"user","content":"6*7?"}],"expected":42,"grader":{"type":"numeric_match"}}
                """).expectStatus().isOk().expectBody().jsonPath("$.case_count").isEqualTo(3);

        JsonNode read = get(name).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.path("cases")).hasSize(3);
        assertThat(read.path("cases").get(0).path("label").asString()).isEqualTo("fr");
        assertThat(read.path("cases").get(0).path("input").path("messages").get(1).path("content").asString())
                .isEqualTo("Capital of France?");
        assertThat(read.path("cases").get(2).path("seq").asInt()).isEqualTo(3);
        assertThat(read.path("cases").get(2).path("grader").path("type").asString()).isEqualTo("numeric_match");
        assertThat(http.get().uri("/admin/v1/datasets").header("Authorization", "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("data")
                .valueStream().map(d -> d.path("name").asString())).contains(name);
    }

    @Test
    void aFileWithABadLineIsRefusedWholeAndTheDatasetCanBeDeleted() {
        String name = unique("ds-bad");
        fixtures.post("/admin/v1/datasets", Map.of("name", name, "grader", Map.of("type", "exact_match")));

        importCases(name, """
                {"messages":[{"role":"user","content":"x"}],"expected":"y"}
                {"messages":[{"role":"user","content":"x"}]}
                """).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("lines[2].expected");
        assertThat(get(name).expectBody(JsonNode.class).returnResult().getResponseBody().path("case_count").asInt())
                .isZero();
        http.post().uri("/admin/v1/datasets").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name, "grader",
                        Map.of("type", "exact_match"))).exchange().expectStatus().isEqualTo(409);

        fixtures.delete("/admin/v1/datasets/" + name).expectStatus().isNoContent();
        get(name).expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec importCases(String dataset, String jsonl) {
        return http.post().uri("/admin/v1/datasets/" + dataset + "/cases").header("Authorization", "Bearer " + ADMIN_KEY)
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(jsonl).exchange();
    }

    private WebTestClient.ResponseSpec get(String dataset) {
        return http.get().uri("/admin/v1/datasets/" + dataset).header("Authorization", "Bearer " + ADMIN_KEY)
                .exchange();
    }
}
