package ai.switchboard.registry.route;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Routes by id and by unique name. */
public interface RouteRepository extends JpaRepository<RouteEntity, UUID> {

    Optional<RouteEntity> findByName(String name);

    List<RouteEntity> findAllByOrderByNameAsc();

    boolean existsByName(String name);

    List<RouteEntity> findByNameIn(Collection<String> names);
}
