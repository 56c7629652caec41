package ai.switchboard.registry.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BudgetRepository extends JpaRepository<BudgetEntity, UUID> {

    Optional<BudgetEntity> findByName(String name);

    boolean existsByName(String name);

    List<BudgetEntity> findAllByOrderByNameAsc();
}
