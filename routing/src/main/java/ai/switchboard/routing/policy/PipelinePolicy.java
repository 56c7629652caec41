package ai.switchboard.routing.policy;

import ai.switchboard.observability.usage.PromptUsage;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.registry.PromptConfig;
import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.prompt.PromptRenderException;
import ai.switchboard.registry.prompt.PromptTemplate;
import ai.switchboard.registry.prompt.RenderedPrompt;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code pipeline}: ordered steps, each a model or route whose messages come from a prompt template that may use
 * the client's input ({@code {{input}}}: the last user message; {@code {{messages}}}: every message's role and
 * text) and every earlier step's answer ({@code {{steps.<name>.output}}}). Every step but the last is called for a
 * complete answer, and its tokens and cost count as the request's extra usage; the last is planned as an ordinary
 * target with the rendered messages, so a streaming client gets it streamed live. A failed step fails the request,
 * naming the step.
 *
 * <p>Config: {@code {"steps": [{"name": "extract", "target": "small", "prompt": {"prompt": "extract-facts",
 * "label": "production"}}, {"name": "write", "target": "large", "template": {"messages": [...]}}]}}.
 */
public final class PipelinePolicy implements ConfiguredPolicy {

    public static final String NAME = "pipeline";

    static final Set<String> CONFIG_KEYS = Set.of("steps");
    static final int MAX_STEPS = 10;

    private static final Set<String> STEP_KEYS = Set.of("name", "target", "prompt", "template");
    private static final Pattern STEP_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9._-]{1,64}");

    private final List<PipelineStep> steps;

    PipelinePolicy(List<PipelineStep> steps) {
        this.steps = List.copyOf(steps);
    }

    static PipelinePolicy from(JsonNode config, ConfigReader reader) {
        JsonNode list = config.get("steps");
        List<PipelineStep> steps = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_STEPS) {
            reader.error("steps", "must be a list of 1 to " + MAX_STEPS + " steps");
            return new PipelinePolicy(steps);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            PipelineStep step = step(list.get(i), "steps[" + i + "]", reader);
            if (step != null && !names.add(step.name())) {
                reader.error("steps[" + i + "].name", "'" + step.name() + "' names an earlier step too");
            } else if (step != null) {
                steps.add(step);
            }
        }
        return new PipelinePolicy(steps);
    }

    private static PipelineStep step(JsonNode node, String path, ConfigReader reader) {
        if (node == null || !node.isObject()) {
            reader.error(path, "must be an object with name, target and prompt or template");
            return null;
        }
        for (String key : node.propertyNames()) {
            if (!STEP_KEYS.contains(key)) {
                reader.error(path + "." + key, "is not a step field (" + STEP_KEYS.stream().sorted().toList() + ")");
            }
        }
        JsonNode nameNode = node.get("name");
        String name = nameNode != null && nameNode.isString() && STEP_NAME.matcher(nameNode.asString()).matches()
                ? nameNode.asString() : null;
        if (name == null) {
            reader.error(path + ".name", "must be 1 to 64 letters, digits, _ and - (templates read "
                    + "{{steps.<name>.output}})");
        }
        String target = reader.name(node.get("target"), path + ".target");
        if (node.has("prompt") && node.has("template")) {
            reader.error(path, "has a prompt or a template, not both");
            return null;
        }
        PromptReference prompt = node.has("prompt") ? reference(node.get("prompt"), path + ".prompt", reader) : null;
        PromptTemplate template = node.has("template")
                ? PromptTemplate.parse(reader.errors(), "config." + path + ".template", node.get("template")) : null;
        boolean broken = (node.has("prompt") && prompt == null) || (node.has("template") && template == null);
        return name == null || target == null || broken ? null : new PipelineStep(name, target, prompt, template);
    }

    private static PromptReference reference(JsonNode node, String path, ConfigReader reader) {
        if (node == null || !node.isObject() || !node.path("prompt").isString() || node.has("label")
                && node.has("version") || !Set.of("prompt", "label", "version").containsAll(
                        Set.copyOf(node.propertyNames()))) {
            reader.error(path, "must be {\"prompt\": name} with \"label\" or \"version\" (not both)");
            return null;
        }
        JsonNode label = node.get("label");
        JsonNode version = node.get("version");
        if (label != null && (!label.isString() || !LABEL.matcher(label.asString()).matches())) {
            reader.error(path + ".label", "must be a label of 1 to 64 letters, digits and . _ -");
            return null;
        }
        if (version != null && (!version.isInt() || version.asInt() < 1)) {
            reader.error(path + ".version", "must be a version number (1 or more)");
            return null;
        }
        return new PromptReference(node.get("prompt").asString(), label == null ? null : label.asString(),
                version == null ? null : version.asInt());
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("input", request.lastUserText());
        variables.put("messages", request.chat().messages().stream().map(m -> Map.of("role", m.role(),
                "content", m.text() == null ? "" : m.text())).toList());
        variables.put("steps", new LinkedHashMap<String, Object>());
        return step(request, 0, variables);
    }

    @SuppressWarnings("unchecked")
    private Mono<RoutePlan> step(RoutingRequest request, int index, Map<String, Object> variables) {
        PipelineStep step = steps.get(index);
        boolean last = index == steps.size() - 1;
        ChatRequest body;
        try {
            body = request(request, step, variables, last);
        } catch (ProviderException e) {
            return Mono.error(new RoutingFailedException(request.trace().attempts(), e));
        }
        if (last) {
            request.trace().decide("pipeline: last step '" + step.name() + "' on '" + step.target() + "'");
            return Mono.just(new RoutePlan.Rewritten(List.of(step.target()), body));
        }
        return request.invoker().call(step.target(), NonStreaming.of(body))
                .onErrorMap(RoutingFailedException.class, failed -> new RoutingFailedException(failed.attempts(),
                        named(step, failed.decisive())))
                .flatMap(answer -> {
                    request.trace().extraUsage(answer.deployment(), answer.response().usage());
                    request.trace().decide("pipeline: step '" + step.name() + "' answered");
                    ((Map<String, Object>) variables.get("steps")).put(step.name(), Map.of("output", answer.text()));
                    return step(request, index + 1, variables);
                });
    }

    /** The step's request: the client's, with the step's messages (and, before the last, no tools or format). */
    private static ChatRequest request(RoutingRequest request, PipelineStep step, Map<String, Object> variables,
            boolean last) {
        ChatRequest client = request.chat();
        List<ChatMessage> messages = client.messages();
        PromptTemplate template = step.template();
        if (step.prompt() != null) {
            PromptConfig prompt = request.prompt(step.prompt().prompt());
            Integer version = prompt == null ? null : prompt.resolve(step.prompt());
            if (version == null) {
                throw named(step, new ProviderException(ErrorType.UPSTREAM_UNAVAILABLE, 503, "prompt "
                        + step.prompt() + " is not available on this replica", "model", "prompt_unavailable", null,
                        null));
            }
            template = prompt.versions().get(version);
            if (last) {
                request.trace().prompt(new PromptUsage(prompt.name(), version));
            }
        }
        if (template != null) {
            try {
                messages = messages(template.render(variables));
            } catch (PromptRenderException e) {
                throw named(step, new ProviderException(ErrorType.INVALID_REQUEST, 400, e.getMessage(), "messages",
                        "prompt_render_failed", null, null));
            }
        }
        return new ChatRequest(client.model(), messages, last ? client.stream() : null,
                last ? client.streamOptions() : null, last ? client.tools() : null, last ? client.toolChoice() : null,
                last ? client.parallelToolCalls() : null, last ? client.responseFormat() : null, client.n(),
                client.stop(), client.seed(), client.logprobs(), client.topLogprobs(), client.maxTokens(),
                client.maxCompletionTokens(), client.temperature(), client.topP(), client.presencePenalty(),
                client.frequencyPenalty(), client.user(), client.extra());
    }

    private static List<ChatMessage> messages(RenderedPrompt rendered) {
        if (rendered.text() != null) {
            return List.of(message("user", rendered.text()));
        }
        return rendered.messages().stream().map(m -> message(m.role(), m.content())).toList();
    }

    private static ChatMessage message(String role, String text) {
        return new ChatMessage(role, JsonNodeFactory.instance.stringNode(text), null, null, null, null, null);
    }

    /** The same failure, its message saying which step failed. */
    private static ProviderException named(PipelineStep step, ProviderException cause) {
        return new ProviderException(cause.type(), cause.status(), "pipeline step '" + step.name() + "' ("
                + step.target() + ") failed: " + cause.getMessage(), cause.param(), cause.code(), cause.retryAfter(),
                cause.upstreamStatus());
    }

    @Override
    public Set<String> targets() {
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(step -> names.add(step.target()));
        return names;
    }

    /** The prompt templates the steps name, so a prompt in use is not deleted. */
    public Set<PromptReference> prompts() {
        Set<PromptReference> references = new LinkedHashSet<>();
        steps.stream().filter(step -> step.prompt() != null).forEach(step -> references.add(step.prompt()));
        return references;
    }
}
