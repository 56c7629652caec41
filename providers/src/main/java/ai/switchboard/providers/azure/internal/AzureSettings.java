package ai.switchboard.providers.azure.internal;

import ai.switchboard.providers.api.InvalidSettingException;
import java.util.Locale;
import java.util.Map;

/**
 * The Azure-specific settings of a provider, read from {@code ProviderEndpoint.settings()}.
 *
 * @param style how calls are addressed: per deployment with an {@code api-version}, or the v1 API
 * @param apiVersion the {@code api-version} query parameter of the deployment style
 * @param bearer whether the credential goes in {@code Authorization: Bearer} (an Entra ID token, or a key on the v1
 *     API as the OpenAI client sends it) rather than in {@code api-key}
 */
public record AzureSettings(Style style, String apiVersion, boolean bearer) {

    /**
     * The newest GA data-plane version when this was written (Microsoft's api-version lifecycle page); it
     * supports {@code stream_options}, {@code json_schema} and tools. Override per provider with {@code api_version}.
     */
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    public static final String API_VERSION = "api_version";
    public static final String API_STYLE = "api_style";
    public static final String AUTH = "auth";

    /** The two ways Azure OpenAI addresses a model. */
    public enum Style {
        /** {@code /openai/deployments/{deployment}/…?api-version=…}; the deployment picks the model. */
        DEPLOYMENT,
        /** {@code /openai/v1/…} without {@code api-version}; {@code model} in the body names the deployment. */
        V1
    }

    /**
     * Reads the settings, with defaults for absent keys.
     *
     * @throws InvalidSettingException naming the setting when a value is not one of the allowed ones
     */
    public static AzureSettings of(Map<String, String> settings) {
        Style style = switch (value(settings, API_STYLE, "deployment")) {
            case "deployment" -> Style.DEPLOYMENT;
            case "v1" -> Style.V1;
            default -> throw new InvalidSettingException(API_STYLE,
                    "setting " + API_STYLE + " must be 'deployment' or 'v1', not '" + settings.get(API_STYLE) + "'");
        };
        boolean bearer = switch (value(settings, AUTH, style == Style.V1 ? "bearer" : "api-key")) {
            case "bearer" -> true;
            case "api-key" -> false;
            default -> throw new InvalidSettingException(AUTH,
                    "setting " + AUTH + " must be 'api-key' or 'bearer', not '" + settings.get(AUTH) + "'");
        };
        String apiVersion = settings.get(API_VERSION);
        if (apiVersion == null || apiVersion.isBlank()) {
            apiVersion = DEFAULT_API_VERSION;
        }
        else if (!apiVersion.strip().matches("[0-9A-Za-z.-]+")) {
            throw new InvalidSettingException(API_VERSION,
                    "setting " + API_VERSION + " is not an api-version: '" + apiVersion + "'");
        }
        return new AzureSettings(style, apiVersion.strip(), bearer);
    }

    private static String value(Map<String, String> settings, String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value.strip().toLowerCase(Locale.ROOT);
    }
}
