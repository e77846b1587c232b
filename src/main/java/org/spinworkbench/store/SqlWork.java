package org.spinworkbench.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on the workspace connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
