package org.spinworkbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void aMessageIsKeptAsItIs() {
        assertEquals("the disk is full", Problems.describe(new IOException("the disk is full")));
    }

    @Test
    void exceptionsWithoutAMessageSayWhatTheirTypeMeansNeverNull() {
        assertEquals("interrupted", Problems.describe(new ClosedByInterruptException()));
        assertEquals("an internal error (NullPointerException)", Problems.describe(new NullPointerException()));
        assertEquals("an internal error (IOException)", Problems.describe(new IOException()));
        assertEquals("an unknown failure", Problems.describe(null));
    }

    @Test
    void fileSystemExceptionsCarryingABarePathBecomeASentence() {
        assertEquals("/data/train.jsonl does not exist", Problems.describe(new NoSuchFileException("/data/train.jsonl")));
        assertEquals("/ws: permission denied", Problems.describe(new AccessDeniedException("/ws")));
    }

    @Test
    void aWrapperWithoutItsOwnMessageIsDescribedByItsCause() {
        assertEquals("interrupted", Problems.describe(new RuntimeException((String) null,
                new ClosedByInterruptException())));
        assertEquals("x does not exist", Problems.describe(new UncheckedIOException(null, new NoSuchFileException("x"))));
    }

    /** Java words a wrapper made from its cause alone as "java.nio.file.NoSuchFileException: x". */
    @Test
    void aWrapperMadeFromItsCauseAloneIsDescribedByItsCause() {
        assertEquals("/ws/model does not exist",
                Problems.describe(new UncheckedIOException(new NoSuchFileException("/ws/model"))));
        assertEquals("No space left on device",
                Problems.describe(new RuntimeException(new IOException("No space left on device"))));
        assertEquals("saving the checkpoint: No space left on device", Problems.describe(
                new UncheckedIOException("saving the checkpoint: No space left on device", new IOException("x"))));
    }
}
