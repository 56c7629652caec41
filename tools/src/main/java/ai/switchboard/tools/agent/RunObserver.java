package ai.switchboard.tools.agent;

/**
 * Sees each step of a run as it happens: a stream writes them as progress events, a stored run as its steps, the
 * meter as ledger rows and spans. Called on whatever thread the step finished on, never concurrently for one run
 * except for tool calls the agent lets run in parallel; an observer must not block.
 */
public interface RunObserver {

    /** Sees nothing. */
    RunObserver NONE = new RunObserver() {
    };

    /** The model answered step {@code call.step()}. */
    default void modelCalled(ModelCall call) {
    }

    /** A tool call ended, with data or with an error the model reads. */
    default void toolCalled(ToolCallStep call) {
    }

    /** Both observers, {@code this} first. */
    default RunObserver and(RunObserver other) {
        RunObserver first = this;
        return new RunObserver() {
            @Override
            public void modelCalled(ModelCall call) {
                first.modelCalled(call);
                other.modelCalled(call);
            }

            @Override
            public void toolCalled(ToolCallStep call) {
                first.toolCalled(call);
                other.toolCalled(call);
            }
        };
    }
}
