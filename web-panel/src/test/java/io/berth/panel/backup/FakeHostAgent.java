package io.berth.panel.backup;

import io.berth.panel.common.NotFoundException;
import io.berth.panel.host.HostAgent;
import io.berth.panel.testing.Resettable;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host agent that answers the bytes a test gave for a host and path, and 404 for anything else;
 * it records what was opened.
 */
public class FakeHostAgent implements HostAgent, Resettable {

  public final List<String> opened = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

  @Override
  public void reset() {
    opened.clear();
    answers.clear();
  }

  /** The agent of {@code hostId} answers {@code body} at {@code pathAndQuery}. */
  public void answer(String hostId, String pathAndQuery, byte[] body) {
    answers.put(hostId + " " + pathAndQuery, body.clone());
  }

  @Override
  public InputStream open(String hostId, String pathAndQuery) {
    String key = hostId + " " + pathAndQuery;
    opened.add(key);
    byte[] body = answers.get(key);
    if (body == null) {
      throw new NotFoundException("The server has no " + pathAndQuery + ".");
    }
    return new ByteArrayInputStream(body);
  }
}
