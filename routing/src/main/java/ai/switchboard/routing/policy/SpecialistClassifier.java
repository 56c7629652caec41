package ai.switchboard.routing.policy;

import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Picks the specialist for a request of a {@code specialist-generalist} route. A classifier never fails: when it
 * cannot decide (no match, a score under the threshold, an answer outside the labels, its model unavailable) it
 * says so and the generalist answers.
 */
interface SpecialistClassifier {

    /** The decision for one request; completes with exactly one value. */
    Mono<Classification> classify(RoutingRequest request);

    /** The classifier's kind, as configured and shown in traces. */
    String kind();

    /** Model or route names the classifier itself calls (for existence and cycle checks). */
    Set<String> targets();

    /**
     * A classifier's decision.
     *
     * @param label the chosen specialist's label, or {@code null} for the generalist
     * @param reason why, for the decision trace (scores, labels; never prompt text)
     */
    record Classification(String label, String reason) {

        static Classification chose(String label, String reason) {
            return new Classification(label, reason);
        }

        static Classification none(String reason) {
            return new Classification(null, reason);
        }
    }
}
