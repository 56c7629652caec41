package ai.switchboard.registry.agent;

import ai.switchboard.registry.PromptReference;
import ai.switchboard.registry.admin.FieldErrors;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** What an agent's own fields must be, before the models, routes and tools it names are looked up. */
final class AgentRules {

    static final int DEFAULT_MAX_STEPS = 10;
    static final int MAX_STEPS = 100;
    static final int DEFAULT_TIMEOUT_SECONDS = 300;
    static final int MAX_TIMEOUT_SECONDS = 3600;
    static final int MAX_DESCRIPTION = 512;
    static final int MAX_INSTRUCTIONS = 65_536;
    /** OpenAI takes at most 128 tools in a request; an agent that needs more needs splitting. */
    static final int MAX_TOOLS = 128;
    static final int MAX_RESPONSE_FORMAT_CHARS = 65_536;
    static final BigDecimal MAX_COST_USD = new BigDecimal("1000000");
    /** The column's scale. */
    static final int COST_SCALE = 9;

    /**
     * Narrower than other registry names: an agent's name follows {@code agent:} in a model name, and names a path
     * segment of the run API, so it has neither {@code :} nor {@code /}.
     */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9._-]{1,64}");

    private AgentRules() {
    }

    static void check(FieldErrors errors, AgentCommand command) {
        if (command.name() != null && !NAME.matcher(command.name()).matches()) {
            errors.add("name", "must be 1 to 128 characters of letters, digits and . _ - (it follows 'agent:' in "
                    + "a model name)");
        } else {
            errors.name("name", command.name());
        }
        errors.text("description", command.description(), MAX_DESCRIPTION)
                .name("model", command.model())
                .range("max_steps", command.maxSteps(), 1, MAX_STEPS)
                .range("timeout_seconds", command.timeoutSeconds(), 1, MAX_TIMEOUT_SECONDS)
                .maxItems("tools", command.tools(), MAX_TOOLS);
        BigDecimal cost = command.maxCostUsd();
        if (cost != null && (cost.signum() <= 0 || cost.compareTo(MAX_COST_USD) > 0)) {
            errors.add("max_cost_usd", "must be more than 0 and at most " + MAX_COST_USD.toPlainString());
        } else if (cost != null && cost.stripTrailingZeros().scale() > COST_SCALE) {
            errors.add("max_cost_usd", "must have at most " + COST_SCALE + " decimal places");
        }
        List<String> tools = command.tools();
        for (int i = 0; tools != null && i < tools.size() && i < MAX_TOOLS; i++) {
            if (tools.get(i) == null || tools.get(i).isEmpty()) {
                errors.add("tools[" + i + "]", "must be a tool name");
            }
        }
    }

    /**
     * The instructions: inline text a model reads, or a reference to a prompt template,
     * {@code {"prompt": name, "label": ...}} or {@code {"prompt": name, "version": n}} (neither means the
     * {@code production} label). Whether the prompt and its label or version exist is the service's to check.
     */
    static Instructions instructions(FieldErrors errors, JsonNode instructions) {
        if (instructions == null) {
            return null;
        }
        if (instructions.isObject()) {
            return reference(errors, instructions);
        }
        if (!instructions.isString()) {
            errors.add("instructions", "must be text or {\"prompt\": name, \"label\" or \"version\": ...}");
            return null;
        }
        errors.lines("instructions", instructions.asString(), MAX_INSTRUCTIONS);
        return new Instructions(instructions.asString(), null);
    }

    private static Instructions reference(FieldErrors errors, JsonNode node) {
        Set<String> fields = Set.copyOf(node.propertyNames());
        if (!Set.of("prompt", "label", "version").containsAll(fields) || !fields.contains("prompt")
                || fields.containsAll(Set.of("label", "version"))) {
            errors.add("instructions", "a prompt reference is {\"prompt\": name} with \"label\" or \"version\" "
                    + "(not both)");
            return null;
        }
        JsonNode prompt = node.get("prompt");
        JsonNode label = node.get("label");
        JsonNode version = node.get("version");
        if (!prompt.isString() || prompt.asString().isEmpty() || prompt.asString().length() > 128) {
            errors.add("instructions.prompt", "must be a prompt name");
        } else if (label != null && (!label.isString() || !LABEL.matcher(label.asString()).matches())) {
            errors.add("instructions.label", "must be a label of 1 to 64 letters, digits and . _ -");
        } else if (version != null && (!version.isInt() || version.asInt() < 1)) {
            errors.add("instructions.version", "must be a version number (1 or more)");
        } else {
            return new Instructions(null, new PromptReference(prompt.asString(),
                    label == null ? null : label.asString(), version == null ? null : version.asInt()));
        }
        return null;
    }

    /** Inline text, or a prompt reference: exactly one is set. */
    record Instructions(String text, PromptReference prompt) {
    }

    /** A cost as the admin API, the audit trail and the file show it: no trailing zeros, never in E notation. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
