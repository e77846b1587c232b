package org.spinworkbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 fingerprints of registered models and datasets, so a run records exactly which
 * bytes it was trained from and a re-registered copy is recognised.
 *
 * <p>Files are streamed through the digest: model weights run to gigabytes and are never
 * read into memory whole.
 */
public final class ContentHash {
    private static final int BUFFER_BYTES = 1 << 16;

    private ContentHash() {
    }

    /** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex SHA-256 of the file's bytes. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        update(digest, file);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Lower-case hex SHA-256 over a folder's files, in sorted order of their relative paths
     * ({@code /}-separated, so the hash is the same on every OS). Each file contributes its
     * path, its length and its bytes; the lengths keep {@code a}+{@code bc} apart from
     * {@code ab}+{@code c}, and the paths make a rename change the hash.
     *
     * <p>Entries whose name starts with a dot are skipped: OS litter ({@code .DS_Store}) and
     * download-tool metadata ({@code .cache/huggingface}) change without the model changing.
     * Symbolic links to files are hashed by their target's bytes (the Hugging Face cache
     * links snapshot files to blobs); links to folders are not followed.
     */
    public static String ofFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        MessageDigest digest = sha256();
        for (String relative : filesIn(folder)) {
            Path file = folder.resolve(relative);
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
            update(digest, file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .filter(relative -> !hidden(relative))
                    .map(relative -> relative.toString().replace(relative.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // an unreadable sub-folder, met while walking
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
