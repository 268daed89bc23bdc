package io.berth.activities.logs;

import java.io.IOException;

/**
 * Where a followed log delivers its lines, one at a time and in order. A sink that blocks (a slow
 * reader) holds the log back instead of letting lines pile up; a sink that throws ends the follow.
 */
@FunctionalInterface
public interface LineSink {

  void accept(LogLine line) throws IOException;
}
