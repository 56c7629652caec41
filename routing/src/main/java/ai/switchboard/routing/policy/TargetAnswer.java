package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.routing.Deployment;

/** A complete answer from a target, and the deployment that wrote it. */
public record TargetAnswer(ChatResponse response, Deployment deployment) {

    /** The first choice's text, or an empty string. */
    public String text() {
        if (response.choices().isEmpty() || response.choices().get(0).message() == null) {
            return "";
        }
        return response.choices().get(0).message().text();
    }

    /** The first choice's finish reason, or {@code null}. */
    public String finishReason() {
        return response.choices().isEmpty() ? null : response.choices().get(0).finishReason();
    }
}
