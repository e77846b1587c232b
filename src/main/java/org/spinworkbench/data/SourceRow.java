package org.spinworkbench.data;

import com.google.gson.JsonObject;

/**
 * One row as the file held it, before any format is applied: its fields as a JSON object, or
 * the reason it could not be read (bad JSON, a broken CSV record). {@code number} is the 1-based
 * line or record index the messages name.
 */
record SourceRow(int number, JsonObject fields, String problem) {
    static SourceRow of(int number, JsonObject fields) {
        return new SourceRow(number, fields, null);
    }

    static SourceRow broken(int number, String problem) {
        return new SourceRow(number, null, problem);
    }

    boolean isBroken() {
        return problem != null;
    }
}
