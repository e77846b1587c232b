package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void chineseCharactersCountAsTwoColumns() {
        assertEquals(4, TextTable.displayWidth("算术"));
        assertEquals(6, TextTable.displayWidth("ab算术"));
    }

    @Test
    void fullWidthSignsAndEmojiAreWideAndCombiningMarksTakeNoColumn() {
        assertEquals(4, TextTable.displayWidth("\uFFE0\uFFE6"), "full-width cent and won signs");
        assertEquals(3, TextTable.displayWidth("a\uD83D\uDE00"), "an emoji outside the BMP");
        assertEquals(1, TextTable.displayWidth("e\u0301"), "e with a combining acute accent");
        assertEquals(0, TextTable.displayWidth("\u0007"), "a control character");
    }

    @Test
    void columnsLineUpByDisplayWidth() {
        StringWriter text = new StringWriter();
        new TextTable("NAME", "CREATED").row("算术练习", "today").row("Demo", "yesterday").print(new PrintWriter(text));
        assertEquals(String.join("\n",
                "NAME      CREATED",
                "算术练习  today",
                "Demo      yesterday", ""), text.toString());
    }
}
