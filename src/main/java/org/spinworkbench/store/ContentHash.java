package org.spinworkbench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.spinworkbench.io.Sha256;

/**
 * SHA-256 fingerprints of registered models and datasets, so a run records exactly which
 * bytes it was trained from and a re-registered copy is recognised.
 * Files are streamed through {@link Sha256}.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
    public static String ofText(String text) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex SHA-256 of the file's bytes. */
    public static String ofFile(Path file) throws IOException {
        return Sha256.ofFile(file);
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
        MessageDigest digest = Sha256.newDigest();
        for (String relative : filesIn(folder)) {
            Path file = folder.resolve(relative);
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
            Sha256.update(digest, file);
        }
        return Sha256.hex(digest);
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
}
