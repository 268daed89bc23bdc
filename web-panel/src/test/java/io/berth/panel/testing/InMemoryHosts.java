package io.berth.panel.testing;

import io.berth.persistence.host.Host;
import io.berth.persistence.host.HostRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/** Docker hosts by id, as their workers' heartbeats register them. */
public class InMemoryHosts implements HostRepository, Resettable {

  private final Map<String, Host> rows = new TreeMap<>();

  @Override
  public synchronized void reset() {
    rows.clear();
  }

  @Override
  public synchronized void heartbeat(String id, int first, int last, String address) {
    rows.put(id, new Host(id, Instant.now(), first, last, address));
  }

  @Override
  public synchronized <S extends Host> S save(S host) {
    rows.put(host.id(), host);
    return host;
  }

  @Override
  public synchronized <S extends Host> List<S> saveAll(Iterable<S> hosts) {
    List<S> saved = new ArrayList<>();
    hosts.forEach(h -> saved.add(save(h)));
    return saved;
  }

  @Override
  public synchronized Optional<Host> findById(String id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized boolean existsById(String id) {
    return rows.containsKey(id);
  }

  @Override
  public synchronized List<Host> findAll() {
    return List.copyOf(rows.values());
  }

  @Override
  public synchronized List<Host> findAllById(Iterable<String> ids) {
    return StreamSupport.stream(ids.spliterator(), false)
        .map(rows::get)
        .filter(h -> h != null)
        .toList();
  }

  @Override
  public synchronized long count() {
    return rows.size();
  }

  @Override
  public synchronized void deleteById(String id) {
    rows.remove(id);
  }

  @Override
  public synchronized void delete(Host host) {
    rows.remove(host.id());
  }

  @Override
  public synchronized void deleteAllById(Iterable<? extends String> ids) {
    ids.forEach(rows::remove);
  }

  @Override
  public synchronized void deleteAll(Iterable<? extends Host> hosts) {
    hosts.forEach(this::delete);
  }

  @Override
  public synchronized void deleteAll() {
    rows.clear();
  }
}
