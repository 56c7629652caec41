package ai.switchboard.registry.admin;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last check before an entity is written: every string fits its {@code varchar(n)} and every decimal its
 * {@code numeric(p, s)}, read from the entity's own {@link Column} declarations, so no value can overflow a column
 * and come back as a database error. Services validate each field with a clearer message first; this catches the
 * field they forgot. A string column counts as bounded only when it declares a length other than JPA's default
 * (255): {@code text} and {@code jsonb} columns are declared without one.
 */
public final class ColumnLimits {

    private static final int JPA_DEFAULT_LENGTH = 255;
    private static final Map<Class<?>, List<Limit>> LIMITS = new ConcurrentHashMap<>();

    private ColumnLimits() {
    }

    /** @throws RegistryValidationException naming each column (as the admin API names the field) that overflows */
    public static void check(Object entity) {
        List<FieldError> errors = violations(entity);
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
    }

    /** Each column of {@code entity} whose value does not fit. */
    public static List<FieldError> violations(Object entity) {
        List<FieldError> errors = new ArrayList<>();
        for (Limit limit : LIMITS.computeIfAbsent(entity.getClass(), ColumnLimits::limitsOf)) {
            String problem = limit.problem(limit.read(entity));
            if (problem != null) {
                errors.add(new FieldError(limit.column(), problem));
            }
        }
        return errors;
    }

    private static List<Limit> limitsOf(Class<?> type) {
        List<Limit> limits = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column == null) {
                continue;
            }
            String name = column.name().isEmpty() ? field.getName() : column.name();
            boolean boundedText = field.getType() == String.class && column.length() != JPA_DEFAULT_LENGTH;
            boolean decimal = field.getType() == BigDecimal.class && column.precision() > 0;
            if (boundedText || decimal) {
                field.setAccessible(true);
                limits.add(new Limit(field, name, column.length(), column.precision(), column.scale()));
            }
        }
        return List.copyOf(limits);
    }

    private record Limit(Field field, String column, int length, int precision, int scale) {

        Object read(Object entity) {
            try {
                return field.get(entity);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        String problem(Object value) {
            if (value instanceof String text && text.length() > length) {
                return "must be at most " + length + " characters";
            }
            if (value instanceof BigDecimal number) {
                // The database rounds to the scale, then needs at most precision - scale integer digits. Rounding
                // adds a digit only at the boundary, so only a number there is rounded (never a 1e-999999999).
                int allowed = precision - scale;
                int digits = number.precision() - number.scale();
                if (digits > allowed || digits == allowed
                        && number.setScale(scale, RoundingMode.HALF_UP).precision() - scale > allowed) {
                    return "must be less than 10^" + allowed;
                }
            }
            return null;
        }
    }
}
