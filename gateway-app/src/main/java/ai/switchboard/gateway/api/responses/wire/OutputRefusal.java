package ai.switchboard.gateway.api.responses.wire;

/** A {@code refusal} part of an assistant message: the model declined, and says why. */
public record OutputRefusal(String type, String refusal) {

    public static final String TYPE = "refusal";

    public static OutputRefusal of(String refusal) {
        return new OutputRefusal(TYPE, refusal);
    }
}
