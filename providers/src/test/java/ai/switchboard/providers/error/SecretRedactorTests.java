package ai.switchboard.providers.error;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTests {

    private static final String KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION = "FwoGZXIvYXdzEJr//////////wEaDJ+session+token=";
    private static final String HEADER = "CANARY-XHDR-91ab";
    private static final String BEARER_TOKEN = "proxy-token-5f6e7d8c";

    private static ProviderEndpoint endpoint(String baseUrl, Map<String, String> headers, Map<String, String> settings) {
        return new ProviderEndpoint("p", "bedrock", URI.create(baseUrl), KEY + ":" + SESSION, headers, null, null,
                settings, 1);
    }

    private static final SecretRedactor REDACTOR = SecretRedactor.of(endpoint("https://bedrock.example",
            Map.of("X-Secret-Hdr", HEADER, "Proxy-Authorization", "Bearer " + BEARER_TOKEN, "X-Flag", "on"),
            Map.of("access_key_id", "AKIDEXAMPLE12345", "region", "us-east-1", "api_version", "2024-10-21")));

    @Test
    void masksTheCredentialWholeAndEachOfItsParts() {
        assertThat(REDACTOR.redact("got " + KEY + ":" + SESSION + " and " + KEY + " and " + SESSION))
                .isEqualTo("got *** and *** and ***");
    }

    @Test
    void masksEveryHeaderValueWhateverItsNameAndTheCredentialOfASchemeValue() {
        assertThat(REDACTOR.redact("{\"X-Secret-Hdr\": \"" + HEADER + "\"}")).isEqualTo("{\"X-Secret-Hdr\": \"***\"}");
        assertThat(REDACTOR.redact("token " + BEARER_TOKEN + " refused")).isEqualTo("token *** refused");
        assertThat(REDACTOR.redact("Proxy-Authorization: Bearer " + BEARER_TOKEN))
                .isEqualTo("Proxy-Authorization: ***");
    }

    @Test
    void masksUrlEncodedAndJsonEscapedSpellings() {
        String urlEncoded = "wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY";
        String jsonEscaped = "wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCYEXAMPLEKEY";

        assertThat(REDACTOR.redact("url ?k=" + urlEncoded + " json " + jsonEscaped)).isEqualTo("url ?k=*** json ***");
    }

    @Test
    void masksCredentialSettingsButNotOrdinaryOnes() {
        assertThat(REDACTOR.redact("key AKIDEXAMPLE12345 in us-east-1 with api 2024-10-21"))
                .isEqualTo("key *** in us-east-1 with api 2024-10-21");
        assertThat(SecretRedactor.isSecretSetting("session_token")).isTrue();
        assertThat(SecretRedactor.isSecretSetting("profile")).isFalse();
    }

    @Test
    void masksUserInfoOfTheBaseUrl() {
        SecretRedactor redactor = SecretRedactor.of(endpoint("http://gateway-user:hunter2-password@host/v1",
                Map.of(), Map.of()));

        assertThat(redactor.redact("denied for gateway-user:hunter2-password and hunter2-password"))
                .isEqualTo("denied for *** and ***");
    }

    @Test
    void leavesShortValuesAndOrdinaryTextAlone() {
        assertThat(REDACTOR.redact("feature on: model overloaded, try later"))
                .isEqualTo("feature on: model overloaded, try later");
        assertThat(REDACTOR.redact(null)).isNull();
        assertThat(REDACTOR.redact("")).isEmpty();
    }

    @Test
    void masksWellKnownKeyShapesOnlyInFullRedaction() {
        String text = "key sk-live-abcdefgh1234 and AIzaSyA1234567890abcdefghijkl and AKIAIOSFODNN7EXAMPLE";

        assertThat(REDACTOR.redact(text)).doesNotContain("abcdefgh1234").doesNotContain("1234567890abcdefghijkl")
                .doesNotContain("IOSFODNN7EXAMPLE");
        assertThat(REDACTOR.redactConfigured(text)).isEqualTo(text);
    }

    @Test
    void tellsWhetherATextRevealsAConfiguredSecret() {
        assertThat(REDACTOR.revealsConfigured("echo " + HEADER)).isTrue();
        assertThat(REDACTOR.revealsConfigured("echo nothing")).isFalse();
        assertThat(REDACTOR.revealsConfigured(null)).isFalse();
    }
}
