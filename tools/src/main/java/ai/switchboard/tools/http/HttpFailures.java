package ai.switchboard.tools.http;

import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.ToolException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * The one place an http tool's transport failures become tool errors. Messages name the host and the kind of
 * failure only: exception texts can quote a full URL, with a secret query parameter in it.
 */
final class HttpFailures {

    private HttpFailures() {
    }

    static ToolException classify(Throwable failure, String host) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            ToolException known = known(cause, host);
            if (known != null) {
                return known;
            }
        }
        return new ToolException(ToolError.FAILED, "The request to " + host + " failed");
    }

    private static ToolException known(Throwable cause, String host) {
        if (cause instanceof ToolException tool) {
            return tool;
        }
        if (cause instanceof AddressRefusedException refused) {
            return ToolException.refused(refused.getMessage());
        }
        if (cause instanceof UnknownHostException) {
            return ToolException.unavailable("The host " + host + " could not be resolved");
        }
        if (cause instanceof ConnectTimeoutException || cause instanceof ConnectException) {
            return ToolException.unavailable("Could not connect to " + host);
        }
        if (cause instanceof ReadTimeoutException) {
            return ToolException.timeout(host + " did not answer in time");
        }
        if (cause instanceof SSLException) {
            return ToolException.unavailable("The TLS connection to " + host + " failed");
        }
        if (cause instanceof PrematureCloseException || cause instanceof ClosedChannelException) {
            return ToolException.unavailable(host + " closed the connection before the response was complete");
        }
        return null;
    }
}
