package ai.switchboard.registry.mcp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface McpServerRepository extends JpaRepository<McpServerEntity, UUID> {

    Optional<McpServerEntity> findByName(String name);

    boolean existsByName(String name);

    List<McpServerEntity> findAllByOrderByNameAsc();
}
