package io.berth.worker.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The worker's host agent: its {@link AgentToken}, the bearer check on {@code /agent/*}, and
 * streamed answers that run on threads of their own for as long as their reader stays (no async
 * timeout: a followed log ends when its reader goes away).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
public class AgentWebConfig implements WebMvcConfigurer {

  /** More streams than this at once wait for one to end. */
  static final int MAX_STREAMS = 256;

  @Bean
  AgentToken agentToken() {
    return AgentToken.generate();
  }

  @Bean
  OpenFollows openFollows(ObjectProvider<MeterRegistry> registry) {
    OpenFollows follows = new OpenFollows();
    registry.ifAvailable(
        meters ->
            Gauge.builder("berth.agent.log.follows", follows, OpenFollows::count)
                .description("Followed logs the agent is streaming")
                .register(meters));
    return follows;
  }

  @Bean
  FilterRegistrationBean<AgentAuthFilter> agentAuthFilter(AgentToken token, ObjectMapper json) {
    FilterRegistrationBean<AgentAuthFilter> registration =
        new FilterRegistrationBean<>(new AgentAuthFilter(token, json));
    registration.addUrlPatterns("/agent/*");
    registration.setName("agentAuthFilter");
    return registration;
  }

  @Override
  public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
    SimpleAsyncTaskExecutor streams = new SimpleAsyncTaskExecutor("agent-stream-");
    streams.setConcurrencyLimit(MAX_STREAMS);
    configurer.setTaskExecutor(streams);
    configurer.setDefaultTimeout(0);
  }
}
