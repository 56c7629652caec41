package ai.switchboard.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of GenAI tracing. Export settings are Spring Boot's own ({@code management.opentelemetry.*}). */
@Validated
@ConfigurationProperties(prefix = ObservabilityProperties.PREFIX)
public class ObservabilityProperties {

    public static final String PREFIX = "switchboard.tracing";

    /**
     * Whether prompt and completion text may be put on spans at all. Even when true, only routes that opt in get
     * content recorded; when false (the default) no route can.
     */
    private boolean contentCaptureAllowed;

    public boolean isContentCaptureAllowed() {
        return contentCaptureAllowed;
    }

    public void setContentCaptureAllowed(boolean contentCaptureAllowed) {
        this.contentCaptureAllowed = contentCaptureAllowed;
    }
}
