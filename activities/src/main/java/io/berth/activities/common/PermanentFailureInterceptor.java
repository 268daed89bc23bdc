package io.berth.activities.common;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns a {@link PermanentException} thrown anywhere below an activity into a non-retryable {@link
 * ApplicationFailure} typed by its {@link io.berth.workflows.common.FailureType}, so adapters need
 * not know about Temporal and activities need no try/catch of their own.
 */
public class PermanentFailureInterceptor extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (PermanentException e) {
          throw ApplicationFailure.newNonRetryableFailureWithCause(
              e.getMessage(), e.type().type(), e);
        }
      }
    };
  }
}
