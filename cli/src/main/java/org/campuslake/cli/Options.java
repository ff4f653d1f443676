package org.campuslake.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Shared option types. */
final class Options {
    private Options() {}

    /** YYYY-MM-DD, with an error that says so. */
    static final class Date implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a valid date (expected YYYY-MM-DD)");
            }
        }
    }

    /** Where the ERP lives: the local embedded server by default, or any MySQL reachable over JDBC. */
    static final class Database {
        @CommandLine.Option(names = "--port", paramLabel = "N",
                description = "Port of the local MariaDB (default: $LAKE_DB_PORT or 3307).")
        Integer port;

        @CommandLine.Option(names = "--db-url", paramLabel = "JDBC_URL",
                description = "Use this MySQL server instead of the local one, e.g. jdbc:mysql://edge:3306/ (cluster).")
        String url;

        @CommandLine.Option(names = "--db-user", paramLabel = "USER", defaultValue = "etl",
                description = "Account for --db-url (default: ${DEFAULT-VALUE}).")
        String user;

        @CommandLine.Option(names = "--db-password-file", paramLabel = "FILE",
                description = "File holding the password of --db-user (never pass a password on the command line).")
        java.nio.file.Path passwordFile;
    }
}
