package ai.switchboard.tools.mcp;

/** A connection attempt the {@link McpAddressGuard} refused: the server's address is one the gateway may not reach. */
final class McpAddressRefusedException extends RuntimeException {

    McpAddressRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
