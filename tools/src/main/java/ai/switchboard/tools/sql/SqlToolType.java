package ai.switchboard.tools.sql;

import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolType;
import java.util.Set;

/** The {@code sql} tool type; see {@link SqlToolConfig} for its configuration and {@link SqlTool} for its guards. */
public final class SqlToolType implements ToolType<SqlToolConfig> {

    public static final String NAME = "sql";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SqlToolConfig> configType() {
        return SqlToolConfig.class;
    }

    @Override
    public Set<String> secretFields() {
        return Set.of("password");
    }

    @Override
    public Tool create(String name, String description, SqlToolConfig config) {
        return new SqlTool(name, description, config);
    }
}
