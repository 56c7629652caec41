package ai.switchboard.gateway.request;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.server.ServerWebExchange;

/** Request ids: taken from a well-formed incoming {@code x-request-id}, otherwise made here. */
public final class RequestIds {

    public static final String HEADER = "x-request-id";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** The id of the exchange, or {@code "-"} before the filter ran. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    /** A new id: {@code req_} and 24 hex digits (96 random bits; unique enough for logs and ledgers). */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[28];
        id[0] = 'r';
        id[1] = 'e';
        id[2] = 'q';
        id[3] = '_';
        long high = random.nextLong();
        int low = random.nextInt();
        for (int i = 0; i < 16; i++) {
            id[4 + i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
        }
        for (int i = 0; i < 8; i++) {
            id[20 + i] = HEX[(low >>> (28 - 4 * i)) & 0xF];
        }
        return new String(id);
    }

    /** Whether a client-supplied id is safe to echo into headers and logs. */
    static boolean isAcceptable(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 128) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
