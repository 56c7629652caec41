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

    private static final SecureRandom SECURE = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ResponseIds() {
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
