package ai.switchboard.tools.http;

import java.io.IOException;
import java.net.InetAddress;

/** A connection the {@link AddressPolicy} refused, raised where the address became known: DNS or connect. */
final class AddressRefusedException extends IOException {

    AddressRefusedException(String host, InetAddress address, String reason) {
        super(describe(host, address, reason));
    }

    static String describe(String host, InetAddress address, String reason) {
        String target = address == null ? host : io.netty.util.NetUtil.toAddressString(address);
        String name = host != null && address != null && !host.equals(target) ? host + " (" + target + ")" : target;
        return name + " is " + reason + ", which this tool may not reach";
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
