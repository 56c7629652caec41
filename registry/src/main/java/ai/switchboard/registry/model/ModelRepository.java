package ai.switchboard.registry.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Models by id and by unique name; list queries fetch the provider in the same select. */
public interface ModelRepository extends JpaRepository<ModelEntity, UUID> {

    @EntityGraph(attributePaths = "provider")
    Optional<ModelEntity> findByName(String name);

    @EntityGraph(attributePaths = "provider")
    Optional<ModelEntity> findWithProviderById(UUID id);

    @EntityGraph(attributePaths = "provider")
    List<ModelEntity> findAllByOrderByNameAsc();

    boolean existsByName(String name);

    long countByProviderId(UUID providerId);

    List<ModelEntity> findByNameIn(Collection<String> names);
}
