package org.spinworkbench.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's results go: a file given with --output, else standard output. */
final class Output implements AutoCloseable {
    static final Gson JSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private final PrintWriter writer;
    private final boolean ownsWriter;

    private Output(PrintWriter writer, boolean ownsWriter) {
        this.writer = writer;
        this.ownsWriter = ownsWriter;
    }

    static Output to(Path file, PrintWriter standardOutput) throws IOException {
        if (file == null) {
            return new Output(standardOutput, false);
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        return new Output(new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)), true);
    }

    PrintWriter writer() {
        return writer;
    }

    void jsonLine(Object value) {
        writer.println(JSON.toJson(value));
    }

    @Override
    public void close() {
        writer.flush();
        if (ownsWriter) {
            writer.close();
        }
    }
}
