package org.spinworkbench.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.spinworkbench.lm.ChatMessage;

/**
 * Writes examples in the SPIN reference layout, one JSON object per line:
 * {@code {"real": [prompt..., assistant: real], "generated": [prompt..., assistant: synthetic]}},
 * the layout the reference trainer reads and {@link SpinRows} reads back. The file is written
 * beside the target and moved into place in one step, so a full disk or a bad example never
 * leaves a half-written dataset where a whole one is expected.
 */
public final class SpinDatasetWriter {
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private SpinDatasetWriter() {
    }

    /**
     * Writes {@code examples} to {@code file}, replacing it if it exists. Every example needs a
     * generated response: a row without one is not a SPIN pair.
     *
     * @throws IllegalArgumentException naming the example when one has no generated response
     */
    public static void write(Path file, List<Example> examples) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                for (int i = 0; i < examples.size(); i++) {
                    out.write(JSON.toJson(row(examples.get(i), i + 1)));
                    out.write('\n');
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** One line: the same prompt twice, once with each answer. */
    static JsonObject row(Example example, int position) {
        if (example.generatedResponse() == null) {
            throw new IllegalArgumentException("Example " + position + " (row " + example.row()
                    + ") has no generated response to write as a SPIN pair.");
        }
        JsonObject row = new JsonObject();
        row.add("real", conversation(example.prompt(), example.realResponse()));
        row.add("generated", conversation(example.prompt(), example.generatedResponse()));
        return row;
    }

    private static JsonArray conversation(List<ChatMessage> prompt, String response) {
        JsonArray messages = new JsonArray();
        for (ChatMessage message : prompt) {
            messages.add(message(message.role(), message.content()));
        }
        messages.add(message(ChatMessage.ASSISTANT, response));
        return messages;
    }

    private static JsonObject message(String role, String content) {
        JsonObject message = new JsonObject();
        message.addProperty("role", role);
        message.addProperty("content", content);
        return message;
    }
}
