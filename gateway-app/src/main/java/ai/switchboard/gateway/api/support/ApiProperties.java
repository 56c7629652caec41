package ai.switchboard.gateway.api.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the OpenAI-compatible API.
 *
 * @param maxRequestSize the largest request body accepted; larger bodies are refused with 413 before they are parsed
 */
@Validated
@ConfigurationProperties(prefix = ApiProperties.PREFIX)
public record ApiProperties(DataSize maxRequestSize) {

    public static final String PREFIX = "switchboard.api";

    public ApiProperties {
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofMegabytes(8);
        }
        if (maxRequestSize.toBytes() <= 0 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(PREFIX + ".max-request-size must be between 1 byte and 2 GB");
        }
    }
}
