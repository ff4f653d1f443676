package org.campuslake.ingest.catalog;

import java.sql.Types;

/** Contract types, and the JDBC types of the source each one accepts. */
public enum ColumnType {
    INT(Types.INTEGER, Types.SMALLINT, Types.TINYINT),
    BIGINT(Types.BIGINT),
    DECIMAL(Types.DECIMAL, Types.NUMERIC),
    STRING(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR),
    DATE(Types.DATE),
    TIMESTAMP(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

    private final int[] jdbcTypes;

    ColumnType(int... jdbcTypes) {
        this.jdbcTypes = jdbcTypes;
    }

    public boolean accepts(int jdbcType) {
        for (int t : jdbcTypes) {
            if (t == jdbcType) {
                return true;
            }
        }
        return false;
    }

    public boolean isNumeric() {
        return this == INT || this == BIGINT || this == DECIMAL;
    }
}
