package org.spinworkbench.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A text file's lines, each decoded as UTF-8 on its own, so that a line with a byte that is
 * not UTF-8 is one bad row with its number rather than the whole file refused. Lines end at
 * {@code \n}; a {@code \r} before it and a byte-order mark at the start of the file are dropped.
 * A line longer than {@link #MAX_LINE_BYTES} is a bad row too, and is never held in memory:
 * no row that long is one a model can train on, and reading it whole could exhaust the heap.
 */
final class Utf8Lines {
    /** What a reader does with each line: its text, or why it has none. */
    interface Visitor {
        void line(int number, String text);

        /** The line has no text: it is not UTF-8, or too long to read. */
        void unreadable(int number, String why);
    }

    /** The longest line read: 64 MiB, far beyond what any row a model can use needs. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private Utf8Lines() {
    }

    static void read(Path file, Visitor visitor) throws IOException {
        read(file, MAX_LINE_BYTES, visitor);
    }

    static void read(Path file, int maxLineBytes, Visitor visitor) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int number = 0;
            int b;
            boolean any = false;
            long length = 0;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    deliver(++number, line, length, maxLineBytes, decoder, visitor);
                    line.reset();
                    length = 0;
                    any = false;
                } else {
                    if (length < maxLineBytes) {
                        line.write(b);
                    }
                    length++;
                }
            }
            if (any) {
                deliver(++number, line, length, maxLineBytes, decoder, visitor);
            }
        }
    }

    private static void deliver(int number, ByteArrayOutputStream bytes, long lineBytes, int maxLineBytes,
                                CharsetDecoder decoder, Visitor visitor) {
        if (lineBytes > maxLineBytes) {
            visitor.unreadable(number, String.format(Locale.ROOT, "a line of %,d bytes, longer than any row can be (%,d bytes)",
                    lineBytes, maxLineBytes));
            return;
        }
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        ByteBuffer in = ByteBuffer.wrap(raw, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position(); // the first byte of the sequence that does not decode
            visitor.unreadable(number, String.format("not UTF-8 text (byte 0x%02X at byte %d of the line)",
                    raw[at] & 0xFF, at + 1));
            return;
        }
        String text = out.flip().toString();
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        visitor.line(number, text);
    }
}
