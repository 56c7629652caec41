package ai.switchboard.registry.team;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamRepository extends JpaRepository<TeamEntity, UUID> {

    Optional<TeamEntity> findByName(String name);

    boolean existsByName(String name);

    List<TeamEntity> findAllByOrderByNameAsc();
}
