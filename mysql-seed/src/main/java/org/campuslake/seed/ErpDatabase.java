package org.campuslake.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections to the MySQL server that holds {@code erp} and {@code lake_meta}, as an account allowed to
 * write them. Extra driver properties (bulk-load settings) are added by the caller here; credentials are the
 * implementation's business and never pass through this module's arguments or logs.
 */
@FunctionalInterface
public interface ErpDatabase {
    Connection open(Properties extra) throws SQLException;

    default Connection open() throws SQLException {
        return open(new Properties());
    }
}
