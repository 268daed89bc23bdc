package io.berth.worker.agent;

import io.berth.activities.docker.DockerConfig;
import io.berth.activities.logs.LogsConfig;
import io.berth.activities.proxy.ProxyConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The worker's agent on its own: the web server, the agent's beans and the logs of this host's real
 * Docker engine, without Temporal or the platform database (the agent needs neither).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  ServletWebServerFactoryAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  ErrorMvcAutoConfiguration.class
})
@Import({
  AgentWebConfig.class,
  AgentAddress.class,
  SiteLogsController.class,
  AgentProblems.class,
  DockerConfig.class,
  ProxyConfig.class,
  LogsConfig.class
})
class AgentTestApplication {}
