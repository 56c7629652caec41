package ai.switchboard.gateway.eval.grade;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.tools.invoke.ArgumentSchema;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The answer is JSON valid against a schema (draft 2020-12, checked like a tool's argument schema). A fenced code
 * block around the JSON is accepted, since models add one even when told not to.
 */
record JsonSchemaMatch(JsonNode source, ArgumentSchema schema) implements LocalGrader {

    @Override
    public JsonNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", Graders.JSON_SCHEMA).set("schema", source);
    }

    @Override
    public void checkExpected(FieldErrors errors, String field, JsonNode expected) {
    }

    @Override
    public Grade grade(String answer, JsonNode expected) {
        JsonNode parsed;
        try {
            parsed = WireJson.mapper().readTree(unfenced(answer));
        } catch (JacksonException e) {
            return Grade.fail("the answer is not JSON");
        }
        List<String> problems = schema.problems(parsed, 3);
        return problems.isEmpty() ? Grade.pass() : Grade.fail(String.join("; ", problems));
    }

    private static String unfenced(String answer) {
        String text = answer.strip();
        if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
            int firstLine = text.indexOf('\n');
            return firstLine < 0 ? "" : text.substring(firstLine + 1, text.length() - 3);
        }
        return text;
    }
}
