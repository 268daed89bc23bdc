package io.berth.persistence.plan;

import io.berth.workflows.common.PlanLimits;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** What is sold. {@code period} is TRIAL, MONTH or YEAR; a trial costs nothing. */
@Table("plan")
public record Plan(
    @Id Long id,
    String code,
    String name,
    String description,
    int priceCents,
    String currency,
    String period,
    int trialDays,
    int cpuMillis,
    int memoryMb,
    int diskMb,
    int maxSites,
    int sortOrder,
    int maxDatabases,
    int maxMailboxes,
    int mailStorageMb,
    String stripePriceId) {

  public boolean isFree() {
    return priceCents == 0;
  }

  public PlanLimits limits() {
    return new PlanLimits(cpuMillis, memoryMb, diskMb, maxSites);
  }
}
