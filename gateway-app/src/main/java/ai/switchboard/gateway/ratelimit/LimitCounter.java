package ai.switchboard.gateway.ratelimit;

/** One limit in one dimension (a key's requests, a model's tokens), as this replica counts it, window by window. */
final class LimitCounter {

    /** The shared counter's name: the limit's id and its dimension. */
    final String id;
    private volatile LimitWindow window = new LimitWindow(Long.MIN_VALUE);
    volatile long lastUsed;

    LimitCounter(String id) {
        this.id = id;
    }

    /** The window starting at {@code start}, opened when time has moved into it. */
    LimitWindow window(long start) {
        LimitWindow current = window;
        while (current.start < start) {
            LimitWindow next = new LimitWindow(start);
            synchronized (this) {
                if (window == current) {
                    window = next;
                }
                current = window;
            }
        }
        return current;
    }

    /** The latest window opened, whatever the time. */
    LimitWindow current() {
        return window;
    }
}
