package ai.switchboard.registry;

import ai.switchboard.registry.provider.ProviderTypeInspector;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the registry's database tests: one Spring context (cached and shared by every subclass, as they share this
 * configuration) on the database {@link TestDatabase} resolves. The database outlives a test, so tests use unique
 * names instead of cleaning up.
 */
@SpringBootTest(classes = {RegistryIntegrationTest.RegistryTestApplication.class,
        RegistryIntegrationTest.TestProviderTypes.class}, properties = {
        "switchboard.registry.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "switchboard.registry.bootstrap-admin-key=" + TestDatabase.BOOTSTRAP_ADMIN_KEY})
public abstract class RegistryIntegrationTest {

    /** The plaintext of the bootstrap admin key the shared context installs. */
    protected static final String BOOTSTRAP_KEY = TestDatabase.BOOTSTRAP_ADMIN_KEY;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** A name no other test (or earlier run against the same database) has used. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "ai.switchboard.registry",
            excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    public static class RegistryTestApplication {
    }

    /**
     * The application answers with the real adapters; the registry alone has none, so its tests know the types by
     * name and leave the adapters' own checks (tested with the adapters and through the admin API) out. Listed in
     * {@code classes} rather than imported, so an application that scans {@link RegistryTestApplication} (the
     * gateway's tests see this test-jar) does not get a second inspector.
     */
    public static class TestProviderTypes implements ProviderTypeInspector {

        @Override
        public Set<String> types() {
            return Set.of("openai", "azure-openai", "anthropic", "gemini", "bedrock", "cohere");
        }

        @Override
        public Map<String, String> inspect(String type, URI baseUrl, Map<String, String> settings) {
            return Map.of();
        }
    }
}
