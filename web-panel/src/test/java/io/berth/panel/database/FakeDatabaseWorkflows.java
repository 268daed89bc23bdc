package io.berth.panel.database;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.Secrets;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.InMemorySecrets;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.database.DatabaseRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does what the database workflows would: a reset stores a new generated password where the
 * activity would (the platform's secrets); or refuses, or is unreachable, as a test asks.
 */
public class FakeDatabaseWorkflows implements DatabaseWorkflows, Resettable {

  public final List<DatabaseRequest> started = new CopyOnWriteArrayList<>();
  public final List<String> resets = new CopyOnWriteArrayList<>();
  public final List<Long> deleted = new CopyOnWriteArrayList<>();
  public final List<Long> sitesTold = new CopyOnWriteArrayList<>();
  private final InMemorySecrets secrets;
  private final AtomicInteger passwords = new AtomicInteger();
  private volatile boolean unreachable;
  private volatile boolean notRunning;
  private volatile String rejection;

  public FakeDatabaseWorkflows(InMemorySecrets secrets) {
    this.secrets = secrets;
  }

  public void unreachable(boolean down) {
    unreachable = down;
  }

  /** The workflows have ended: signals find nobody. */
  public void notRunning(boolean gone) {
    notRunning = gone;
  }

  public void reject(String reason) {
    rejection = reason;
  }

  /** The password the n-th reset set (1 for the first). */
  public static String password(int n) {
    return "Generated-password-" + n;
  }

  @Override
  public void start(DatabaseRequest request) {
    failIfUnreachable();
    started.add(request);
  }

  @Override
  public void resetPassword(long databaseId, String requestId) {
    failIfUnreachable();
    if (rejection != null) {
      throw new ConflictException(rejection);
    }
    resets.add(databaseId + ":" + requestId);
    secrets.put(Secrets.databasePassword(databaseId), password(passwords.incrementAndGet()));
  }

  @Override
  public boolean delete(long databaseId) {
    failIfUnreachable();
    if (notRunning) {
      return false;
    }
    deleted.add(databaseId);
    return true;
  }

  @Override
  public boolean siteEnvironmentChanged(long siteId) {
    failIfUnreachable();
    if (notRunning) {
      return false;
    }
    sitesTold.add(siteId);
    return true;
  }

  private void failIfUnreachable() {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
  }

  @Override
  public void reset() {
    started.clear();
    resets.clear();
    deleted.clear();
    sitesTold.clear();
    passwords.set(0);
    unreachable = false;
    notRunning = false;
    rejection = null;
  }
}
