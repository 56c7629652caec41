package ai.switchboard.registry.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentRepository extends JpaRepository<AgentEntity, UUID> {

    Optional<AgentEntity> findByName(String name);

    boolean existsByName(String name);

    List<AgentEntity> findAllByOrderByNameAsc();

    List<AgentEntity> findByNameIn(Collection<String> names);
}
