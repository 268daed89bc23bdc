package io.berth.persistence.plan;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface PlanRepository extends ListCrudRepository<Plan, Long> {

  List<Plan> findAllByOrderBySortOrder();
}
