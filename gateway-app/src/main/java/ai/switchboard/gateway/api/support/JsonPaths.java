package ai.switchboard.gateway.api.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;

/** Turns a position in a JSON body into the parameter name OpenAI would report, e.g. {@code messages[0].role}. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Where binding failed, or {@code null} at the root. */
    static String describe(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder param = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            append(param, reference.getPropertyName(), reference.getIndex());
        }
        return param.isEmpty() ? null : param.toString();
    }

    /** Where a parser stopped, or {@code null} at the root. */
    static String describe(JsonParser parser) {
        Deque<TokenStreamContext> contexts = new ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            contexts.push(context);
        }
        StringBuilder param = new StringBuilder();
        for (TokenStreamContext context : contexts) {
            if (context.inArray()) {
                append(param, null, Math.max(context.getCurrentIndex(), 0));
            } else {
                append(param, context.currentName(), -1);
            }
        }
        return param.isEmpty() ? null : param.toString();
    }

    private static void append(StringBuilder param, String name, int index) {
        if (name != null) {
            if (!param.isEmpty()) {
                param.append('.');
            }
            param.append(name);
        } else if (index >= 0) {
            param.append('[').append(index).append(']');
        }
    }
}
