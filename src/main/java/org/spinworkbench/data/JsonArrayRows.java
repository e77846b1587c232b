package org.spinworkbench.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.spinworkbench.lm.JsonProblem;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array of row objects, numbered from 1 by position. The array is streamed element by
 * element. Broken JSON ends reading: past a syntax error there is no telling where the next
 * row starts, so no policy can skip it.
 */
final class JsonArrayRows {
    private JsonArrayRows() {
    }

    static List<SourceRow> read(Path file) {
        List<SourceRow> rows = new ArrayList<>();
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader json = new JsonReader(text)) {
            skipByteOrderMark(text);
            json.beginArray();
            int number = 0;
            while (json.hasNext()) {
                number++;
                JsonElement element = JsonParser.parseReader(json);
                rows.add(element.isJsonObject()
                        ? SourceRow.of(number, element.getAsJsonObject())
                        : SourceRow.broken(number, "expected a JSON object, found " + kind(element)));
            }
            json.endArray();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new DataFileException(file, 0, "text after the end of the JSON array");
            }
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "not UTF-8 text");
        } catch (JsonParseException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataFileException(file, 0, "not UTF-8 text");
            }
            throw new DataFileException(file, 0, "not a valid JSON array of rows: " + JsonProblem.describe(e));
        } catch (IOException | IllegalStateException e) {
            // Gson's message says where: "... at line 5 column 3 path $[2].real"
            throw new DataFileException(file, 0, "not a valid JSON array of rows: " + JsonProblem.describe(e));
        }
        return rows;
    }

    private static void skipByteOrderMark(Reader text) throws IOException {
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        return element.isJsonNull() ? "null" : "a single value";
    }
}
