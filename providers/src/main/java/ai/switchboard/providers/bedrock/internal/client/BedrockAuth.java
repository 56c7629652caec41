package ai.switchboard.providers.bedrock.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Authenticates Bedrock requests: SigV4 through the AWS SDK's signer (signing name {@value #SIGNING_NAME}, not the
 * {@code bedrock-runtime} endpoint prefix), or a Bedrock API key as a bearer token.
 *
 * <p>The signature covers the exact body bytes that are sent and every header passed in; the returned headers are
 * the request's headers as signed (with {@code Authorization}, {@code X-Amz-Date} and, for temporary credentials,
 * {@code X-Amz-Security-Token}). Signing is CPU work only (SHA-256 and HMAC over bytes in memory), so it runs on the
 * subscribing thread. The SDK's signer logs canonical requests at DEBUG under {@code software.amazon.awssdk}; that
 * logger must stay above DEBUG in production since the canonical request includes a session token.
 */
public final class BedrockAuth {

    static final String SIGNING_NAME = "bedrock";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    public BedrockAuth(Clock clock) {
        this.clock = clock;
    }

    /** The headers to send: {@code headers} plus authentication. */
    public Map<String, List<String>> authenticate(ProviderEndpoint endpoint, BedrockSettings settings, URI uri,
            Map<String, String> headers, byte[] body) {
        String credential = endpoint.apiKey();
        if (credential == null || credential.isEmpty()) {
            throw BedrockSettings.misconfigured(endpoint, "no credential is set");
        }
        if (settings.bearer()) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            headers.forEach((name, value) -> all.put(name, List.of(value)));
            all.put("Authorization", List.of("Bearer " + credential));
            return all;
        }
        if (settings.region() == null) {
            throw BedrockSettings.misconfigured(endpoint, "settings.region is required when the base URL is not a "
                    + "bedrock-runtime.<region>.amazonaws.com host");
        }
        String accessKeyId = endpoint.settings().get(BedrockSettings.ACCESS_KEY_ID);
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw BedrockSettings.misconfigured(endpoint, "settings.access_key_id is required for SigV4");
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri);
        headers.forEach(request::putHeader);
        return signer.sign(sign -> sign
                .identity(identity(accessKeyId.trim(), credential))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request().headers();
    }

    private static AwsCredentialsIdentity identity(String accessKeyId, String credential) {
        int colon = credential.indexOf(':');
        if (colon < 0) {
            return AwsCredentialsIdentity.create(accessKeyId, credential);
        }
        return AwsSessionCredentialsIdentity.create(accessKeyId, credential.substring(0, colon),
                credential.substring(colon + 1));
    }
}
