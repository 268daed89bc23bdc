package io.berth.panel.domain;

import io.berth.panel.common.Caller;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DnsRecordSetRow;
import io.berth.persistence.domain.Domain;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.RecordSetChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The DNS editor of hosted zones. Each change goes to the domain's workflow, whose activity
 * validates it as a registrar would and applies it in one atomic UPDATE; the panel only checks what
 * it needs to address the record set (a known type, a TTL, at least one value).
 */
@Service
class DnsRecordService {

  static final List<String> RECORD_TYPES =
      List.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS");

  private final DomainLookup lookup;
  private final DnsRecordSetRepository recordSets;
  private final DomainWorkflows workflows;

  DnsRecordService(
      DomainLookup lookup, DnsRecordSetRepository recordSets, DomainWorkflows workflows) {
    this.lookup = lookup;
    this.recordSets = recordSets;
    this.workflows = workflows;
  }

  /** The record sets of a hosted zone, as last applied. */
  List<DnsRecordSet> records(Caller caller, long domainId) {
    DomainLookup.requireHosted(lookup.visible(caller, domainId));
    return stored(domainId);
  }

  /** The zone's record sets as stored, apex first. */
  List<DnsRecordSet> stored(long domainId) {
    return recordSets.findByDomainId(domainId).stream()
        .map(r -> new DnsRecordSet(r.name(), r.type(), r.ttl(), r.values(), r.managed()))
        .toList();
  }

  /**
   * Replaces the record set {@code (name, type)} with {@code values}; answers with the set as the
   * workflow stored it.
   */
  DnsRecordSet change(
      Caller caller, long domainId, String name, String type, Long ttl, List<String> values) {
    Domain domain = lookup.editableZone(caller, domainId);
    List<String> kept = values == null ? List.of() : tidy(values);
    List<FieldProblem> problems = new ArrayList<>();
    String recordType = recordType(type, problems);
    if (ttl == null) {
      problems.add(new FieldProblem(RecordProblemField.TTL, "Enter a TTL in seconds, e.g. 3600."));
    }
    if (kept.isEmpty()) {
      problems.add(
          new FieldProblem(
              RecordProblemField.VALUES,
              "Give at least one value, one per line; to remove the record set, delete it."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return workflows.changeRecordSet(
        domain.id(), new RecordSetChange(recordName(name), recordType, ttl, kept));
  }

  /** Deletes the record set {@code (name, type)} from the zone. */
  void delete(Caller caller, long domainId, String name, String type) {
    Domain domain = lookup.editableZone(caller, domainId);
    String owner = recordName(name);
    String recordType = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
    DnsRecordSetRow row =
        recordSets
            .findByDomainIdAndNameAndType(domainId, owner, recordType)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "There is no "
                            + recordType
                            + " record set at "
                            + owner
                            + " in "
                            + domain.name()
                            + "."));
    workflows.changeRecordSet(
        domainId, new RecordSetChange(row.name(), row.type(), row.ttl(), List.of()));
  }

  private static String recordType(String type, List<FieldProblem> problems) {
    String upper = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
    if (!RECORD_TYPES.contains(upper)) {
      problems.add(
          new FieldProblem(
              RecordProblemField.TYPE,
              "Choose a record type: " + String.join(", ", RECORD_TYPES) + "."));
    }
    return upper;
  }

  /** The owner relative to the zone, lower case; {@code "@"} for the apex. */
  private static String recordName(String name) {
    String owner = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return owner.isEmpty() ? "@" : owner;
  }

  private static List<String> tidy(List<String> values) {
    return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }
}
