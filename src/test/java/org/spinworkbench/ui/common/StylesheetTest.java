package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** Every screen adds rules to the stylesheets; a rule that does not parse silently drops the rest of the file. */
class StylesheetTest {

    @Test
    void theWorkbenchStylesheetsParseWithoutErrors() throws IOException {
        for (URL url : stylesheets()) {
            CssParser.errorsProperty().clear();
            Stylesheet sheet = new CssParser().parse(url);
            List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
            assertEquals(List.of(), errors, url.toString());
            assertFalse(sheet.getRules().isEmpty(), url.toString());
        }
    }

    private static List<URL> stylesheets() {
        return List.of(Styles.STYLESHEET, Styles.DARK_STYLESHEET).stream().map(name -> {
            URL url = StylesheetTest.class.getResource(name);
            assertNotNull(url, name);
            return url;
        }).toList();
    }
}
