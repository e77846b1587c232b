package org.spinworkbench.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** Gson's messages, from real parse failures, as one line for the user. */
class JsonProblemTest {
    private static String problem(String text) {
        return JsonProblem.describe(assertThrows(JsonParseException.class, () -> JsonParser.parseString(text)));
    }

    @Test
    void malformedTextNamesWhatAndWhereWithoutTheAdviceOrThePath() {
        assertEquals("unterminated object at line 1, column 12", problem("{\"a\": \"b\" \"c\": 1}"));
        assertEquals("unterminated string at line 1, column 12", problem("{\"a\": [\"bcd"));
        assertEquals("expected ':' at line 1, column 7", problem("{\"a\" 1}"));
    }

    @Test
    void textThatStopsEarlySaysSo() {
        assertEquals("the text ends at line 1, column 7 before the JSON does", problem("{\"a\": "));
        // one line of a JSON Lines file: its number is the file's, so only the column is given
        assertEquals("expected ':' at column 7", JsonProblem.describeInLine(
                assertThrows(JsonParseException.class, () -> JsonParser.parseString("{\"a\" 1}"))));
        assertEquals("the text ends at line 2, column 1 before the JSON does", problem("[1,\n"));
    }
}
