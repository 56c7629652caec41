package ai.switchboard.tools;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A tool that runs on the gateway when an agent's model calls it. Implementations must not block the calling
 * thread: blocking work goes to a bounded scheduler of the tool's own.
 */
public interface Tool {

    /** How the tool is described to models. */
    ToolSpec spec();

    /**
     * Runs the tool with arguments already validated against {@link ToolSpec#parameters()}. The result is sent back
     * to the model as the tool message's content; failures the model should see are results too, not errors.
     */
    Mono<JsonNode> call(JsonNode arguments);
}
