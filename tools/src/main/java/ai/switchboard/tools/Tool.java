package ai.switchboard.tools;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A tool that runs on the gateway when an agent's model calls it. Implementations must not block the calling
 * thread: blocking work goes to a bounded scheduler of the tool's own.
 *
 * <p>Callers go through {@link ai.switchboard.tools.invoke.ToolInvoker}, which validates arguments first, enforces a
 * deadline and turns every outcome into a result the model can read; a tool is never called with arguments that did
 * not pass its schema.
 */
public interface Tool extends AutoCloseable {

    /** How the tool is described to models. Never carries a secret of the tool's configuration. */
    ToolSpec spec();

    /**
     * Runs the tool with arguments already validated against {@link ToolSpec#parameters()}. The result is data for
     * the model. A failure the model should read (a refused URL, a rejected query) is signalled as a
     * {@link ToolException}; any other error is reported to the model without its message.
     *
     * <p>The deadline is the subscriber's: cancelling the subscription must stop the work (close the connection,
     * cancel the statement), so a timed-out or abandoned call does not keep running.
     */
    Mono<JsonNode> call(JsonNode arguments);

    /**
     * Releases what the tool holds (connection pools, schedulers). The registry replaces a tool when its
     * configuration changes; calls already running may fail afterwards. May block briefly while pools close, so it
     * is called off the event loops. The default holds nothing.
     */
    @Override
    default void close() {
    }
}
