package ai.switchboard.providers.bedrock.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.util.regex.Pattern;

/**
 * Masks AWS credentials in upstream texts before they reach a client: the endpoint's own secret, session token and
 * access key id wherever they appear, and anything shaped like an AWS access key id. Also bounds the length.
 */
final class CredentialScrubber {

    private static final int MAX_LENGTH = 500;
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}\\b");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");

    private CredentialScrubber() {
    }

    static String scrub(String text, ProviderEndpoint endpoint) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String scrubbed = text;
        String apiKey = endpoint.apiKey();
        if (apiKey != null) {
            // The packed form "secret:sessionToken" is masked whole and piece by piece.
            scrubbed = mask(scrubbed, apiKey);
            for (String piece : apiKey.split(":")) {
                scrubbed = mask(scrubbed, piece);
            }
        }
        scrubbed = mask(scrubbed, endpoint.settings().get(BedrockSettings.ACCESS_KEY_ID));
        scrubbed = ACCESS_KEY_ID.matcher(scrubbed).replaceAll("$1***");
        scrubbed = BEARER.matcher(scrubbed).replaceAll("Bearer ***");
        return scrubbed.length() > MAX_LENGTH ? scrubbed.substring(0, MAX_LENGTH) + "…" : scrubbed;
    }

    private static String mask(String text, String secret) {
        return secret == null || secret.length() < 8 ? text : text.replace(secret, "***");
    }
}
