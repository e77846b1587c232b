package org.spinworkbench.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.JsonProblem;

/** JSON Lines: one JSON object per line; blank lines are allowed and skipped. */
public final class JsonLines {
    private JsonLines() {
    }

    /** One object and the line it came from. */
    public record Line(int number, JsonObject object) {
        /** A required string field; a clear error naming the line when it is missing or not text. */
        public String text(Path file, String field) {
            JsonElement value = object.get(field);
            if (value == null || value.isJsonNull()) {
                throw new DataFileException(file, number, "missing field \"" + field + "\"");
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw new DataFileException(file, number, "field \"" + field + "\" must be a string");
            }
            return value.getAsString();
        }
    }

    public static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try {
            Utf8Lines.read(file, new Utf8Lines.Visitor() {
                @Override
                public void line(int number, String text) {
                    if (!text.isBlank()) {
                        lines.add(new Line(number, parseObject(file, number, text)));
                    }
                }

                @Override
                public void unreadable(int number, String why) {
                    throw new DataFileException(file, number, why);
                }
            });
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + Problems.describe(e));
        }
        return lines;
    }

    /** One line's object; a {@link DataFileException} naming the line when it is not one. */
    static JsonObject parseObject(Path file, int number, String text) {
        JsonElement element;
        try {
            element = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new DataFileException(file, number, "not valid JSON: " + JsonProblem.describeInLine(e));
        }
        if (!element.isJsonObject()) {
            throw new DataFileException(file, number, "expected a JSON object, found " + kind(element));
        }
        return element.getAsJsonObject();
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        return element.isJsonNull() ? "null" : "a single value";
    }

}
