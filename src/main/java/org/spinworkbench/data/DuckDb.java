package org.spinworkbench.data;

import java.util.Properties;

/**
 * How this project opens DuckDB, the engine behind its Parquet files: in memory, with
 * extension loading off (Parquet and JSON are built into the driver, and reading or writing a
 * dataset must never try to download anything).
 */
final class DuckDb {
    private DuckDb() {
    }

    static Properties offline() {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("jdbc_stream_results", "true");
        return properties;
    }

    /** A SQL string literal, for the statements (COPY) that take no parameters. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The first line of a driver message, which is the sentence; the rest is DuckDB's context. */
    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
