package ai.switchboard.gateway.it.fields;

/**
 * One request of the generator: a body with one field set to one value.
 *
 * @param endpoint the table it comes from
 * @param body the JSON body, with {@link EndpointTable#MODEL} where the model name goes
 * @param refusedParam the parameter the 400 must name, or {@code null} when the body must be accepted
 * @param label what the case sends, for the test's name
 */
public record FieldCase(EndpointTable endpoint, String body, String refusedParam, String label) {

    public boolean refused() {
        return refusedParam != null;
    }

    /** The body addressed to {@code model}. */
    public String body(String model) {
        return body.replace(EndpointTable.MODEL, model);
    }

    @Override
    public String toString() {
        String shown = label.length() > 90 ? label.substring(0, 90) + "..." : label;
        return endpoint.name() + " " + shown + (refused() ? " -> 400 " + refusedParam : " -> accepted");
    }
}
