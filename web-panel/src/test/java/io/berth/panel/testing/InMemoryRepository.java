package io.berth.panel.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.springframework.data.repository.ListCrudRepository;

/** A Spring Data repository kept in a map, with identity ids like the real tables. */
public abstract class InMemoryRepository<T> implements ListCrudRepository<T, Long>, Resettable {

  private final Map<Long, T> rows = new TreeMap<>();
  private final AtomicLong ids = new AtomicLong();

  protected abstract Long idOf(T entity);

  protected abstract T withId(T entity, long id);

  /** Throws like a unique index would; called before every insert or update. */
  protected void checkConstraints(T entity, Long id) {}

  @Override
  public synchronized void reset() {
    rows.clear();
  }

  protected synchronized List<T> where(Predicate<T> filter) {
    return rows.values().stream().filter(filter).toList();
  }

  protected synchronized List<T> where(Predicate<T> filter, Comparator<T> order) {
    return rows.values().stream().filter(filter).sorted(order).toList();
  }

  @Override
  public synchronized <S extends T> S save(S entity) {
    Long id = idOf(entity);
    checkConstraints(entity, id);
    @SuppressWarnings("unchecked")
    S stored = id == null ? (S) withId(entity, ids.incrementAndGet()) : entity;
    rows.put(idOf(stored), stored);
    return stored;
  }

  @Override
  public synchronized <S extends T> List<S> saveAll(Iterable<S> entities) {
    List<S> saved = new ArrayList<>();
    entities.forEach(e -> saved.add(save(e)));
    return saved;
  }

  @Override
  public synchronized Optional<T> findById(Long id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized boolean existsById(Long id) {
    return rows.containsKey(id);
  }

  @Override
  public synchronized List<T> findAll() {
    return List.copyOf(rows.values());
  }

  @Override
  public synchronized List<T> findAllById(Iterable<Long> ids) {
    return StreamSupport.stream(ids.spliterator(), false)
        .map(rows::get)
        .filter(e -> e != null)
        .toList();
  }

  @Override
  public synchronized long count() {
    return rows.size();
  }

  @Override
  public synchronized void deleteById(Long id) {
    rows.remove(id);
  }

  @Override
  public synchronized void delete(T entity) {
    rows.remove(idOf(entity));
  }

  @Override
  public synchronized void deleteAllById(Iterable<? extends Long> ids) {
    ids.forEach(rows::remove);
  }

  @Override
  public synchronized void deleteAll(Iterable<? extends T> entities) {
    entities.forEach(this::delete);
  }

  @Override
  public synchronized void deleteAll() {
    rows.clear();
  }

  protected synchronized void replace(Long id, java.util.function.UnaryOperator<T> change) {
    rows.computeIfPresent(id, (k, v) -> change.apply(v));
  }
}
