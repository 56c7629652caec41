package ai.switchboard.tools.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names under which an upstream server's tools are offered to models: {@code <server>__<tool>}. MCP allows tool names
 * of up to 128 characters including {@code .}; models accept {@code [a-zA-Z0-9_-]{1,64}} ({@link
 * ai.switchboard.tools.ToolSpec}'s rule). A name that does not fit is renamed deterministically: every other character
 * becomes {@code _}, the result is shortened to fit, and {@code _} plus the first 8 hex digits of the SHA-256 of the
 * original name is appended, so two tools that differ only in a replaced character still get different names. The
 * gateway keeps the map back to the original name; the model never sees it.
 */
public final class McpToolNames {

    /** ToolSpec's rule, shared by OpenAI, Anthropic and Bedrock. */
    static final Pattern MODEL_TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern OUTSIDE_RULE = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final String SEPARATOR = "__";
    private static final int MAX_LENGTH = 64;
    private static final int HASH_HEX_DIGITS = 8;

    private McpToolNames() {
    }

    /** The name a model calls {@code tool} of {@code server} by. */
    public static String exposedName(String server, String tool) {
        String verbatim = server + SEPARATOR + tool;
        if (MODEL_TOOL_NAME.matcher(verbatim).matches()) {
            return verbatim;
        }
        String suffix = "_" + hash(tool);
        int room = MAX_LENGTH - server.length() - SEPARATOR.length() - suffix.length();
        String cleaned = OUTSIDE_RULE.matcher(tool).replaceAll("_");
        return server + SEPARATOR + cleaned.substring(0, Math.min(room, cleaned.length())) + suffix;
    }

    /** Whether {@code tool} keeps its own name behind the server's prefix. */
    public static boolean isVerbatim(String server, String tool) {
        return exposedName(server, tool).equals(server + SEPARATOR + tool);
    }

    private static String hash(String tool) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tool.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
