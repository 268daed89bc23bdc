package io.berth.panel.domain;

import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.progress.Step;
import java.util.List;

/**
 * One domain as its page shows it, with the live steps of its workflow. Two snapshots are equal
 * when nothing a customer could see has changed.
 *
 * @param progressAvailable false when the workflow service could not be asked; steps are then the
 *     plain list of steps, all pending
 * @param nameServers what to set at the registrar (hosted DNS; empty otherwise)
 * @param recordsToCreate what to create at the customer's DNS provider (external DNS; empty
 *     otherwise)
 * @param records the hosted zone's record sets (empty for external DNS)
 */
record DomainDetails(
    DomainSummary domain,
    List<Step> steps,
    boolean progressAvailable,
    List<String> nameServers,
    List<RequiredRecord> recordsToCreate,
    List<DnsRecordSet> records) {

  DomainDetails {
    steps = List.copyOf(steps);
    nameServers = List.copyOf(nameServers);
    recordsToCreate = List.copyOf(recordsToCreate);
    records = List.copyOf(records);
  }

  long id() {
    return domain.id();
  }
}
