package ai.switchboard.registry.ratelimit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rate limits by id and by target; at most one per key, team or model. */
public interface RateLimitRepository extends JpaRepository<RateLimitEntity, UUID> {

    Optional<RateLimitEntity> findByKeyId(UUID keyId);

    Optional<RateLimitEntity> findByTeamId(UUID teamId);

    Optional<RateLimitEntity> findByModelId(UUID modelId);

    List<RateLimitEntity> findAllByOrderByCreatedAtAsc();
}
