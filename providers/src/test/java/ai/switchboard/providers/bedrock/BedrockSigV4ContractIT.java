package ai.switchboard.providers.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.UpstreamFinish;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import ai.switchboard.providers.testsupport.kit.UpstreamUsage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The contract kit once more, with every request signed with SigV4 instead of carrying a Bedrock API key. Each
 * checked request is signed again from what the stub received (its URL, the headers it names as signed, its body
 * bytes), so a header the HTTP client changed after signing, or a body re-serialized after hashing, shows as a
 * mismatch the way AWS would report {@code InvalidSignatureException}.
 */
class BedrockSigV4ContractIT extends BedrockAdapterContractIT {

    private static final String ACCESS_KEY_ID = BedrockTestEndpoints.ACCESS_KEY_ID;
    private static final String REGION = "us-east-1";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID
            + "/20240115/" + REGION + "/bedrock/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}");

    /**
     * An inference-profile ARN as the model: its colons and slash travel percent-encoded in one path segment, and
     * the signature covers that path as received.
     */
    @Test
    void inferenceProfileArnTravelsEncodedInOnePathSegmentAndSigned() {
        String arn = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6";
        String path = "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A111122223333%3Aapplication-inference-profile"
                + "%2Fa1b2c3d4e5f6/converse";
        upstream().stubFor(post(urlPathEqualTo(path)).willReturn(chatResponse(
                UpstreamReply.text(UpstreamFinish.STOP, new UpstreamUsage(5, 2, 0), "Hi."))));

        ChatResponse response = adapter().chat(defaultEndpoint(), KitRequests.plain(arn)).block(WAIT);

        assertThat(response.choices().getFirst().message().text()).isEqualTo("Hi.");
        SentRequest sent = lastRequest();
        assertThat(URI.create(sent.logged().getUrl()).getRawPath()).isEqualTo(path);
        verifyCredential(sent);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        // The kit's key as the secret access key, which its failure scenarios make the upstream echo.
        return new ProviderEndpoint(name, BedrockAdapter.TYPE, URI.create(stubBaseUrl), TestEndpoints.API_KEY,
                Map.of(), Duration.ofSeconds(2), responseTimeout,
                Map.of("access_key_id", ACCESS_KEY_ID, "region", REGION), 1);
    }

    @Override
    protected void verifyCredential(SentRequest sent) {
        String authorization = sent.header("Authorization");
        Matcher matcher = AUTHORIZATION.matcher(authorization);
        assertThat(matcher.matches()).as("SigV4 Authorization header %s", authorization).isTrue();
        assertThat(sent.header("X-Amz-Date")).isEqualTo("20240115T100000Z");
        assertThat(authorization).as("signature over what was received").isEqualTo(signAgain(sent, matcher.group(1)));
    }

    private static String signAgain(SentRequest sent, String signedHeaders) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create(sent.logged().getAbsoluteUrl()));
        Arrays.stream(signedHeaders.split(";"))
                .filter(name -> !name.equals("host"))
                .forEach(name -> request.putHeader(name, sent.header(name)));
        return AwsV4HttpSigner.create().sign(sign -> sign
                        .identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, TestEndpoints.API_KEY))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(sent.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                        .putProperty(HttpSigner.SIGNING_CLOCK, BedrockTestEndpoints.CLOCK))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
