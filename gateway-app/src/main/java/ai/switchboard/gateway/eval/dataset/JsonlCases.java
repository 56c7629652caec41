package ai.switchboard.gateway.eval.dataset;

import ai.switchboard.gateway.eval.grade.Grader;
import ai.switchboard.gateway.eval.grade.Graders;
import ai.switchboard.gateway.eval.grade.LocalGrader;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.StrictBinding;
import ai.switchboard.registry.prompt.PromptRenderException;
import ai.switchboard.registry.prompt.PromptTemplate;
import ai.switchboard.registry.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSONL import: one case per non-blank line, {@code {"messages": [...]}} or {@code {"variables": {...}}}
 * (rendered with the dataset's template), with an optional {@code expected}, {@code grader} and {@code label}. Every
 * line is checked before anything is stored, and problems name the line ({@code lines[3].expected}), so a file with a
 * bad line is refused whole and can be fixed and sent again.
 */
public final class JsonlCases {

    public static final int MAX_CASES = 10_000;
    static final int MAX_MESSAGES = 64;
    static final int MAX_LABEL = 128;
    private static final int MAX_ERRORS = 50;
    private static final Set<String> FIELDS = Set.of("messages", "variables", "expected", "grader", "label");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
    private static final JsonMapper STRICT = StrictBinding.configure(JsonMapper.builder()).build();

    private JsonlCases() {
    }

    /**
     * The cases of {@code jsonl}, numbered from {@code firstSeq}; throws the problems of every bad line.
     *
     * @param template the dataset's compiled template, or {@code null}
     * @param defaultGrader the dataset's grader, which a case without its own must suit
     */
    public static List<DatasetCase> parse(String jsonl, int firstSeq, PromptTemplate template, Grader defaultGrader,
            Predicate<String> knownTarget) {
        FieldErrors errors = new FieldErrors();
        List<DatasetCase> cases = new ArrayList<>();
        String[] lines = jsonl == null ? new String[0] : jsonl.split("\r?\n", -1);
        int bad = 0;
        for (int i = 0; i < lines.length && bad < MAX_ERRORS; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            FieldErrors own = new FieldErrors();
            DatasetCase parsed = line(own, "lines[" + (i + 1) + "]", lines[i], firstSeq + cases.size(), template,
                    defaultGrader, knownTarget);
            if (own.isEmpty()) {
                cases.add(parsed);
            } else {
                errors.addAll(own);
                bad++;
            }
        }
        if (errors.isEmpty() && cases.isEmpty()) {
            errors.add("body", "must hold at least one case, one JSON object per line");
        }
        if (cases.size() + firstSeq - 1 > MAX_CASES) {
            errors.add("body", "a dataset holds at most " + MAX_CASES + " cases");
        }
        errors.throwIfAny();
        return cases;
    }

    private static DatasetCase line(FieldErrors errors, String at, String line, int seq, PromptTemplate template,
            Grader defaultGrader, Predicate<String> knownTarget) {
        JsonNode node;
        try {
            node = STRICT.readTree(line);
        } catch (JacksonException e) {
            errors.add(at, "is not a JSON object");
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            errors.add(at, "is not a JSON object");
            return null;
        }
        for (String field : object.propertyNames()) {
            if (!FIELDS.contains(field)) {
                errors.add(at + "." + field, "is not a case field (fields: " + FIELDS.stream().sorted().toList() + ")");
            }
        }
        String label = label(errors, at + ".label", object.get("label"));
        ObjectNode input = input(errors, at, object, template);
        JsonNode expected = object.get("expected");
        JsonNode graderSpec = object.get("grader");
        Grader grader = graderSpec == null ? defaultGrader
                : Graders.parse(errors, at + ".grader", graderSpec, knownTarget);
        if (grader instanceof LocalGrader local) {
            local.checkExpected(errors, at + ".expected", expected);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new DatasetCase(seq, label, input, expected, graderSpec == null ? null : grader.spec());
    }

    private static String label(FieldErrors errors, String at, JsonNode label) {
        if (label == null) {
            return null;
        }
        if (!label.isString() || label.asString().isBlank() || label.asString().length() > MAX_LABEL) {
            errors.add(at, "must be a text of 1 to " + MAX_LABEL + " characters");
            return null;
        }
        return label.asString();
    }

    private static ObjectNode input(FieldErrors errors, String at, ObjectNode line, PromptTemplate template) {
        JsonNode messages = line.get("messages");
        JsonNode variables = line.get("variables");
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if ((messages == null) == (variables == null)) {
            errors.add(at, "must have exactly one of \"messages\" or \"variables\"");
            return null;
        }
        if (messages != null) {
            input.set("messages", messages(errors, at + ".messages", messages));
            return input;
        }
        if (template == null) {
            errors.add(at + ".variables", "the dataset has no template to render them with");
            return null;
        }
        if (!variables.isObject()) {
            errors.add(at + ".variables", "must be a JSON object");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JsonMapper.shared().convertValue(variables, Map.class);
        RenderedPrompt rendered;
        try {
            rendered = template.render(values);
        } catch (PromptRenderException e) {
            errors.add(at + ".variables", e.getMessage());
            return null;
        }
        ArrayNode sent = input.putArray("messages");
        if (rendered.text() != null) {
            sent.addObject().put("role", "user").put("content", rendered.text());
        } else {
            rendered.messages().forEach(m -> sent.addObject().put("role", m.role()).put("content", m.content()));
        }
        input.set("variables", variables);
        return input;
    }

    private static JsonNode messages(FieldErrors errors, String at, JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            errors.add(at, "must be a list of 1 to " + MAX_MESSAGES + " messages");
            return null;
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject() || !Set.copyOf(message.propertyNames()).equals(Set.of("role", "content"))
                    || !message.get("role").isString() || !ROLES.contains(message.get("role").asString())
                    || !message.get("content").isString()) {
                errors.add(at + "[" + i + "]", "must be {\"role\", \"content\"} with a role of "
                        + ROLES.stream().sorted().toList() + " and a text content");
            }
        }
        return messages;
    }
}
