package ai.switchboard.registry.key;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Keys by id, hash and name. Names are unique among live keys only, since revoked rows are kept. */
public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    Optional<ApiKeyEntity> findByHash(String hash);

    /** Live and revoked keys with this name, newest first. */
    List<ApiKeyEntity> findByNameOrderByCreatedAtDesc(String name);

    boolean existsByNameAndRevokedFalse(String name);

    List<ApiKeyEntity> findByRevokedFalse();

    List<ApiKeyEntity> findAllByOrderByCreatedAtAsc();

    List<ApiKeyEntity> findByTeamId(UUID teamId);
}
