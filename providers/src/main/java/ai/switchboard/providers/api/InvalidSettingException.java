package ai.switchboard.providers.api;

/** A provider setting whose value an adapter cannot use; {@link #setting()} names it. */
public class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The key of the offending setting, as stored in the provider's {@code settings}. */
    public String setting() {
        return setting;
    }
}
