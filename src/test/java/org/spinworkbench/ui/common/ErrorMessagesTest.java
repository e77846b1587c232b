package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.spinworkbench.data.DataFileException;

class ErrorMessagesTest {
    private final Messages english = Messages.forLocale(Locale.ENGLISH);

    /** A missing file, a full disk or a bad data row is the machine's or the file's state: told plainly. */
    @Test
    void fileAndDataFailuresAreToldInTheirOwnWords() {
        assertEquals("/data/train.jsonl does not exist", ErrorMessages.describe(
                new CompletionException(new NoSuchFileException("/data/train.jsonl")), english));
        assertEquals("No space left on device", ErrorMessages.describe(
                new UncheckedIOException(new IOException("No space left on device")), english));
        assertEquals("train.jsonl line 3: no 'prompt' field", ErrorMessages.describe(
                new DataFileException(Path.of("/data/train.jsonl"), 3, "no 'prompt' field"), english));
        assertEquals("the learning rate must be positive", ErrorMessages.describe(
                new IllegalArgumentException("the learning rate must be positive"), english));
    }

    @Test
    void anythingElseIsADefectToReport() {
        assertEquals("Something unexpected went wrong (NullPointerException). Please report this.",
                ErrorMessages.describe(new CompletionException(new NullPointerException()), english));
        assertEquals("Something unexpected went wrong (IllegalStateException: closed). Please report this.",
                ErrorMessages.describe(new IllegalStateException("closed"), english));
    }
}
