package io.berth.activities.database;

/**
 * Where a customer's containers reach the customer's database server.
 *
 * @param host the server's name on the customer's network (Docker's embedded DNS resolves it)
 * @param port the server's port on that network
 * @param network the customer's network, the only one the server is attached to
 */
public record DatabaseServer(String host, int port, String network) {}
