package io.berth.panel.common;

/**
 * Who asks: a customer sees only their own orders and sites; support staff see everyone's.
 *
 * @param customerId the signed-in account
 * @param email their sign-in email
 * @param support true for the SUPPORT role
 */
public record Caller(long customerId, String email, boolean support) {

  public static Caller customer(long customerId, String email) {
    return new Caller(customerId, email, false);
  }

  public boolean canSee(long ownerId) {
    return support || ownerId == customerId;
  }
}
