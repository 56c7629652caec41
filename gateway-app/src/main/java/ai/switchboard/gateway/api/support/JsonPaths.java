package ai.switchboard.gateway.api.support;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Turns a Jackson binding path into the parameter name OpenAI would report, e.g. {@code messages[0].role}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String describe(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder param = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!param.isEmpty()) {
                    param.append('.');
                }
                param.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                param.append('[').append(reference.getIndex()).append(']');
            }
        }
        return param.isEmpty() ? null : param.toString();
    }
}
