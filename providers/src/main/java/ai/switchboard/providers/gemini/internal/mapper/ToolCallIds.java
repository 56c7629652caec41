package ai.switchboard.providers.gemini.internal.mapper;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Carries Gemini's {@code thoughtSignature} through the OpenAI round trip inside the tool-call id, the one field
 * every OpenAI client echoes back verbatim (in the assistant's {@code tool_calls[].id} and the tool message's
 * {@code tool_call_id}). No server-side state is needed, so the next turn may land on any replica.
 *
 * <p>Format: {@code <callId>} or {@code <callId>.sig.<signature in base64url, unpadded>}. Signatures are standard
 * base64; the URL-safe alphabet has no {@code .}, so the last {@code .sig.} always starts the signature and the
 * encoding reverses exactly. A signature that is not canonical standard base64 or longer than {@link #MAX_SIGNATURE_LENGTH}
 * is not carried (the next turn then gets the fallback of {@link #FALLBACK_SIGNATURE}).
 */
public final class ToolCallIds {

    /** Longest signature carried in an id; bounds what a client must store and echo. */
    public static final int MAX_SIGNATURE_LENGTH = 16 * 1024;

    /**
     * The value Google documents for function calls Gemini did not sign (history from another model, or a
     * signature that could not be carried): it tells Gemini 3 to skip signature validation instead of failing with
     * 400 "Function call is missing a thought_signature".
     */
    public static final String FALLBACK_SIGNATURE = "skip_thought_signature_validator";

    private static final String MARKER = ".sig.";
    private static final String PREFIX = "call_";
    private static final int RANDOM_LENGTH = 24;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern STANDARD_BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private ToolCallIds() {
    }

    /** A new {@code call_…} id for a function call Gemini sent without one. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(PREFIX.length() + RANDOM_LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** The OpenAI id for a call: {@code callId} alone, or with the signature appended when it can be carried. */
    public static String encode(String callId, String signature) {
        if (signature == null || signature.isEmpty() || signature.length() > MAX_SIGNATURE_LENGTH
                || !STANDARD_BASE64.matcher(signature).matches()) {
            return callId;
        }
        String urlSafe = signature.replace('+', '-').replace('/', '_');
        int padding = urlSafe.indexOf('=');
        String id = callId + MARKER + (padding >= 0 ? urlSafe.substring(0, padding) : urlSafe);
        // Padding that does not fit the length (non-canonical base64) would not come back byte for byte.
        return signature.equals(decode(id).signature()) ? id : callId;
    }

    /** Splits an OpenAI id into Gemini's call id and the signature it carries ({@code null} when none). */
    public static Decoded decode(String openAiId) {
        if (openAiId == null) {
            return new Decoded(null, null);
        }
        int marker = openAiId.lastIndexOf(MARKER);
        if (marker < 0) {
            return new Decoded(openAiId, null);
        }
        String urlSafe = openAiId.substring(marker + MARKER.length());
        if (urlSafe.isEmpty() || urlSafe.length() % 4 == 1) {
            // Not something encode() produced: treat the whole string as a plain id.
            return new Decoded(openAiId, null);
        }
        StringBuilder signature = new StringBuilder(urlSafe.length() + 2)
                .append(urlSafe.replace('-', '+').replace('_', '/'));
        while (signature.length() % 4 != 0) {
            signature.append('=');
        }
        return new Decoded(openAiId.substring(0, marker), signature.toString());
    }

    /**
     * An OpenAI tool-call id taken apart.
     *
     * @param callId the id to send to Gemini as {@code functionCall.id} / {@code functionResponse.id}
     * @param signature the thought signature to put back on the {@code functionCall} part, or {@code null}
     */
    public record Decoded(String callId, String signature) {
    }
}
