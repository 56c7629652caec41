package ai.switchboard.tools.delegate;

import ai.switchboard.tools.agent.AgentRun;
import reactor.core.publisher.Mono;

/**
 * Runs another agent for an {@code agent} tool. Whoever runs agents puts one in the run's Reactor context (under this
 * class), bound to the request the run serves: the delegated run is that request's, so its key, budgets, ledger and
 * trace are too. An {@code agent} tool called outside a run finds none and refuses.
 */
@FunctionalInterface
public interface Delegation {

    /**
     * Runs the agent named {@code agent} on {@code input} (one user message). Fails with a
     * {@link ai.switchboard.tools.ToolException} the model may read when the agent cannot run (unknown, disabled,
     * its model unavailable); a run that stops at a limit is an answer, with its status.
     */
    Mono<AgentRun> run(String agent, String input);
}
