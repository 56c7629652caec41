package ai.switchboard.gateway.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.context.ApplicationListener;

class NettyDefaultsTests {

    private static final List<String> PROPERTIES = List.of(NettyDefaults.ALLOCATOR,
            NettyDefaults.LAST_FLUSH_WHEN_NO_READ);

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        PROPERTIES.forEach(property -> saved.put(property, System.getProperty(property)));
    }

    @AfterEach
    void restore() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void setsEachDefaultWhenNothingIsConfigured() {
        PROPERTIES.forEach(System::clearProperty);

        NettyDefaults.apply();

        assertThat(System.getProperty(NettyDefaults.ALLOCATOR)).isEqualTo("pooled");
        assertThat(System.getProperty(NettyDefaults.LAST_FLUSH_WHEN_NO_READ)).isEqualTo("true");
    }

    @Test
    void keepsTheOperatorsChoice() {
        System.setProperty(NettyDefaults.ALLOCATOR, "adaptive");
        System.setProperty(NettyDefaults.LAST_FLUSH_WHEN_NO_READ, "false");

        NettyDefaults.apply();

        assertThat(System.getProperty(NettyDefaults.ALLOCATOR)).isEqualTo("adaptive");
        assertThat(System.getProperty(NettyDefaults.LAST_FLUSH_WHEN_NO_READ)).isEqualTo("false");
    }

    @Test
    void theListenerIsRegisteredSoEveryWayOfStartingTheApplicationAppliesThem() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
                .anyMatch(NettyDefaultsListener.class::isInstance);
    }
}
