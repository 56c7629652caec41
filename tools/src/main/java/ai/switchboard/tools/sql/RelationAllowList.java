package ai.switchboard.tools.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The relations a sql tool may read: whole schemas and single {@code schema.table} names, compared with the names
 * PostgreSQL reports for the relations a query's plan scans (as stored in the catalog: lower case unless created
 * quoted). A view is read through the tables the planner expands it into, so those are what must be allowed.
 */
final class RelationAllowList {

    private final Set<String> schemas;
    private final Set<String> tables;

    RelationAllowList(List<String> schemas, List<String> tables) {
        this.schemas = Set.copyOf(schemas);
        this.tables = Set.copyOf(tables);
    }

    boolean allows(String schema, String relation) {
        return schemas.contains(schema) || tables.contains(schema + "." + relation);
    }

    /** The schemas unqualified names resolve in: the allowed schemas, then those of the allowed tables. */
    List<String> searchPath() {
        Set<String> path = new LinkedHashSet<>(schemas);
        tables.forEach(table -> path.add(table.substring(0, table.indexOf('.'))));
        return List.copyOf(path);
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        if (!schemas.isEmpty()) {
            text.append("every table and view in schemas ").append(String.join(", ", schemas.stream().sorted().toList()));
        }
        if (!tables.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append("tables ")
                    .append(String.join(", ", tables.stream().sorted().toList()));
        }
        return text.toString();
    }
}
