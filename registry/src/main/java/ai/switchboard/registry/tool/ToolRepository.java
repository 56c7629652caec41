package ai.switchboard.registry.tool;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ToolRepository extends JpaRepository<ToolEntity, UUID> {

    Optional<ToolEntity> findByName(String name);

    boolean existsByName(String name);

    List<ToolEntity> findAllByOrderByNameAsc();

    List<ToolEntity> findByNameIn(Collection<String> names);
}
