package ai.switchboard.registry.provider;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Providers by id and by unique name. */
public interface ProviderRepository extends JpaRepository<ProviderEntity, UUID> {

    Optional<ProviderEntity> findByName(String name);

    boolean existsByName(String name);

    List<ProviderEntity> findAllByOrderByNameAsc();
}
