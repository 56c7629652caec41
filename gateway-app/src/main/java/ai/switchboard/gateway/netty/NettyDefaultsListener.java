package ai.switchboard.gateway.netty;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Applies {@link NettyDefaults} as the application starts, before its web server or any HTTP client loads a Netty
 * class, however the application is launched ({@code main}, {@code spring-boot:run}, a test context). Registered in
 * {@code META-INF/spring.factories}, since it must run before the context exists.
 */
public final class NettyDefaultsListener implements ApplicationListener<ApplicationStartingEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        NettyDefaults.apply();
    }
}
