package ai.switchboard.providers.bedrock;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Bedrock endpoints at a local stub, with AWS's documented example credentials (obviously fake). */
public final class BedrockTestEndpoints {

    public static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    public static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static final String SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLEsessionTOKEN0123456789";
    public static final String API_KEY = "ABSKQmVkcm9ja0FQSUtleS1FWEFNUExFSECRET";
    public static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String MODEL_PATH = "/model/anthropic.claude-3-haiku-20240307-v1%3A0";
    /** 2024-01-15T10:00:00Z: signatures carry {@code X-Amz-Date: 20240115T100000Z}. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-15T10:00:00Z"), ZoneOffset.UTC);

    private BedrockTestEndpoints() {
    }

    /** SigV4 with long-term credentials, region from settings (the stub's host names none). */
    public static ProviderEndpoint sigV4(String name, String baseUrl, Duration responseTimeout) {
        return endpoint(name, baseUrl, SECRET, Map.of("access_key_id", ACCESS_KEY_ID, "region", "us-east-1"),
                responseTimeout);
    }

    /** SigV4 with temporary credentials packed as {@code secret:sessionToken}. */
    public static ProviderEndpoint sigV4Session(String name, String baseUrl) {
        return endpoint(name, baseUrl, SECRET + ":" + SESSION_TOKEN,
                Map.of("access_key_id", ACCESS_KEY_ID, "region", "eu-west-3"), Duration.ofSeconds(5));
    }

    /** A Bedrock API key sent as a bearer token. */
    public static ProviderEndpoint bearer(String name, String baseUrl) {
        return endpoint(name, baseUrl, API_KEY, Map.of("auth", "bearer"), Duration.ofSeconds(5));
    }

    private static ProviderEndpoint endpoint(String name, String baseUrl, String credential,
            Map<String, String> settings, Duration responseTimeout) {
        return new ProviderEndpoint(name, "bedrock", URI.create(baseUrl), credential, Map.of(), Duration.ofSeconds(2),
                responseTimeout, settings, 1);
    }
}
