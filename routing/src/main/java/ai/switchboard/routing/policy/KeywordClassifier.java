package ai.switchboard.routing.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code keywords}: scores each specialist by its rules over the last user message (one point per keyword found,
 * one for a regex match). The highest score wins; a tie goes to the specialist listed first, so the order in the
 * configuration is the priority. No match at all leaves the request to the generalist.
 */
final class KeywordClassifier implements SpecialistClassifier {

    static final String KIND = "keywords";

    private final List<Specialist> specialists;

    KeywordClassifier(List<Specialist> specialists) {
        this.specialists = List.copyOf(specialists);
    }

    @Override
    public Mono<Classification> classify(RoutingRequest request) {
        String text = request.lastUserText();
        String lower = text.toLowerCase(Locale.ROOT);
        Specialist best = null;
        int bestScore = 0;
        for (Specialist specialist : specialists) {
            int score = 0;
            for (String keyword : specialist.keywords()) {
                if (lower.contains(keyword)) {
                    score++;
                }
            }
            if (specialist.regex() != null && specialist.regex().matcher(text).find()) {
                score++;
            }
            // Strictly greater: on a tie the earlier specialist keeps the lead.
            if (score > bestScore) {
                best = specialist;
                bestScore = score;
            }
        }
        return Mono.just(best == null
                ? Classification.none("no rule matched")
                : Classification.chose(best.label(), "score " + bestScore));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<String> targets() {
        return Set.of();
    }
}
