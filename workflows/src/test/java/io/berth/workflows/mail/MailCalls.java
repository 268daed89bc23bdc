package io.berth.workflows.mail;

import io.temporal.activity.Activity;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every mail activity call the fakes served, in order, with the task queue it was served on. */
class MailCalls {

  record Call(String what, String taskQueue) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  void add(String what) {
    calls.add(new Call(what, Activity.getExecutionContext().getInfo().getActivityTaskQueue()));
  }

  List<Call> all() {
    return List.copyOf(calls);
  }

  /** What was called, without the queues. */
  List<String> names() {
    return calls.stream().map(Call::what).toList();
  }

  long count(String what) {
    return calls.stream().filter(c -> c.what().equals(what)).count();
  }
}
