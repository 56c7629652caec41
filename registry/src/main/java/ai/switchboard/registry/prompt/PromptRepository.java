package ai.switchboard.registry.prompt;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PromptRepository extends JpaRepository<PromptEntity, UUID> {

    Optional<PromptEntity> findByName(String name);

    boolean existsByName(String name);

    List<PromptEntity> findAllByOrderByNameAsc();
}
