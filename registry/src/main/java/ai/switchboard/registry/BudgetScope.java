package ai.switchboard.registry;

/** What a budget watches: the spend of one key, one team's keys, one model, or one route. */
public enum BudgetScope {
    KEY("key"),
    TEAM("team"),
    MODEL("model"),
    ROUTE("route");

    private final String wireName;

    BudgetScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON, the file, metrics ({@code scope_type}) and the database. */
    public String wireName() {
        return wireName;
    }

    /** The scope with this wire name, or {@code null}. */
    public static BudgetScope fromWire(String name) {
        for (BudgetScope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        return null;
    }
}
