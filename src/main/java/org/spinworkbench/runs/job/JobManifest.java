package org.spinworkbench.runs.job;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.spinworkbench.AppInfo;
import org.spinworkbench.store.ContentHash;

/**
 * {@code manifest.json} of a job folder: whose iteration the job trains (the run, by id and by
 * the hash of its stored settings, so a job is never imported into another run that happens
 * to share the id) and the SHA-256 of every file the workbench wrote. An import checks every
 * hash before it reads anything else; the trainer's {@code output/} is not in it.
 */
record JobManifest(long run, int iteration, String runSettingsSha256, Map<String, String> files) {
    static final String FILE = "manifest.json";
    static final String FORMAT = "spin-workbench-job/1";
    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The manifest of everything now in {@code folder} (hidden files and the trainer's output aside). */
    static JobManifest of(Path folder, long run, int iteration, String runSettings) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : filesIn(folder)) {
            files.put(relative(folder, file), ContentHash.ofFile(file));
        }
        return new JobManifest(run, iteration, ContentHash.ofText(runSettings), files);
    }

    void write(Path folder) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("written_by", AppInfo.NAME + " " + AppInfo.version());
        json.addProperty("reference", JobFiles.REFERENCE_REPOSITORY + "@" + JobFiles.REFERENCE_COMMIT);
        json.addProperty("run", run);
        json.addProperty("iteration", iteration);
        json.addProperty("run_settings_sha256", runSettingsSha256);
        JsonObject hashes = new JsonObject();
        files.forEach(hashes::addProperty);
        json.add("files", hashes);
        Files.writeString(folder.resolve(FILE), JSON.toJson(json) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads {@code folder}'s manifest; a missing or damaged one is refused in a sentence naming it. */
    static JobManifest read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(folder + " is not a job folder: it has no " + FILE + ".");
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!json.has("format") || !FORMAT.equals(json.get("format").getAsString())) {
                throw new IllegalArgumentException(file + " is not a " + AppInfo.NAME + " job manifest (format "
                        + (json.has("format") ? json.get("format").getAsString() : "missing") + ").");
            }
            Map<String, String> files = new TreeMap<>();
            json.getAsJsonObject("files").entrySet().forEach(e -> files.put(e.getKey(), e.getValue().getAsString()));
            return new JobManifest(json.get("run").getAsLong(), json.get("iteration").getAsInt(),
                    json.get("run_settings_sha256").getAsString(), files);
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException
                 | UnsupportedOperationException e) {
            throw new IllegalArgumentException(file + " cannot be read as a job manifest; it was changed or damaged.");
        }
    }

    /**
     * Every file listed is there with its hash. Files added beside them (the trainer's logs, a
     * wandb folder) are the cluster's business and are not checked.
     */
    void verify(Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : files.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(entry.getKey() + " is missing");
            } else if (!ContentHash.ofFile(file).equals(entry.getValue())) {
                problems.add(entry.getKey() + " changed");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(folder + " does not match its " + FILE + " (" + String.join("; ",
                    problems.subList(0, Math.min(3, problems.size()))) + (problems.size() > 3 ? "; and "
                    + (problems.size() - 3) + " more" : "") + "); nothing was imported.");
        }
    }

    /** The files the workbench writes in a job folder: all of them but hidden ones, the manifest and {@code output/}. */
    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = relative(folder, file);
                        return !name.equals(FILE) && !name.startsWith(ReferenceRecipe.OUTPUT + "/")
                                && !name.startsWith(".") && !name.contains("/.");
                    })
                    .sorted().toList();
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
