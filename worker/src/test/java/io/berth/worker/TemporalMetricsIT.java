package io.berth.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.spring.boot.autoconfigure.MetricsScopeAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * The worker's Temporal metrics reach Spring's registry, and so {@code /actuator/prometheus}: the
 * auto-configuration the worker runs with (Micrometer, Prometheus, the Temporal starter's metrics
 * scope, stubs and workers) on the real Temporal dev server, with one probe workflow whose activity
 * then shows up with its latency by activity type.
 */
@SpringBootTest(
    classes = TemporalMetricsIT.Context.class,
    properties = {
      "spring.temporal.namespace=berth-it",
      "spring.temporal.connection.target=127.0.0.1:7233",
      "spring.temporal.workers[0].task-queue=" + TemporalMetricsIT.QUEUE,
      "spring.temporal.workers[0].workflow-classes[0]=io.berth.worker.TemporalMetricsIT$ProbeWorkflowImpl",
      "spring.temporal.workers[0].activity-beans[0]=probeActivities"
    })
@AutoConfigureObservability(tracing = false)
class TemporalMetricsIT {

  static final String QUEUE = "berth-metrics-it";

  @SpringBootConfiguration
  @ImportAutoConfiguration({
    MetricsAutoConfiguration.class,
    CompositeMeterRegistryAutoConfiguration.class,
    PrometheusMetricsExportAutoConfiguration.class,
    MetricsScopeAutoConfiguration.class,
    ServiceStubsAutoConfiguration.class,
    RootNamespaceAutoConfiguration.class
  })
  static class Context {

    @Bean
    ProbeActivitiesImpl probeActivities() {
      return new ProbeActivitiesImpl();
    }
  }

  /** A workflow that runs one activity, so the worker has a step to measure. */
  @WorkflowInterface
  public interface ProbeWorkflow {
    @WorkflowMethod
    String run(String name);
  }

  /** The probe's one step. */
  @ActivityInterface
  public interface ProbeActivities {
    String greet(String name);
  }

  public static class ProbeActivitiesImpl implements ProbeActivities {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }
  }

  public static class ProbeWorkflowImpl implements ProbeWorkflow {
    private final ProbeActivities activities =
        Workflow.newActivityStub(
            ProbeActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public String run(String name) {
      return activities.greet(name);
    }
  }

  @Autowired WorkflowClient client;
  @Autowired PrometheusMeterRegistry prometheus;

  @Test
  void givenAWorkflowRan_whenScraping_itShowsTheActivityLatencyByActivityType() {
    ProbeWorkflow probe =
        client.newWorkflowStub(
            ProbeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("metrics-probe-" + System.nanoTime())
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .build());

    assertThat(probe.run("berth")).isEqualTo("hello berth");

    String scrape = prometheus.scrape();
    assertThat(
            Pattern.compile(
                    "^temporal_activity_execution_latency_seconds_count\\{[^}]*activity_type=\"Greet\"[^}]*\\} [1-9]",
                    Pattern.MULTILINE)
                .matcher(scrape)
                .find())
        .as("the probe's step in%n%s", scrape)
        .isTrue();
    assertThat(scrape).contains("temporal_workflow_endtoend_latency_seconds_count{");
  }
}
