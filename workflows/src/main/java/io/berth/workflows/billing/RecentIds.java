package io.berth.workflows.billing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The newest ids a subscription has seen (events acted on, invoices counted as paid), at most
 * {@code capacity} of them, so the memory carried over continue-as-new stays small.
 */
final class RecentIds {

  private final int capacity;
  private final LinkedHashSet<String> ids = new LinkedHashSet<>();

  RecentIds(int capacity, List<String> carried) {
    this.capacity = capacity;
    if (carried != null) {
      carried.forEach(this::add);
    }
  }

  boolean contains(String id) {
    return ids.contains(id);
  }

  /** Remembers the id, forgetting the oldest beyond the capacity; false if it was known. */
  boolean add(String id) {
    if (!ids.add(id)) {
      return false;
    }
    while (ids.size() > capacity) {
      ids.remove(ids.iterator().next());
    }
    return true;
  }

  List<String> toList() {
    return List.copyOf(new ArrayList<>(ids));
  }
}
