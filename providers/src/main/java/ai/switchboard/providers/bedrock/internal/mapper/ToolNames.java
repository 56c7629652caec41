package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Converse accepts tool names and tool-use ids only of the form {@code [a-zA-Z0-9_-]{1,64}}, while OpenAI clients (and
 * ids minted by other providers) use dots, colons and longer strings. {@link #sanitize(String)} is deterministic, so
 * an assistant's {@code toolUse} id and the later {@code toolResult} that answers it map to the same value without
 * any state; it keeps valid values unchanged and adds a hash to rewritten ones so that two originals differing only
 * in a replaced character stay distinct.
 *
 * <p>One instance per request remembers every rewrite, so names coming back in the answer are restored to what the
 * client declared ({@link #original(String)}). Ids in answers are minted by Bedrock and are already valid.
 */
public final class ToolNames {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern INVALID_CHAR = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final int PREFIX_LENGTH = 55;

    private final Map<String, String> originals = new HashMap<>();

    /** The Converse-safe form of {@code value}; {@code null} and empty values get a hash-only form. */
    public static String sanitize(String value) {
        String original = value == null ? "" : value;
        if (VALID.matcher(original).matches()) {
            return original;
        }
        String prefix = INVALID_CHAR.matcher(original).replaceAll("_");
        if (prefix.length() > PREFIX_LENGTH) {
            prefix = prefix.substring(0, PREFIX_LENGTH);
        }
        CRC32 crc = new CRC32();
        crc.update(original.getBytes(StandardCharsets.UTF_8));
        // 8 hex digits after a dash: at most 55 + 1 + 8 = 64 characters.
        return (prefix.isEmpty() ? "t" : prefix) + "-" + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * Sanitizes a tool name and remembers the original for the answer.
     *
     * @throws ProviderException when two different names of one request end up the same, which would make the
     *     answer ambiguous
     */
    public String name(String original) {
        String safe = sanitize(original);
        String known = originals.putIfAbsent(safe, original);
        if (known != null && !known.equals(original)) {
            throw new ProviderException(ErrorType.INVALID_REQUEST, 400, "Tool names '" + known + "' and '" + original
                    + "' cannot be told apart by Bedrock, which allows only [a-zA-Z0-9_-]{1,64}", "tools", null,
                    null, null);
        }
        return safe;
    }

    /** The name the client used for a name Bedrock returned; unknown names are returned unchanged. */
    public String original(String safe) {
        return originals.getOrDefault(safe, safe);
    }
}
