package ai.switchboard.tools.http;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.tools.Secret;
import ai.switchboard.tools.ToolConfigs;
import ai.switchboard.tools.invoke.ArgumentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What an admin writes for an {@code http} tool (snake_case JSON). Everything not listed is refused: no target
 * outside {@code targets}, no private address outside {@code allowed_cidrs}, no method outside {@code methods}.
 *
 * @param targets URL prefixes the model may call, e.g. {@code https://api.example.com/v1/} (required; host {@code *}
 *     allows any public host)
 * @param methods {@code GET} and/or {@code POST}; default {@code [GET]}
 * @param bodySchema JSON Schema of a POST body (JSON); default any JSON object; only with POST
 * @param headers headers sent with every request, visible in the configuration
 * @param secretHeaders headers holding credentials (e.g. {@code Authorization}): stored encrypted, never shown to the
 *     model or the admin API, redacted from responses, not sent after a redirect to another origin
 * @param secretQuery query parameters holding credentials (e.g. {@code api_key}), added to the first request only
 * @param allowedCidrs private or special address blocks the tool may reach (e.g. an internal CRM at
 *     {@code 10.20.0.0/16}); a cloud metadata address needs its own exact entry ({@code 169.254.169.254/32})
 * @param responseHeaders response headers the model sees; default {@code [content-type, location]}
 * @param timeoutMs time for the whole call, redirects included; default 10000, at most 120000
 * @param maxResponseBytes bytes of response body read before the rest is dropped; default 262144, at most 10 MiB
 * @param maxRedirects redirects followed, each checked like the first URL; default 3, 0 returns the redirect itself
 * @param maxConnections connections the tool may hold open; default 4
 */
public record HttpToolConfig(List<HttpTarget> targets, List<String> methods, JsonNode bodySchema,
        Map<String, String> headers, Map<String, Secret> secretHeaders, Map<String, Secret> secretQuery,
        List<Cidr> allowedCidrs, List<String> responseHeaders, Integer timeoutMs, Integer maxResponseBytes,
        Integer maxRedirects, Integer maxConnections) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

    /** Headers the client owns: letting configuration set them would allow request smuggling or a second target. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "upgrade", "te", "trailer", "keep-alive", "expect", "content-type", "proxy-authorization",
            "proxy-connection");

    public HttpToolConfig {
        FieldErrors errors = new FieldErrors();
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.isEmpty() || targets.size() > 100) {
            errors.add("config.targets", "must list 1 to 100 URL prefixes");
        }
        methods = methods(methods, errors);
        bodySchema = bodySchema(bodySchema, methods.contains("POST"), errors);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        secretHeaders = secretHeaders == null ? Map.of() : Map.copyOf(secretHeaders);
        secretQuery = secretQuery == null ? Map.of() : Map.copyOf(secretQuery);
        headers.forEach((name, value) -> header("config.headers." + name, name, value, errors));
        secretHeaders.forEach((name, value) -> header("config.secret_headers." + name, name, value.value(), errors));
        secretQuery.keySet().stream().filter(String::isBlank)
                .forEach(name -> errors.add("config.secret_query", "must not have a blank parameter name"));
        for (String name : headers.keySet()) {
            if (secretHeaders.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                errors.add("config.headers." + name, "is also a secret header");
            }
        }
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        responseHeaders = responseHeaders(responseHeaders, errors);
        timeoutMs = ToolConfigs.intInRange("config.timeout_ms", timeoutMs, 10_000, 1, 120_000, errors);
        maxResponseBytes = ToolConfigs.intInRange("config.max_response_bytes", maxResponseBytes, 262_144, 1, 10 << 20, errors);
        maxRedirects = ToolConfigs.intInRange("config.max_redirects", maxRedirects, 3, 0, 10, errors);
        maxConnections = ToolConfigs.intInRange("config.max_connections", maxConnections, 4, 1, 64, errors);
        errors.throwIfAny();
    }

    /** Every secret value, for redaction. */
    List<String> secretValues() {
        List<String> values = new ArrayList<>();
        secretHeaders.values().forEach(secret -> values.add(secret.value()));
        secretQuery.values().forEach(secret -> values.add(secret.value()));
        return values;
    }

    private static List<String> methods(List<String> methods, FieldErrors errors) {
        if (methods == null) {
            return List.of("GET");
        }
        List<String> normalised = methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).distinct().toList();
        if (normalised.isEmpty() || !Set.of("GET", "POST").containsAll(normalised)) {
            errors.add("config.methods", "must list GET and/or POST");
        }
        return normalised;
    }

    private static JsonNode bodySchema(JsonNode schema, boolean post, FieldErrors errors) {
        if (schema == null || schema.isNull()) {
            return post ? WireJson.mapper().createObjectNode().put("type", "object")
                    : null;
        }
        if (!post) {
            errors.add("config.body_schema", "is only used when methods include POST");
        } else if (!schema.isObject()) {
            errors.add("config.body_schema", "must be a JSON Schema object");
        } else {
            try {
                ArgumentSchema.compile(schema);
            } catch (IllegalArgumentException e) {
                errors.add("config.body_schema", "is not a usable JSON Schema");
            }
        }
        return schema;
    }

    private static void header(String field, String name, String value, FieldErrors errors) {
        if (!TOKEN.matcher(name).matches()) {
            errors.add(field, "is not a valid header name");
        } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                || name.toLowerCase(Locale.ROOT).startsWith("proxy-")) {
            errors.add(field, "is set by the gateway and cannot be configured");
        }
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            errors.add(field, "must be a single-line value");
        }
    }

    private static List<String> responseHeaders(List<String> names, FieldErrors errors) {
        if (names == null) {
            return List.of("content-type", "location");
        }
        List<String> lower = new ArrayList<>();
        for (String name : names) {
            if (name == null || !TOKEN.matcher(name).matches()) {
                errors.add("config.response_headers", "must list valid header names");
            } else {
                lower.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return lower.stream().distinct().toList();
    }
}
