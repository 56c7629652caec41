package ai.switchboard.registry;

/** Whether a provider (or a tool) can be used, as the snapshot saw its stored secrets. */
public enum ProviderStatus {

    /** Its secrets were decrypted; requests may go to it. */
    OK("ok"),
    /**
     * A stored secret (credential or extra headers) cannot be decrypted with this replica's master key: tampered
     * with, or copied from another database. Requests to its models fail with 503 until the secret is set again.
     */
    CREDENTIAL_ERROR("credential_error");

    private final String wire;

    ProviderStatus(String wire) {
        this.wire = wire;
    }

    /** The value shown in the admin API and used as a metric tag. */
    public String wire() {
        return wire;
    }
}
