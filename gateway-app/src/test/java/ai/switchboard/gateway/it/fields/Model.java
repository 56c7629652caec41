package ai.switchboard.gateway.it.fields;

/** {@code model}, which every OpenAI endpoint requires as a non-empty string. */
final class Model {

    private Model() {
    }

    static Field field() {
        return Field.string("model").required().nonEmpty().noValid();
    }
}
