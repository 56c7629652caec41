package ai.switchboard.observability.usage;

import java.util.Locale;

/** The dimensions usage can be totalled by, each with the SQL that computes it (never taken from the caller). */
public enum UsageGroupBy {

    MODEL("model", "NULL"),
    ROUTE("route", "NULL"),
    KEY("key_id::text", "max(key_prefix)"),
    PROVIDER("provider", "NULL"),
    DAY("to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')", "NULL");

    private final String expression;
    private final String labelExpression;

    UsageGroupBy(String expression, String labelExpression) {
        this.expression = expression;
        this.labelExpression = labelExpression;
    }

    /** The name in the API, e.g. {@code model}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for an API name, or {@code null} when there is none. */
    public static UsageGroupBy fromApiName(String name) {
        for (UsageGroupBy value : values()) {
            if (value.apiName().equals(name)) {
                return value;
            }
        }
        return null;
    }

    String expression() {
        return expression;
    }

    String labelExpression() {
        return labelExpression;
    }
}
