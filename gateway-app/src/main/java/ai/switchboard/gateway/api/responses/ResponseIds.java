package ai.switchboard.gateway.api.responses;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids in OpenAI's forms: {@code resp_}, {@code msg_}, {@code fc_}, {@code rs_} followed by hex. A response id names a
 * stored response, so it comes from a secure random source (the owner check is the guard, an unguessable id the
 * second); item ids only need to be unique within their response.
 */
public final class ResponseIds {

    /**
     * A DRBG seeded once, here: the platform default reads {@code /dev/urandom} on every call, a blocking read that
     * must not happen on an event loop. Seeded when the class initialises, which {@link #warm()} makes happen at
     * start-up.
     */
    private static final SecureRandom SECURE = seeded();
    private static final HexFormat HEX = HexFormat.of();

    private ResponseIds() {
    }

    private static SecureRandom seeded() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            random = new SecureRandom();
        }
        random.nextBytes(new byte[16]);
        return random;
    }

    /** Initialises the generator (its one blocking seed read) on the calling thread. */
    public static void warm() {
        SECURE.nextBytes(new byte[1]);
    }

    public static String response() {
        byte[] bytes = new byte[24];
        SECURE.nextBytes(bytes);
        return "resp_" + HEX.formatHex(bytes);
    }

    public static String message() {
        return item("msg_");
    }

    public static String functionCall() {
        return item("fc_");
    }

    public static String reasoning() {
        return item("rs_");
    }

    private static String item(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return prefix + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
