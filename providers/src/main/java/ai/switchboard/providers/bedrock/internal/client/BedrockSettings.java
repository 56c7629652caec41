package ai.switchboard.providers.bedrock.internal.client;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bedrock-specific settings of a provider ({@link ProviderEndpoint#settings()}; none of them is a secret):
 * <ul>
 *   <li>{@value #AUTH}: {@code sigv4} (the default) or {@code bearer} (a Bedrock API key, sent as
 *       {@code Authorization: Bearer}, in the endpoint's credential);</li>
 *   <li>{@value #ACCESS_KEY_ID}: the AWS access key id, for SigV4. The secret access key is the endpoint's encrypted
 *       credential ({@code apiKey}); for temporary credentials it holds {@code secretAccessKey:sessionToken}
 *       (neither part ever contains a colon), so the session token is encrypted at rest like the secret;</li>
 *   <li>{@value #REGION}: the signing region. When absent it is read from the base URL's host,
 *       {@code bedrock-runtime[-fips].<region>.amazonaws.com} (also behind {@code vpce-...} names); a custom host
 *       (a proxy, a test server) needs it set.</li>
 * </ul>
 *
 * @param region the signing region, or {@code null} when neither set nor derivable
 * @param bearer whether to authenticate with a Bedrock API key instead of SigV4
 */
public record BedrockSettings(String region, boolean bearer) {

    public static final String AUTH = "auth";
    public static final String ACCESS_KEY_ID = "access_key_id";
    public static final String REGION = "region";

    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d+");
    /** IAM's documented constraint on an AccessKeyId. */
    private static final Pattern ACCESS_KEY = Pattern.compile("\\w{16,128}");

    private static final Pattern HOST_REGION =
            Pattern.compile("(?:^|\\.)bedrock-runtime(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.");

    /** Reads and checks the settings of an endpoint. */
    public static BedrockSettings of(ProviderEndpoint endpoint) {
        String auth = endpoint.settings().getOrDefault(AUTH, "sigv4").trim().toLowerCase(Locale.ROOT);
        if (!auth.equals("sigv4") && !auth.equals("bearer")) {
            throw misconfigured(endpoint, "settings.auth must be 'sigv4' or 'bearer'");
        }
        String region = endpoint.settings().get(REGION);
        if (region == null || region.isBlank()) {
            region = regionOfHost(endpoint.baseUrl().getHost());
        }
        return new BedrockSettings(region == null ? null : region.trim(), auth.equals("bearer"));
    }

    /**
     * Checks the settings before a provider is saved, by the rules {@link #of} and {@link BedrockAuth} apply on every
     * call: a provider they would refuse is refused when it is written. A query in the base URL is refused too:
     * paths are appended to it, and SigV4 would sign it.
     */
    public static ProviderConfigCheck check(ProviderConfigCheck check) {
        Map<String, String> settings = check.settings();
        check.reads(Set.of(AUTH, ACCESS_KEY_ID, REGION))
                .value(AUTH, v -> Set.of("sigv4", "bearer").contains(v.trim().toLowerCase(Locale.ROOT)),
                        "must be 'sigv4' or 'bearer'")
                .value(REGION, v -> REGION_NAME.matcher(v.trim()).matches(), "must be an AWS region such as us-east-1")
                .value(ACCESS_KEY_ID, v -> ACCESS_KEY.matcher(v.trim()).matches(),
                        "must be an AWS access key id (16 to 128 letters, digits or _)")
                .noQuery();
        if (!"bearer".equalsIgnoreCase(settings.getOrDefault(AUTH, "sigv4").trim())) {
            if (isBlank(settings.get(ACCESS_KEY_ID))) {
                check.problem(ACCESS_KEY_ID, "is required for SigV4 (or set auth to 'bearer' for a Bedrock API key)");
            }
            if (isBlank(settings.get(REGION)) && regionOfHost(check.baseUrl().getHost()) == null) {
                check.problem(REGION, "is required when the base URL is not a bedrock-runtime.<region>.amazonaws.com "
                        + "host");
            }
        }
        return check;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The region in a Bedrock runtime host name, or {@code null}. */
    static String regionOfHost(String host) {
        if (host == null) {
            return null;
        }
        Matcher matcher = HOST_REGION.matcher(host.toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * A provider configured so that no call can succeed. Reported as the gateway's fault (HTTP 500), not the
     * client's, and without the credential.
     */
    static ProviderException misconfigured(ProviderEndpoint endpoint, String problem) {
        return new ProviderException(ErrorType.AUTHENTICATION, 500,
                "Provider '" + endpoint.name() + "' is misconfigured: " + problem, null, null, null, null);
    }
}
