package org.spinworkbench.lm.hf;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Model folders under {@code src/test/resources/tokenizers/}; a missing one fails the test. */
final class TokenizerFixtures {
    private TokenizerFixtures() {
    }

    static Path folder(String name) {
        URL config = TokenizerFixtures.class.getResource("/tokenizers/" + name + "/tokenizer_config.json");
        if (config == null) {
            throw new IllegalStateException("The test fixture tokenizers/" + name + " is missing.");
        }
        try {
            return Path.of(config.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
