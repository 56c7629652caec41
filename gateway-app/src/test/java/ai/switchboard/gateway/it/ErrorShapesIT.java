package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.request.PathFirewall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error, on every path, in the API's own shape with an {@code x-request-id}: OpenAI's on {@code /v1},
 * problem details elsewhere. Sent over a raw socket, since the interesting requests are the ones clients refuse to
 * send (control characters, over-long lines, over-large headers, raw backslashes).
 */
class ErrorShapesIT extends GatewayIT {

    private static final String ADMIN = "Authorization: Bearer " + ADMIN_KEY;

    private String inference;

    @BeforeEach
    void key() {
        inference = "Authorization: Bearer " + fixtures.key(unique("shapes"));
    }

    @Test
    void oversizedHeadersAre431InEachShape() {
        String big = "X-Big: " + "a".repeat(20_000);

        assertOpenAi(RawHttp.send(port, "GET", "/v1/models", inference, big), 431, "headers_too_large");
        assertProblem(RawHttp.send(port, "GET", "/admin/v1/keys", ADMIN, big), 431);
    }

    @Test
    void overlongUrisAre414InEachShape() {
        String query = "?q=" + "a".repeat(PathFirewall.MAX_TARGET_LENGTH);

        assertOpenAi(RawHttp.send(port, "GET", "/v1/models" + query, inference), 414, "uri_too_long");
        assertProblem(RawHttp.send(port, "GET", "/admin/v1/keys" + query, ADMIN), 414);
        // Past Netty's own line limit the decoder drops the path, so the answer is a problem document.
        assertProblem(RawHttp.send(port, "GET", "/v1/models?q=" + "a".repeat(70_000), inference), 414);
    }

    @Test
    void aControlCharacterInAuthorizationIs400InEachShape() {
        assertOpenAi(RawHttp.send(port, "GET", "/v1/models", "Authorization: Bearer sk-sb-\u0001x"), 400,
                "malformed_request");
        assertProblem(RawHttp.send(port, "GET", "/admin/v1/keys", "Authorization: Bearer sk-sb-\u007fx"), 400);
        assertOpenAi(RawHttp.send(port, "POST", "/v1/chat/completions", inference, "X-Tag: a\u0000b"), 400,
                "malformed_request");
    }

    @Test
    void wrongMethodsOnKnownPathsAre405WithAllow() {
        RawHttp.Response chat = RawHttp.send(port, "GET", "/v1/chat/completions", inference);
        assertOpenAi(chat, 405, null);
        assertThat(chat.header("allow")).isEqualTo("POST");

        RawHttp.Response usage = RawHttp.send(port, "DELETE", "/admin/v1/usage", ADMIN);
        assertProblem(usage, 405);
        assertThat(usage.header("allow")).isEqualTo("GET");
    }

    @Test
    void unknownPathsAre404InEachShapeWithOrWithoutAKey() {
        assertOpenAi(RawHttp.send(port, "GET", "/v1/nothing", inference), 404, "unknown_url");
        assertOpenAi(RawHttp.send(port, "GET", "/v1/nothing"), 401, "invalid_api_key");
        for (String[] headers : new String[][] {{ADMIN}, {}}) {
            RawHttp.Response response = RawHttp.send(port, "GET", "/admin/v1/nothing", headers);
            assertProblem(response, 404);
            assertThat(response.json().path("detail").asString()).isEqualTo("No endpoint at GET /admin/v1/nothing");
        }
        assertProblem(RawHttp.send(port, "POST", "/elsewhere"), 404);
        RawHttp.Response head = RawHttp.send(port, "HEAD", "/admin/v1/nothing");
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void optionsOnAnAdminPathListsItsMethodsLikeA405Would() {
        RawHttp.Response options = RawHttp.send(port, "OPTIONS", "/admin/v1/keys");

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("allow")).contains("GET", "POST");
        assertThat(options.body()).isEmpty();
    }

    @Test
    void unacceptableMediaTypesAre406Problems() {
        assertProblem(RawHttp.send(port, "GET", "/admin/v1/keys", ADMIN, "Accept: text/csv"), 406);
    }

    @Test
    void urisSpringCannotParseAre400InEachShape() {
        assertProblem(RawHttp.send(port, "GET", "/admin\\v1/keys", ADMIN), 400);
        assertOpenAi(RawHttp.send(port, "GET", "/v1/models/%zz", inference), 400, "malformed_request");
        assertOpenAi(RawHttp.send(port, "GET", "/v1/models/a|b", inference), 400, "malformed_request");
    }

    @Test
    void missingAndWrongKeysKeepTheirShapeAndChallenge() {
        RawHttp.Response admin = RawHttp.send(port, "GET", "/admin/v1/keys", inference);
        assertProblem(admin, 403);
        assertThat(admin.json().path("detail").asString()).contains("'admin'");

        RawHttp.Response anonymous = RawHttp.send(port, "GET", "/admin/v1/keys");
        assertProblem(anonymous, 401);
        assertThat(anonymous.header("www-authenticate")).isEqualTo("Bearer");
    }

    private static void assertOpenAi(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.header("x-request-id")).startsWith("req_");
        assertThat(response.json().path("error").path("type").asString()).isNotBlank();
        assertThat(response.json().path("error").path("message").asString()).isNotBlank();
        assertThat(response.json().path("error").path("code").asString(null)).isEqualTo(code);
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("x-request-id")).startsWith("req_");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }
}
