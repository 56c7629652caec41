package ai.switchboard.registry.admin;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;

/**
 * Says what a failed registry write was, from PostgreSQL's SQLSTATE rather than from the exception's class (Spring
 * files a numeric overflow and a duplicate name under the same {@code DataIntegrityViolationException}): a unique
 * violation is a 409 naming the field, a value that does not fit its column (too long, out of range, a failed
 * check) is a 400 naming the field, and anything else is left as it is, for the caller's generic 500 and its log.
 */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String CHECK_VIOLATION = "23514";
    private static final String DATA_EXCEPTION_CLASS = "22";

    /** PostgreSQL's detail of a unique violation: {@code Key (name)=(value) already exists.} */
    private static final Pattern UNIQUE_KEY = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern NULL_COLUMN = Pattern.compile("null value in column \"([^\"]+)\"");
    private static final Pattern CHECK_CONSTRAINT = Pattern.compile("constraint \"[a-z]+_([a-z_]+)_check\"");

    private DatabaseErrors() {
    }

    /**
     * The registry exception {@code failure} stands for, or {@code failure} itself when it is none of the above.
     *
     * @param entityType the entity as error messages name it, e.g. {@code provider}
     * @param name the entity's name, for the duplicate-name message
     * @param entity the entity being written, to find the column a value overflowed
     */
    public static RuntimeException translate(DataAccessException failure, String entityType, String name,
            Object entity) {
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql == null || sql.getMessage() == null ? "" : sql.getMessage();
        if (state.equals(UNIQUE_VIOLATION)) {
            String field = group(UNIQUE_KEY, message, "name");
            return new RegistryConflictException(field.equals("name")
                    ? "A " + entityType + " named '" + name + "' already exists"
                    : "A " + entityType + " with this " + field + " already exists", field);
        }
        if (state.equals(FOREIGN_KEY_VIOLATION)) {
            return new RegistryConflictException("The " + entityType + " '" + name
                    + "' refers to, or is referred to by, an entry that changed concurrently; try again");
        }
        if (state.equals(NOT_NULL_VIOLATION)) {
            return new RegistryValidationException(group(NULL_COLUMN, message, "body"), "is required");
        }
        if (state.equals(CHECK_VIOLATION)) {
            return new RegistryValidationException(group(CHECK_CONSTRAINT, message, "body"), "is out of range");
        }
        if (state.startsWith(DATA_EXCEPTION_CLASS)) {
            List<FieldError> columns = entity == null ? List.of() : ColumnLimits.violations(entity);
            return new RegistryValidationException(columns.isEmpty()
                    ? List.of(new FieldError("body", "a value is too long or out of range for the registry"))
                    : columns);
        }
        return failure;
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String group(Pattern pattern, String text, String fallback) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : fallback;
    }
}
