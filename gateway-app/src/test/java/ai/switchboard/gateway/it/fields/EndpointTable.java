package ai.switchboard.gateway.it.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of one API endpoint, as data: a valid body that holds every nested structure the fields point into, and
 * the fields. {@link #cases()} sends each value of each field in an otherwise valid body. A new API (Responses,
 * Messages) adds a table; its error shape is asserted by its own test.
 *
 * @param name a short name for test names
 * @param path the endpoint's path, e.g. {@code /v1/chat/completions}
 * @param upstreamPath the path an OpenAI-compatible upstream is called on, e.g. {@code /chat/completions}
 * @param baseBody a valid body with {@link #MODEL} as the model
 * @param fields the documented fields
 */
public record EndpointTable(String name, String path, String upstreamPath, String baseBody, List<Field> fields) {

    public static final String MODEL = "@MODEL@";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEHOLDER = "@VALUE@";
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    public EndpointTable {
        fields = List.copyOf(fields);
    }

    /** Every value of {@code field}, each in its own body. */
    public List<FieldCase> cases(Field field) {
        List<FieldCase> cases = new ArrayList<>();
        for (Field.Refused refused : field.invalid()) {
            cases.add(new FieldCase(this, body(field, refused.json()), refused.param(), label(field, refused.json())));
        }
        for (String valid : field.valid()) {
            cases.add(new FieldCase(this, body(field, valid), null, label(field, valid)));
        }
        return cases;
    }

    private String body(Field field, String json) {
        ObjectNode body = (ObjectNode) JSON.readTree(baseBody);
        for (Map.Entry<String, String> companion : field.companions().entrySet()) {
            place(body, companion.getKey(), true);
            body = (ObjectNode) JSON.readTree(JSON.writeValueAsString(body).replace("\"" + PLACEHOLDER + "\"",
                    companion.getValue()));
        }
        place(body, field.param(), json != null);
        String text = JSON.writeValueAsString(body);
        return json == null ? text : text.replace("\"" + PLACEHOLDER + "\"", json);
    }

    /** Puts the placeholder at {@code param}, or removes what is there. */
    private static void place(ObjectNode body, String param, boolean present) {
        List<Object> path = new ArrayList<>();
        Matcher segment = SEGMENT.matcher(param);
        while (segment.find()) {
            path.add(segment.group(1) != null ? segment.group(1) : Integer.valueOf(segment.group(2)));
        }
        JsonNode parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            if (parent == null) {
                throw new IllegalArgumentException("The base body has nothing at " + param);
            }
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, PLACEHOLDER);
        } else if (present) {
            ((ObjectNode) parent).put((String) last, PLACEHOLDER);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static String label(Field field, String json) {
        return field.param() + (json == null ? " absent" : " = " + json)
                + (field.companions().isEmpty() ? "" : " with " + field.companions());
    }
}
