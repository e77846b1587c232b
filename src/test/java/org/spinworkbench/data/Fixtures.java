package org.spinworkbench.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The committed dataset files under src/test/resources/datasets; a missing one fails the test. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dataset(String name) {
        URL url = Fixtures.class.getResource("/datasets/" + name);
        if (url == null) {
            throw new AssertionError("missing test fixture datasets/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
