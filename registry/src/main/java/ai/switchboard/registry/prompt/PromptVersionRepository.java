package ai.switchboard.registry.prompt;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PromptVersionRepository extends JpaRepository<PromptVersionEntity, UUID> {

    List<PromptVersionEntity> findByPromptIdOrderByVersionAsc(UUID promptId);

    Optional<PromptVersionEntity> findByPromptIdAndVersion(UUID promptId, int version);

    Optional<PromptVersionEntity> findFirstByPromptIdOrderByVersionDesc(UUID promptId);
}
