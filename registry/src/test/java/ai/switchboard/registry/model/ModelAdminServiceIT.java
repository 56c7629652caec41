package ai.switchboard.registry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.Capability;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.provider.ProviderAdminService;
import ai.switchboard.registry.provider.ProviderCreateCommand;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ModelAdminServiceIT extends RegistryIntegrationTest {

    @Autowired
    ModelAdminService models;

    @Autowired
    ProviderAdminService providers;

    @Autowired
    RegistrySnapshotManager snapshots;

    private String provider;

    @BeforeEach
    void provider() {
        provider = unique("prov");
        providers.create(new ProviderCreateCommand(provider, "openai", "https://api.openai.com/v1", null, null, null,
                null, null, null), "tester");
    }

    @Test
    void createsAndPublishesToTheSnapshot() {
        String name = unique("gpt-mini");

        ModelView view = models.create(create(name, provider), "tester");

        assertThat(view.provider()).isEqualTo(provider);
        assertThat(view.capabilities()).containsExactly("chat", "tools", "streaming");
        ModelConfig config = snapshots.current().model(name);
        assertThat(config.providerName()).isEqualTo(provider);
        assertThat(config.supports(Capability.TOOLS)).isTrue();
        assertThat(config.inputPricePerMtok()).isEqualByComparingTo("0.15");
        assertThat(config.contextWindow()).isEqualTo(128_000);
        assertThat(models.get(view.id().toString()).name()).isEqualTo(name);
        assertThat(models.list()).extracting(ModelView::name).contains(name);
    }

    @Test
    void patchesOnlyTheGivenFieldsAndRenames() {
        String name = unique("m");
        models.create(create(name, provider), "tester");
        String renamed = unique("renamed");

        ModelView updated = models.update(name, new ModelUpdateCommand(renamed, null, null, null, List.of("embeddings"),
                null, null, null, new BigDecimal("2.5"), null, false, null), "tester");

        assertThat(updated.name()).isEqualTo(renamed);
        assertThat(updated.upstreamModel()).isEqualTo("gpt-4o-mini");
        assertThat(updated.capabilities()).containsExactly("embeddings");
        assertThat(updated.outputPricePerMtok()).isEqualByComparingTo("2.5");
        assertThat(updated.inputPricePerMtok()).isEqualByComparingTo("0.15");
        assertThat(snapshots.current().model(name)).isNull();
        assertThat(snapshots.current().model(renamed).enabled()).isFalse();
    }

    @Test
    void namesTheFieldOfAnUnknownProviderAndBadValues() {
        ModelCreateCommand bad = new ModelCreateCommand(unique("m"), "no-such-provider", "x", null,
                List.of("chat", "telepathy"), 0, null, new BigDecimal("-1"), null, null, null);

        assertThatThrownBy(() -> models.create(bad, "tester"))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("provider", "capabilities[1]", "context_window",
                                "input_price_per_mtok"));
    }

    @Test
    void refusesDuplicateNames() {
        String name = unique("dup");
        models.create(create(name, provider), "tester");

        assertThatThrownBy(() -> models.create(create(name, provider), "tester"))
                .isInstanceOf(RegistryConflictException.class);
    }

    static ModelCreateCommand create(String name, String provider) {
        return new ModelCreateCommand(name, provider, "gpt-4o-mini", "2024-07-18", List.of("chat", "TOOLS",
                "streaming", "chat"), 128_000, 16_384, new BigDecimal("0.15"), new BigDecimal("0.6"),
                List.of("cheap"), true);
    }
}
