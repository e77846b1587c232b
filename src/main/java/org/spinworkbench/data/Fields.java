package org.spinworkbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Typed access to a row's fields, with the messages users see when a field is wrong. */
final class Fields {
    private Fields() {
    }

    static String text(JsonObject row, String field) {
        String value = optionalText(row, field);
        if (value == null) {
            throw new RowProblem("missing field \"" + field + "\"");
        }
        return value;
    }

    /** A required text that must not be blank; {@code what} names it in the message. */
    static String nonBlankText(JsonObject row, String field, String what) {
        String value = text(row, field);
        if (value.isBlank()) {
            throw new RowProblem("empty " + what + " (\"" + field + "\")");
        }
        return value;
    }

    /** null when absent or JSON null; a problem when present but not text. */
    static String optionalText(JsonObject row, String field) {
        JsonElement value = row.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new RowProblem("field \"" + field + "\" must be text, found " + kind(value));
        }
        return value.getAsString();
    }

    static JsonArray list(JsonObject row, String field) {
        JsonElement value = row.get(field);
        if (value == null || value.isJsonNull()) {
            throw new RowProblem("missing field \"" + field + "\"");
        }
        if (!value.isJsonArray()) {
            throw new RowProblem("field \"" + field + "\" must be a list of messages, found " + kind(value));
        }
        return value.getAsJsonArray();
    }

    static String kind(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return "true/false";
        }
        return value.getAsJsonPrimitive().isNumber() ? "a number" : "text";
    }
}
