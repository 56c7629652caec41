package ai.switchboard.tools.invoke;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Runs one tool for a model: parses and validates the model's argument text against the tool's schema (the tool
 * never sees arguments that fail it), caps the call's time, and turns every outcome, including a bug in the tool,
 * into a {@link ToolResult} the model can read. The returned {@code Mono} never errors; cancelling it cancels the
 * tool's work. One invoker per tool instance: the schema is compiled once, here.
 */
public final class ToolInvoker {

    private static final Logger log = LoggerFactory.getLogger(ToolInvoker.class);
    private static final int MAX_REPORTED_PROBLEMS = 5;

    private final Tool tool;
    private final String name;
    private final ArgumentSchema schema;
    private final InvocationLimits limits;

    private ToolInvoker(Tool tool, InvocationLimits limits) {
        this.tool = tool;
        this.name = tool.spec().name();
        this.schema = ArgumentSchema.compile(tool.spec().parameters());
        this.limits = limits;
    }

    /** Throws {@link IllegalArgumentException} if the tool's parameter schema cannot be used. */
    public static ToolInvoker of(Tool tool, InvocationLimits limits) {
        return new ToolInvoker(Objects.requireNonNull(tool, "tool"), Objects.requireNonNull(limits, "limits"));
    }

    public Tool tool() {
        return tool;
    }

    /**
     * Calls the tool with the model's argument text (the {@code function.arguments} string of a tool call; blank
     * means no arguments) within {@code timeout}, or the limits' timeout if that is shorter.
     */
    public Mono<ToolResult> invoke(String arguments, Duration timeout) {
        JsonNode parsed;
        try {
            parsed = parse(arguments);
        } catch (ToolException invalid) {
            return Mono.just(ToolResult.failed(name, invalid.error(), invalid.getMessage()));
        }
        Duration limit = timeout.compareTo(limits.timeout()) < 0 ? timeout : limits.timeout();
        return Mono.defer(() -> tool.call(parsed))
                .timeout(limit)
                .map(data -> ToolResult.ok(name, data, limits.maxOutputChars()))
                .switchIfEmpty(Mono.fromSupplier(
                        () -> ToolResult.ok(name, JsonNodeFactory.instance.nullNode(), limits.maxOutputChars())))
                .onErrorResume(failure -> Mono.just(failure(failure, limit)));
    }

    private JsonNode parse(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            arguments = "{}";
        }
        if (arguments.length() > limits.maxArgumentChars()) {
            throw invalid("the arguments are longer than " + limits.maxArgumentChars() + " characters");
        }
        JsonNode parsed;
        try {
            parsed = WireJson.mapper().readTree(arguments);
        } catch (JacksonException e) {
            throw invalid("the arguments are not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (parsed == null || !parsed.isObject()) {
            throw invalid("the arguments must be a JSON object");
        }
        List<String> problems = schema.problems(parsed, MAX_REPORTED_PROBLEMS);
        if (!problems.isEmpty()) {
            throw invalid("the arguments do not match the tool's schema: " + String.join("; ", problems));
        }
        return parsed;
    }

    private ToolResult failure(Throwable failure, Duration limit) {
        if (failure instanceof ToolException known) {
            return ToolResult.failed(name, known.error(), known.getMessage());
        }
        if (failure instanceof TimeoutException) {
            return ToolResult.failed(name, ToolError.TIMEOUT, "the tool did not finish within " + limit.toMillis()
                    + " ms and was stopped");
        }
        // The message of an unexpected error may hold anything (a URL with a key, a host name): not for the model.
        log.warn("Tool {} failed unexpectedly: {}", name, failure.getClass().getName());
        log.debug("Tool {} failure", name, failure);
        return ToolResult.failed(name, ToolError.FAILED, "the tool failed; the details are in the gateway's log");
    }

    private static ToolException invalid(String message) {
        return new ToolException(ToolError.INVALID_ARGUMENTS, message);
    }
}
