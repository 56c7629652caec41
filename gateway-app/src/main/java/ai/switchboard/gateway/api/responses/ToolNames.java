package ai.switchboard.gateway.api.responses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The names of functions grouped in {@code namespace} tools, flattened for providers that only know a flat list of
 * functions, and mapped back when the model calls one. A flat name is {@code <namespace>__<name>}; names longer than
 * the 64 characters every provider accepts are shortened with a hash, so the mapping stays unique and the same on
 * every turn (a call carried back in {@code input} flattens to the name the model saw).
 */
public final class ToolNames {

    static final String SEPARATOR = "__";
    private static final int MAX_LENGTH = 64;
    private static final int HASH_LENGTH = 8;

    private final Map<String, Qualified> byFlatName = new HashMap<>();
    /** Short names of namespaced functions to their flat names; {@code ""} when two namespaces share one. */
    private final Map<String, String> byShortName = new HashMap<>();

    /** A function's name and the namespace it belongs to ({@code null} for a top-level function). */
    public record Qualified(String namespace, String name) {
    }

    /** The flat name of {@code name} in {@code namespace}; a top-level function keeps its name. */
    public static String flatten(String namespace, String name) {
        if (namespace == null) {
            return name;
        }
        String flat = namespace + SEPARATOR + name;
        if (flat.length() <= MAX_LENGTH) {
            return flat;
        }
        String hash = hash(flat);
        return flat.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "_" + hash;
    }

    /** Records a namespaced function and returns its flat name. */
    String register(String namespace, String name) {
        String flat = flatten(namespace, name);
        byFlatName.put(flat, new Qualified(namespace, name));
        byShortName.merge(name, flat, (one, other) -> one.equals(other) ? one : "");
        return flat;
    }

    /**
     * The flat name a {@code tool_choice} means by {@code name}: a flat name as it is, or the short name of exactly
     * one namespaced function (OpenAI's named choice carries no namespace); anything else unchanged.
     */
    String forChoice(String name) {
        if (byFlatName.containsKey(name)) {
            return name;
        }
        String flat = byShortName.get(name);
        return flat == null || flat.isEmpty() ? name : flat;
    }

    /** The function a model's call names: the namespaced one it was flattened from, else itself at top level. */
    public Qualified qualify(String flatName) {
        Qualified qualified = byFlatName.get(flatName);
        return qualified != null ? qualified : new Qualified(null, flatName);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
