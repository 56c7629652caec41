package ai.switchboard.registry.schedule;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentScheduleRepository extends JpaRepository<AgentScheduleEntity, UUID> {

    Optional<AgentScheduleEntity> findByName(String name);

    boolean existsByName(String name);

    List<AgentScheduleEntity> findAllByOrderByNameAsc();
}
