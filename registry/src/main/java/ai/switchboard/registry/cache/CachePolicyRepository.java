package ai.switchboard.registry.cache;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Cache policies by id and by target; at most one per key, model or route. */
public interface CachePolicyRepository extends JpaRepository<CachePolicyEntity, UUID> {

    Optional<CachePolicyEntity> findByKeyId(UUID keyId);

    Optional<CachePolicyEntity> findByModelId(UUID modelId);

    Optional<CachePolicyEntity> findByRouteId(UUID routeId);

    List<CachePolicyEntity> findAllByOrderByCreatedAtAsc();
}
