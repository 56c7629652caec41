package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StrictBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What a section needs while applying: the actor, environment look-ups, entry binding and the error list. */
public final class ApplyContext {

    private final String actor;
    private final Function<String, String> environment;
    private final ObjectMapper mapper;
    private final List<FieldError> errors = new ArrayList<>();

    ApplyContext(String actor, Function<String, String> environment, ObjectMapper mapper) {
        this.actor = actor;
        this.environment = environment;
        this.mapper = mapper;
    }

    public String actor() {
        return actor;
    }

    /** The value of an environment variable (or property of that name), or null when unset or blank. */
    public String env(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds a service's validation errors, with their fields placed under the entry's path. */
    public void errors(String path, RegistryValidationException e) {
        e.errors().forEach(error -> errors.add(new FieldError(path + "." + error.field(), error.message())));
    }

    List<FieldError> errors() {
        return errors;
    }

    /**
     * Binds an entry to its record after checking its fields against {@code allowed}; returns null (with errors
     * recorded) when it cannot be bound. {@code secrets} are field names refused outright as inline credentials.
     */
    public <T> T bind(JsonNode entry, String path, Class<T> type, Set<String> allowed, Set<String> secrets) {
        if (entry == null || !entry.isObject()) {
            error(path, "must be a mapping");
            return null;
        }
        boolean ok = true;
        for (String field : entry.propertyNames()) {
            if (secrets.contains(field)) {
                error(path + "." + field, "credentials are never written in the file; name the environment "
                        + "variable that holds it instead (e.g. api_key_env / key_hash_env)");
                ok = false;
            } else if (!allowed.contains(field)) {
                error(path + "." + field, "unknown field; expected one of " + allowed.stream().sorted().toList());
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return mapper.treeToValue(entry, type);
        } catch (JacksonException e) {
            FieldError error = StrictBinding.error(e);
            error(error.field().equals("body") ? path : path + "." + error.field(), error.message());
            return null;
        }
    }
}
