package org.spinworkbench.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.lm.JsonProblem;

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

    /** The pairs; a damaged file is named with its line, and deleting it makes the iteration generate them again. */
    static List<ScoredPair> read(Path file) throws IOException {
        List<ScoredPair> pairs = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            ScoredPair pair;
            try {
                pair = JSON.fromJson(lines.get(i), ScoredPair.class);
            } catch (JsonParseException e) {
                throw damaged(file, i + 1, JsonProblem.describeInLine(e));
            }
            if (pair == null || pair.promptTokens() == null || pair.realTokens() == null
                    || pair.syntheticTokens() == null) {
                throw damaged(file, i + 1, "a pair without its tokens");
            }
            pairs.add(pair);
        }
        return pairs;
    }

    private static IOException damaged(Path file, int line, String why) {
        return new IOException(file + " line " + line + " is damaged (" + why + "). Delete the file to generate"
                + " the iteration's pairs again, then resume.");
    }
}
