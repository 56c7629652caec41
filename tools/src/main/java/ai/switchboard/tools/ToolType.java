package ai.switchboard.tools;

import java.util.Set;

/**
 * A kind of built-in tool an admin configures under {@code /admin/v1/tools} ({@code http}, {@code sql}): the name of
 * the type, the record its configuration binds to (snake_case JSON, validated in the record's constructor) and the
 * factory of instances. Creating a tool does no I/O; connections are opened on the first call.
 *
 * @param <C> the configuration record
 */
public interface ToolType<C> {

    /** The type name an admin writes in a tool definition. */
    String name();

    /** The configuration record; see {@link ToolConfigs#bind}. */
    Class<C> configType();

    /**
     * The top-level configuration fields that hold secrets: the registry stores them encrypted and the admin API
     * never returns them, only that they are set.
     */
    Set<String> secretFields();

    /** A tool instance for this configuration; the caller closes it when the definition changes or goes away. */
    Tool create(String name, String description, C config);
}
