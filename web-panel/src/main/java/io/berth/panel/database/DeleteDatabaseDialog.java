package io.berth.panel.database;

import io.berth.panel.ui.TypedConfirmationDialog;

/** Asks the customer to type the database's name before it is dropped with its data. */
class DeleteDatabaseDialog extends TypedConfirmationDialog {

  DeleteDatabaseDialog(DatabaseSummary database, Runnable onConfirm) {
    super(
        "database-delete",
        "Delete",
        database.name(),
        "Berth drops the database and its user with all their data."
            + (database.siteName() == null
                ? ""
                : " Site " + database.siteName() + " loses its access to it.")
            + " This cannot be undone.",
        "Keep the database",
        onConfirm);
  }
}
