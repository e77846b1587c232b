package org.spinworkbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a dataset file's bytes, streamed through the digest (datasets can be larger than
 * memory wants to hold twice). The same value the store records for a registered file.
 */
public final class FileHash {
    private static final int BUFFER_BYTES = 1 << 16;

    private FileHash() {
    }

    /** Lower-case hex. */
    public static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
