package io.berth.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import io.berth.activities.backup.BackupHostActivitiesImpl;
import io.berth.activities.backup.BackupStorage;
import io.berth.activities.backup.BackupStorageProperties;
import io.berth.activities.backup.BackupVerifier;
import io.berth.activities.backup.DatabaseDumper;
import io.berth.activities.backup.DirectoryBackupStorage;
import io.berth.activities.backup.HelperContainers;
import io.berth.activities.backup.MariaDbTools;
import io.berth.activities.backup.RestoredFiles;
import io.berth.activities.backup.RestoredTables;
import io.berth.activities.backup.ScratchDatabases;
import io.berth.activities.backup.VolumeArchiver;
import io.berth.activities.docker.ContainerRuntime;
import io.berth.activities.docker.DockerProperties;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Backups on this host: the storage under {@code berth.backup.dir}, the helpers that reach volumes
 * and database servers through the Docker engine, and the {@code backupHostActivities} bean that
 * {@code application.yml} registers on this host's queue. Helper containers use {@code
 * berth.backup.helper-image} (default {@code debian:bookworm-slim}); the scratch database of a
 * verification uses the customers' database image ({@code berth.databases.image}).
 */
@Configuration
class BackupHostBeans {

  @Bean
  DirectoryBackupStorage backupStorage(
      BackupStorageProperties properties, Environment environment) {
    return new DirectoryBackupStorage(properties.directory(environment));
  }

  @Bean
  HelperContainers backupHelperContainers(
      DockerClient docker,
      DockerProperties dockerProperties,
      @Value("${berth.backup.helper-image:debian:bookworm-slim}") String image) {
    return new HelperContainers(docker, image, dockerProperties.endpoint());
  }

  @Bean
  MariaDbTools mariaDbTools(DockerClient docker, DockerProperties dockerProperties) {
    return new MariaDbTools(docker, dockerProperties.endpoint());
  }

  @Bean
  BackupHostActivitiesImpl backupHostActivities(
      BackupStorage storage,
      HelperContainers helpers,
      MariaDbTools tools,
      DockerClient docker,
      DockerProperties dockerProperties,
      ContainerRuntime containers,
      ObjectMapper json,
      @Value("${berth.databases.image:berth/mariadb:1}") String databaseImage) {
    VolumeArchiver archiver = new VolumeArchiver(helpers);
    ScratchDatabases scratch =
        new ScratchDatabases(docker, helpers, tools, databaseImage, dockerProperties.endpoint());
    return new BackupHostActivitiesImpl(
        storage,
        archiver,
        new DatabaseDumper(tools),
        new BackupVerifier(storage, helpers, archiver, scratch, tools, json),
        new RestoredFiles(helpers, archiver),
        new RestoredTables(tools),
        containers,
        json,
        Clock.systemUTC());
  }
}
