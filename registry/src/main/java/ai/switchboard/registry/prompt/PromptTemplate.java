package ai.switchboard.registry.prompt;

import ai.switchboard.registry.admin.FieldErrors;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One version of a prompt, compiled: a text template, or a list of chat messages each with a content template.
 * Immutable and thread-safe, so a snapshot compiles each version once and every request renders the same object.
 */
public final class PromptTemplate {

    /** The roles a template's messages may have. */
    public static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
    static final int MAX_CHARS = 65_536;
    static final int MAX_MESSAGES = 64;

    private final Template text;
    private final List<String> roles;
    private final List<Template> contents;

    private PromptTemplate(Template text, List<String> roles, List<Template> contents) {
        this.text = text;
        this.roles = roles;
        this.contents = contents;
    }

    /**
     * Checks and compiles a template as the admin API and the declarative file give it ({@code {"text": ...}} or
     * {@code {"messages": [{"role", "content"}]}}); reports problems under {@code field} and returns {@code null}.
     */
    public static PromptTemplate parse(FieldErrors errors, String field, JsonNode template) {
        if (template == null || !template.isObject()) {
            errors.add(field, "must be an object with either \"text\" or \"messages\"");
            return null;
        }
        Set<String> names = Set.copyOf(template.propertyNames());
        if (names.equals(Set.of("text"))) {
            Template compiled = content(errors, field + ".text", template.get("text"));
            return compiled == null ? null : new PromptTemplate(compiled, null, null);
        }
        if (!names.equals(Set.of("messages"))) {
            errors.add(field, "must have exactly one of \"text\" or \"messages\"");
            return null;
        }
        JsonNode messages = template.get("messages");
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            errors.add(field + ".messages", "must be a list of 1 to " + MAX_MESSAGES + " messages");
            return null;
        }
        List<String> roles = new ArrayList<>();
        List<Template> contents = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < messages.size(); i++) {
            String at = field + ".messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject() || !Set.copyOf(message.propertyNames()).equals(Set.of("role", "content"))) {
                errors.add(at, "must be an object with \"role\" and \"content\" only");
                ok = false;
                continue;
            }
            JsonNode role = message.get("role");
            if (!role.isString() || !ROLES.contains(role.asString())) {
                errors.add(at + ".role", "must be one of " + ROLES.stream().sorted().toList());
                ok = false;
            }
            Template content = content(errors, at + ".content", message.get("content"));
            ok &= content != null;
            roles.add(role.isString() ? role.asString() : null);
            contents.add(content);
        }
        return ok ? new PromptTemplate(null, List.copyOf(roles), List.copyOf(contents)) : null;
    }

    /** Compiles a stored template (checked when it was written); throws if it no longer compiles. */
    public static PromptTemplate stored(JsonNode template) {
        FieldErrors errors = new FieldErrors();
        PromptTemplate compiled = parse(errors, "template", template);
        if (compiled == null) {
            throw new IllegalStateException("stored prompt template does not compile");
        }
        return compiled;
    }

    private static Template content(FieldErrors errors, String field, JsonNode content) {
        if (content == null || !content.isString()) {
            errors.add(field, "must be text");
            return null;
        }
        FieldErrors own = new FieldErrors().lines(field, content.asString(), MAX_CHARS);
        if (!own.isEmpty()) {
            errors.addAll(own);
            return null;
        }
        List<String> problems = new ArrayList<>();
        Template compiled = TemplateSyntax.compile(content.asString(), problems);
        problems.forEach(problem -> errors.add(field, "is not a valid Mustache template: " + problem));
        return compiled;
    }

    /** Whether this is a text template (else a list of messages). */
    public boolean isText() {
        return text != null;
    }

    /**
     * Renders with {@code variables} (maps, lists, strings, numbers and booleans only).
     *
     * @throws PromptRenderException when a variable the template names is missing
     */
    public RenderedPrompt render(Map<String, ?> variables) {
        Map<String, ?> context = variables == null ? Map.of() : variables;
        if (text != null) {
            return new RenderedPrompt(execute(text, context, "text"), null);
        }
        List<RenderedPrompt.Message> messages = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            messages.add(new RenderedPrompt.Message(roles.get(i),
                    execute(contents.get(i), context, "messages[" + i + "].content")));
        }
        return new RenderedPrompt(null, messages);
    }

    private static String execute(Template template, Map<String, ?> context, String where) {
        try {
            return template.execute(new LinkedHashMap<>(context));
        } catch (MustacheException e) {
            throw new PromptRenderException(where + ": " + missing(e));
        } catch (UnsupportedOperationException e) {
            throw new PromptRenderException(where + ": partials are not supported");
        }
    }

    private static String missing(MustacheException e) {
        if (e instanceof MustacheException.Context context) {
            return "no variable '" + context.key + "' (line " + context.lineNo + ")";
        }
        return e.getMessage();
    }
}
