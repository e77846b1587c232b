package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that dies half-way leaves the previous model.safetensors as it was. */
class SafetensorsWriterCrashTest {
    @TempDir
    Path dir;

    @Test
    void aDiskThatFailsMidWriteLeavesTheOldFileAndNoLitter() throws IOException {
        Path model = dir.resolve("model.safetensors");
        new SafetensorsWriter().write(model, List.of(SafetensorsRoundTripTest.tensor("w", new long[] {8}, 1)),
                DType.F32, null);
        byte[] before = Files.readAllBytes(model);
        SafetensorsWriter failing = new SafetensorsWriter(file -> new DiskFullAfter(file, 100));

        IOException e = assertThrows(IOException.class, () -> failing.write(model,
                List.of(SafetensorsRoundTripTest.tensor("w", new long[] {1000}, 2)), DType.F32, null));

        assertEquals("No space left on device", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(model));
        assertEquals(Set.of("model.safetensors"), SafetensorsRoundTripTest.filesIn(dir));
    }

    /** Writes the first {@code limit} bytes to the file, then fails like a full disk. */
    private static final class DiskFullAfter implements WritableByteChannel {
        private final FileChannel file;
        private long left;

        DiskFullAfter(Path path, long limit) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.WRITE);
            this.left = limit;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (left <= 0) {
                throw new IOException("No space left on device");
            }
            int length = (int) Math.min(left, source.remaining());
            ByteBuffer part = source.slice().limit(length);
            int written = file.write(part);
            source.position(source.position() + written);
            left -= written;
            return written;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
