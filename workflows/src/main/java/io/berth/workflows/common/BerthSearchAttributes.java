package io.berth.workflows.common;

import io.temporal.common.SearchAttributeKey;

/**
 * Custom search attributes (all Keyword) that let support staff find a customer's workflows in the
 * Temporal UI, e.g. {@code BerthCustomerId = "42"}. They must be registered on the server ({@code
 * temporal server start-dev --search-attribute BerthCustomerId=Keyword …}).
 */
public final class BerthSearchAttributes {

  public static final SearchAttributeKey<String> CUSTOMER_ID =
      SearchAttributeKey.forKeyword("BerthCustomerId");
  public static final SearchAttributeKey<String> ORDER_ID =
      SearchAttributeKey.forKeyword("BerthOrderId");
  public static final SearchAttributeKey<String> SITE_ID =
      SearchAttributeKey.forKeyword("BerthSiteId");

  /** A customer domain's name, e.g. {@code example.test}. */
  public static final SearchAttributeKey<String> DOMAIN =
      SearchAttributeKey.forKeyword("BerthDomain");

  public static final SearchAttributeKey<String> STEP = SearchAttributeKey.forKeyword("BerthStep");

  private BerthSearchAttributes() {}
}
