package ai.switchboard.registry.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyGrantorTests {

    private static final UUID TEAM = UUID.randomUUID();

    /** A caller narrower than admin: a team administrator. */
    private final KeyGrantor team =
            new KeyGrantor("team-admin", Set.of(KeyScope.TEAM_ADMIN, KeyScope.INFERENCE), Set.of("a", "b"), TEAM);

    @Test
    void anAdminMayGrantAnything() {
        KeyGrantor admin = new KeyGrantor("admin", Set.of(KeyScope.ADMIN), Set.of(), null);

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

    @Test
    void aTeamAdministratorManagesItsOwnTeamOnlyAndAnAdministratorEveryKey() {
        assertThat(team.teamBound()).isTrue();
        assertThat(team.manages(TEAM)).isTrue();
        assertThat(team.manages(UUID.randomUUID())).isFalse();
        assertThat(team.manages(null)).isFalse();
        KeyGrantor teamless = new KeyGrantor("x", Set.of(KeyScope.TEAM_ADMIN), Set.of(), null);
        assertThat(teamless.manages(null)).isFalse();
        assertThat(KeyGrantor.system("boot").teamBound()).isFalse();
        assertThat(KeyGrantor.system("boot").manages(null)).isTrue();
        assertThat(KeyGrantor.system("boot").manages(TEAM)).isTrue();
    }

    @Test
    void aTeamAdministratorCannotMintAViewerOrAdminKey() {
        assertThatCode(() -> team.checkGrant(List.of("team-admin", "inference"), List.of("a")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> team.checkGrant(List.of("viewer"), List.of()))
                .isInstanceOf(RegistryForbiddenException.class);
    }

    @Test
    void scopesHaveTheirWireNames() {
        assertThat(KeyScope.fromWire("Team-Admin")).isEqualTo(KeyScope.TEAM_ADMIN);
        assertThat(KeyScope.TEAM_ADMIN.wireName()).isEqualTo("team-admin");
        assertThat(KeyScope.fromWire(" viewer ")).isEqualTo(KeyScope.VIEWER);
        assertThatThrownBy(() -> KeyScope.fromWire("team_admin")).isInstanceOf(IllegalArgumentException.class);
    }
}
