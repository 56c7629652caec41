package ai.switchboard.gateway.api.messages;

import static ai.switchboard.gateway.api.support.FieldRule.arrayOf;
import static ai.switchboard.gateway.api.support.FieldRule.bool;
import static ai.switchboard.gateway.api.support.FieldRule.nonEmptyString;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;

import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.JsonTypes;
import ai.switchboard.gateway.api.support.ParamErrors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's content blocks, checked by their {@code type}: the fields of each kind the gateway translates, and
 * which role may send it. Blocks of kinds Anthropic added for its own servers (server tool results, search results,
 * container uploads, beta kinds) only need a string {@code type}: an Anthropic upstream judges them, and they have no
 * meaning for other providers. Blocks may carry members the gateway does not know (a {@code cache_control}, say).
 */
final class MessagesBlockRules {

    static final String TEXT = "text";
    static final String IMAGE = "image";
    static final String DOCUMENT = "document";
    static final String SEARCH_RESULT = "search_result";
    static final String TOOL_USE = "tool_use";
    static final String TOOL_RESULT = "tool_result";
    static final String THINKING = "thinking";
    static final String REDACTED_THINKING = "redacted_thinking";

    static final FieldRule CACHE_CONTROL = object(Map.of("type", oneOf("ephemeral"), "ttl", oneOf("5m", "1h")),
            "type");

    static final FieldRule TEXT_BLOCK = object(Map.of("text", nonEmptyString(), "cache_control", CACHE_CONTROL,
            "citations", arrayOf(object(), Integer.MAX_VALUE)), "text");

    private static final FieldRule IMAGE_BLOCK = object(Map.of("source", sourceOf(Map.of(
            "base64", object(Map.of("media_type", oneOf("image/jpeg", "image/png", "image/gif", "image/webp"),
                    "data", nonEmptyString()), "media_type", "data"),
            "url", object(Map.of("url", nonEmptyString()), "url"),
            "file", object(Map.of("file_id", nonEmptyString()), "file_id"))),
            "cache_control", CACHE_CONTROL), "source");

    private static final FieldRule DOCUMENT_CONTENT = (value, param) -> {
        if (!value.isString()) {
            blocks(value, param, Set.of(TEXT, IMAGE), false);
        }
    };

    private static final FieldRule DOCUMENT_BLOCK = object(Map.of("source", sourceOf(Map.of(
            "base64", object(Map.of("media_type", oneOf("application/pdf"), "data", nonEmptyString()),
                    "media_type", "data"),
            "text", object(Map.of("media_type", oneOf("text/plain"), "data", string()), "media_type", "data"),
            "content", object(Map.of("content", DOCUMENT_CONTENT), "content"),
            "url", object(Map.of("url", nonEmptyString()), "url"),
            "file", object(Map.of("file_id", nonEmptyString()), "file_id"))),
            "title", string(), "context", string(), "citations", object(), "cache_control", CACHE_CONTROL), "source");

    private static final FieldRule SEARCH_RESULT_BLOCK = object(Map.of("source", string(), "title", string(),
            "content", (value, param) -> blocks(value, param, Set.of(TEXT), true)), "source", "title", "content");

    private static final FieldRule TOOL_RESULT_CONTENT = (value, param) -> {
        if (!value.isString()) {
            blocks(value, param, Set.of(TEXT, IMAGE, DOCUMENT, SEARCH_RESULT), false);
        }
    };

    private static final Map<String, FieldRule> BLOCKS = Map.of(
            TEXT, TEXT_BLOCK,
            IMAGE, IMAGE_BLOCK,
            DOCUMENT, DOCUMENT_BLOCK,
            SEARCH_RESULT, SEARCH_RESULT_BLOCK,
            TOOL_USE, object(Map.of("id", nonEmptyString(), "name", nonEmptyString(), "input", object(),
                    "cache_control", CACHE_CONTROL), "id", "name", "input"),
            TOOL_RESULT, object(Map.of("tool_use_id", nonEmptyString(), "content", TOOL_RESULT_CONTENT,
                    "is_error", bool(), "cache_control", CACHE_CONTROL), "tool_use_id"),
            THINKING, object(Map.of("thinking", string(), "signature", string()), "thinking", "signature"),
            REDACTED_THINKING, object(Map.of("data", string()), "data"));

    /** Kinds a role may not send: results of tools belong to the user, calls and thinking to the assistant. */
    private static final Map<String, Set<String>> REFUSED_BY_ROLE = Map.of(
            MessagesMessage.USER, Set.of(TOOL_USE, THINKING, REDACTED_THINKING),
            MessagesMessage.ASSISTANT, Set.of(TOOL_RESULT));

    private MessagesBlockRules() {
    }

    /** Checks the blocks of a message {@code content} array sent by {@code role}. */
    static void messageBlocks(JsonNode content, String param, String role) {
        Set<String> refused = REFUSED_BY_ROLE.get(role);
        for (int i = 0; i < content.size(); i++) {
            String blockParam = param + "[" + i + "]";
            String type = type(content.get(i), blockParam);
            if (refused.contains(type)) {
                throw ParamErrors.invalid(blockParam + ".type", "'" + type + "' blocks may not be sent in "
                        + role + " messages.");
            }
            FieldRule rule = BLOCKS.get(type);
            if (rule != null) {
                rule.check(content.get(i), blockParam);
            }
        }
    }

    /**
     * Checks an array of nested blocks (in a tool result, a document, a search result) whose kinds are
     * {@code allowed}; with {@code closed}, no other kind is accepted, otherwise other kinds pass as in messages.
     */
    static void blocks(JsonNode value, String param, Set<String> allowed, boolean closed) {
        if (!value.isArray()) {
            throw ParamErrors.type(param, "a string or an array of content blocks", value);
        }
        for (int i = 0; i < value.size(); i++) {
            String blockParam = param + "[" + i + "]";
            String type = type(value.get(i), blockParam);
            if (allowed.contains(type)) {
                BLOCKS.get(type).check(value.get(i), blockParam);
            }
            else if (closed || BLOCKS.containsKey(type)) {
                throw ParamErrors.notOneOf(blockParam + ".type", type, List.copyOf(allowed));
            }
        }
    }

    /** The block's {@code type}, which must be a string. */
    static String type(JsonNode block, String param) {
        if (!block.isObject()) {
            throw ParamErrors.type(param, JsonTypes.OBJECT, block);
        }
        JsonNode type = block.get("type");
        if (type == null || type.isNull()) {
            throw ParamErrors.missing(param + ".type");
        }
        nonEmptyString().check(type, param + ".type");
        return type.asString();
    }

    /** A {@code source} object whose {@code type} selects the rule of its other members. */
    private static FieldRule sourceOf(Map<String, FieldRule> byType) {
        List<String> types = byType.keySet().stream().sorted().toList();
        return (value, param) -> {
            object().check(value, param);
            JsonNode type = value.get("type");
            if (type == null || type.isNull()) {
                throw ParamErrors.missing(param + ".type");
            }
            string().check(type, param + ".type");
            FieldRule rule = byType.get(type.asString());
            if (rule == null) {
                throw ParamErrors.notOneOf(param + ".type", type.asString(), types);
            }
            rule.check(value, param);
        };
    }
}
