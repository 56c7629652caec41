package ai.switchboard.registry.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyGrantorTests {

    /** A caller narrower than admin, as a team administrator will be. */
    private final KeyGrantor team = new KeyGrantor("team-admin", Set.of(KeyScope.INFERENCE), Set.of("a", "b"));

    @Test
    void anAdminMayGrantAnything() {
        KeyGrantor admin = new KeyGrantor("admin", Set.of(KeyScope.ADMIN), Set.of());

        assertThatCode(() -> admin.checkGrant(List.of("admin", "inference"), List.of("*"))).doesNotThrowAnyException();
        assertThatCode(() -> KeyGrantor.system("boot").checkGrant(List.of("admin"), List.of("*")))
                .doesNotThrowAnyException();
    }

    @Test
    void aNarrowerCallerMayGrantWhatItHolds() {
        assertThatCode(() -> team.checkGrant(List.of("inference"), List.of("a"))).doesNotThrowAnyException();
        assertThatCode(() -> team.checkGrant(List.of("inference"), List.of())).doesNotThrowAnyException();
    }

    @Test
    void aNarrowerCallerCannotGrantAScopeOrModelItLacks() {
        assertThatThrownBy(() -> team.checkGrant(List.of("admin"), List.of("a")))
                .isInstanceOfSatisfying(RegistryForbiddenException.class,
                        e -> assertThat(e.field()).isEqualTo("scopes"));
        assertThatThrownBy(() -> team.checkGrant(List.of("inference"), List.of("c")))
                .isInstanceOf(RegistryForbiddenException.class);
        assertThatThrownBy(() -> team.checkGrant(List.of("inference"), List.of("*")))
                .isInstanceOfSatisfying(RegistryForbiddenException.class,
                        e -> assertThat(e.field()).isEqualTo("allowed_models"));
    }
}
