package io.berth.worker.agent;

/** A request to the agent with a parameter it cannot serve; answered 400. */
class BadAgentRequestException extends RuntimeException {

  BadAgentRequestException(String detail) {
    super(detail);
  }
}
