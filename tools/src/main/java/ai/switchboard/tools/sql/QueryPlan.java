package ai.switchboard.tools.sql;

import ai.switchboard.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What PostgreSQL's planner says a query does, read from {@code EXPLAIN (VERBOSE, FORMAT JSON)}: every relation it
 * scans (views already expanded into their tables, subqueries and CTEs included), and whether it would modify or
 * lock rows. This is the server's own parse of the statement, not a pattern match on its text; the relation check
 * is the allow-list's guard, the modify and lock checks are early messages before the read-only transaction would
 * refuse anyway.
 */
final class QueryPlan {

    /** A relation the plan scans. */
    record Relation(String schema, String name) {

        @Override
        public String toString() {
            return schema + "." + name;
        }
    }

    private final List<Relation> relations = new ArrayList<>();
    private String write;
    private boolean locks;

    private QueryPlan() {
    }

    /** Reads the single row {@code EXPLAIN (FORMAT JSON)} returns. */
    static QueryPlan of(JsonNode explain) {
        QueryPlan plan = new QueryPlan();
        for (JsonNode statement : explain) {
            plan.walk(statement.path("Plan"));
        }
        return plan;
    }

    List<Relation> relations() {
        return relations;
    }

    /** Refuses plans that write, lock rows, or read a relation the allow-list does not name. */
    void check(RelationAllowList allowList) {
        if (write != null) {
            throw ToolException.refused("Only read queries can run; this one would " + write.toLowerCase(Locale.ROOT)
                    + " rows");
        }
        if (locks) {
            throw ToolException.refused("Only read queries can run; this one locks rows (FOR UPDATE or FOR SHARE)");
        }
        for (Relation relation : relations) {
            if (!allowList.allows(relation.schema(), relation.name())) {
                throw ToolException.refused("The query reads " + relation + ", which this tool may not read ("
                        + "allowed: " + allowList.describe() + ")");
            }
        }
    }

    private void walk(JsonNode node) {
        if (node.isMissingNode()) {
            return;
        }
        String type = node.path("Node Type").asString("");
        if (type.equals("ModifyTable")) {
            write = node.path("Operation").asString("modify");
        } else if (type.equals("LockRows")) {
            locks = true;
        }
        if (node.has("Relation Name")) {
            relations.add(new Relation(node.path("Schema").asString(""), node.path("Relation Name").asString()));
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child);
        }
    }
}
