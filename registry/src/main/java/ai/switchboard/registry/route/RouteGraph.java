package ai.switchboard.registry.route;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Route-to-route references, to reject a write that would make a route reach itself. */
final class RouteGraph {

    private RouteGraph() {
    }

    /**
     * A path from {@code start} back to itself through {@code edges} (route name → route names it targets), or
     * {@code null} when there is none.
     */
    static List<String> cycleThrough(String start, Map<String, Set<String>> edges) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        Set<String> expanded = new HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            String last = path.get(path.size() - 1);
            if (!expanded.add(last)) {
                continue;
            }
            for (String next : edges.getOrDefault(last, Set.of())) {
                List<String> longer = new java.util.ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                paths.push(longer);
            }
        }
        return null;
    }
}
