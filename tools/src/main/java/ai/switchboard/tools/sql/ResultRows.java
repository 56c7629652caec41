package ai.switchboard.tools.sql;

import ai.switchboard.providers.json.WireJson;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A result set as JSON for the model: {@code {"columns": [{"name", "type"}], "rows": [[...]], "row_count",
 * "truncated"}}. Rows are arrays in column order (half the tokens of objects). Numbers, booleans, JSON and arrays
 * keep their types; everything else is PostgreSQL's text form. Reading stops at the row cap or once the values
 * read pass a character budget, whichever comes first, a longer text value is cut to the budget, and
 * {@code truncated} says so: the result stays well-formed JSON below the invoker's output cap.
 */
final class ResultRows {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ResultRows() {
    }

    static ObjectNode read(ResultSet rows, int maxRows, int maxChars) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        ObjectNode result = JSON.objectNode();
        ArrayNode described = result.putArray("columns");
        for (int column = 1; column <= columns; column++) {
            described.addObject().put("name", meta.getColumnLabel(column)).put("type", meta.getColumnTypeName(column));
        }
        ArrayNode values = result.putArray("rows");
        int chars = 0;
        boolean truncated = false;
        while (rows.next()) {
            if (values.size() == maxRows || chars > maxChars) {
                truncated = true;
                break;
            }
            ArrayNode row = values.addArray();
            for (int column = 1; column <= columns; column++) {
                JsonNode value = value(rows, meta, column);
                if (value.isString() && value.asString().length() > maxChars) {
                    value = JSON.stringNode(value.asString().substring(0, maxChars));
                    truncated = true;
                }
                chars += value.isString() ? value.asString().length() : 8;
                row.add(value);
            }
        }
        result.put("row_count", values.size()).put("truncated", truncated);
        return result;
    }

    private static JsonNode value(ResultSet rows, ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        switch (type) {
            case Types.BIT, Types.BOOLEAN -> {
                boolean value = rows.getBoolean(column);
                return rows.wasNull() ? JSON.nullNode() : JSON.booleanNode(value);
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long value = rows.getLong(column);
                return rows.wasNull() ? JSON.nullNode() : JSON.numberNode(value);
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double value = rows.getDouble(column);
                return rows.wasNull() ? JSON.nullNode()
                        : Double.isFinite(value) ? JSON.numberNode(value) : JSON.stringNode(Double.toString(value));
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                return number(rows.getString(column));
            }
            case Types.ARRAY -> {
                Array array = rows.getArray(column);
                return array == null ? JSON.nullNode() : element(array.getArray());
            }
            default -> {
                String text = rows.getString(column);
                if (text == null) {
                    return JSON.nullNode();
                }
                String name = meta.getColumnTypeName(column);
                return name.equals("json") || name.equals("jsonb") ? json(text) : JSON.stringNode(text);
            }
        }
    }

    /** PostgreSQL numerics may be NaN or infinite, which JSON numbers cannot be. */
    private static JsonNode number(String text) {
        if (text == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.numberNode(new BigDecimal(text));
        } catch (NumberFormatException special) {
            return JSON.stringNode(text);
        }
    }

    private static JsonNode json(String text) {
        try {
            return WireJson.mapper().readTree(text);
        } catch (JacksonException e) {
            return JSON.stringNode(text);
        }
    }

    private static JsonNode element(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Object[] array) {
            ArrayNode elements = JSON.arrayNode();
            for (Object element : array) {
                elements.add(element(element));
            }
            return elements;
        }
        return switch (value) {
            case Boolean bool -> JSON.booleanNode(bool);
            case Integer number -> JSON.numberNode(number);
            case Long number -> JSON.numberNode(number);
            case Short number -> JSON.numberNode(number);
            case BigDecimal number -> JSON.numberNode(number);
            case Double number when Double.isFinite(number) -> JSON.numberNode(number);
            case Float number when Float.isFinite(number) -> JSON.numberNode(number);
            default -> JSON.stringNode(value.toString());
        };
    }
}
