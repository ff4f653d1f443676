package org.campuslake.seed.gen;

import org.campuslake.seed.ErpTable;

/** Where simulated rows go: files for a bulk load, or JDBC batches for a daily advance. */
public interface RowSink {
    void insert(ErpTable table, Object[] row);

    /** Replaces the row with the same primary key (the first value). */
    void update(ErpTable table, Object[] row);
}
