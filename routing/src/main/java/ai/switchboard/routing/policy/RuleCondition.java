package ai.switchboard.routing.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code when} of a router rule. Every condition given must hold; an empty condition always matches.
 *
 * @param tagsAny at least one of these {@code x-switchboard-tags} values is present
 * @param metadata each key of the request's {@code metadata} has this value
 * @param keys the calling key's name is one of these
 * @param regex matches somewhere in the last user message (case-insensitive)
 * @param keywords at least one appears in the last user message (case-insensitive substring)
 * @param minTokens the estimated prompt has at least this many tokens
 * @param maxTokens the estimated prompt has at most this many tokens
 * @param hasTools the request does (true) or does not (false) declare tools
 * @param hasImages the request does or does not contain image input
 * @param responseFormat the request's {@code response_format.type}, or {@code any} for any JSON format
 */
public record RuleCondition(List<String> tagsAny, Map<String, String> metadata, List<String> keys, Pattern regex,
        List<String> keywords, Integer minTokens, Integer maxTokens, Boolean hasTools, Boolean hasImages,
        String responseFormat) {

    static RuleCondition from(JsonNode when, String path, ConfigReader reader) {
        if (when == null || when.isMissingNode() || when.isNull()) {
            return new RuleCondition(List.of(), Map.of(), List.of(), null, List.of(), null, null, null, null, null);
        }
        if (!when.isObject()) {
            reader.error(path, "must be an object");
        }
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        JsonNode meta = when.path("metadata");
        if (meta.isObject()) {
            meta.properties().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().asString()));
        } else if (!meta.isMissingNode()) {
            reader.error(path + ".metadata", "must be an object of strings");
        }
        List<String> keywords = reader.strings(when.get("keywords"), path + ".keywords").stream()
                .map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();
        for (String field : iterable(when)) {
            if (!List.of("tags_any", "metadata", "keys", "regex", "keywords", "min_tokens", "max_tokens", "has_tools",
                    "has_images", "response_format").contains(field)) {
                reader.error(path + "." + field, "unknown condition");
            }
        }
        return new RuleCondition(reader.strings(when.get("tags_any"), path + ".tags_any"), Map.copyOf(metadata),
                reader.strings(when.get("keys"), path + ".keys"), reader.regex(when.get("regex"), path + ".regex"),
                keywords, reader.integer(when.get("min_tokens"), path + ".min_tokens", 0),
                reader.integer(when.get("max_tokens"), path + ".max_tokens", 0),
                reader.bool(when.get("has_tools"), path + ".has_tools"),
                reader.bool(when.get("has_images"), path + ".has_images"),
                reader.optionalString(when.get("response_format"), path + ".response_format"));
    }

    public boolean matches(RoutingRequest request) {
        if (!tagsAny.isEmpty() && tagsAny.stream().noneMatch(request.tags()::contains)) {
            return false;
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (!entry.getValue().equals(request.metadata().get(entry.getKey()))) {
                return false;
            }
        }
        if (!keys.isEmpty() && !keys.contains(request.keyName())) {
            return false;
        }
        if (hasTools != null && hasTools != request.hasTools()) {
            return false;
        }
        if (hasImages != null && hasImages != request.hasImages()) {
            return false;
        }
        if (responseFormat != null && !formatMatches(request.responseFormat())) {
            return false;
        }
        // Token counting and text scans cost the most, so they run last and only when everything else held.
        if ((minTokens != null && request.promptTokens() < minTokens)
                || (maxTokens != null && request.promptTokens() > maxTokens)) {
            return false;
        }
        if (regex != null && !regex.matcher(request.lastUserText()).find()) {
            return false;
        }
        if (!keywords.isEmpty()) {
            String text = request.lastUserText().toLowerCase(Locale.ROOT);
            return keywords.stream().anyMatch(text::contains);
        }
        return true;
    }

    private boolean formatMatches(String requested) {
        if ("any".equals(responseFormat)) {
            return "json_object".equals(requested) || "json_schema".equals(requested);
        }
        return responseFormat.equals(requested);
    }

    private static Iterable<String> iterable(JsonNode node) {
        return node.isObject() ? node.propertyNames() : List.of();
    }
}
