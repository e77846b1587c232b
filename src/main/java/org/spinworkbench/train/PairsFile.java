package org.spinworkbench.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An iteration's scored pairs on disk, one JSON object per line, so a resumed run need not regenerate them. */
final class PairsFile {
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private PairsFile() {
    }

    static void write(Path file, List<ScoredPair> pairs) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ScoredPair pair : pairs) {
            text.append(JSON.toJson(pair)).append('\n');
        }
        RunFolder.writeAtomically(file, text.toString());
    }

    static List<ScoredPair> read(Path file) throws IOException {
        List<ScoredPair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                pairs.add(JSON.fromJson(line, ScoredPair.class));
            }
        }
        return pairs;
    }
}
