package io.berth.activities.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.berth.activities.database.DatabaseNames;
import io.berth.activities.docker.DockerNames;

/**
 * Removes what a test made on the engine for its sites and customers: site containers and volumes,
 * then database servers and their volumes, then the customers' networks (only empty networks can
 * go).
 */
public final class DockerLeftovers {

  private DockerLeftovers() {}

  public static void remove(DockerClient docker, PlatformRows rows) {
    for (long site : rows.sites) {
      quietly(() -> docker.removeContainerCmd(DockerNames.container(site)).withForce(true).exec());
    }
    for (long site : rows.sites) {
      quietly(() -> docker.removeVolumeCmd(DockerNames.volume(site)).exec());
    }
    for (long customer : rows.customers) {
      quietly(
          () ->
              docker.removeContainerCmd(DatabaseNames.container(customer)).withForce(true).exec());
      quietly(() -> docker.removeVolumeCmd(DatabaseNames.volume(customer)).exec());
      String network = DockerNames.network(customer);
      docker.listNetworksCmd().withNameFilter(network).exec().stream()
          .filter(found -> found.getName().equals(network))
          .forEach(found -> quietly(() -> docker.removeNetworkCmd(found.getId()).exec()));
    }
  }

  private static void quietly(Runnable cleanup) {
    try {
      cleanup.run();
    } catch (NotFoundException e) {
      // Already gone.
    }
  }
}
