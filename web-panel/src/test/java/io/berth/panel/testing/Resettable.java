package io.berth.panel.testing;

/** A fake whose state is wiped before every view test. */
public interface Resettable {

  void reset();
}
