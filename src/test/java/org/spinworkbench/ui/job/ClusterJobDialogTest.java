package org.spinworkbench.ui.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.job.ClusterJobs;
import org.spinworkbench.store.Sample;
import org.spinworkbench.store.Split;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.compare.CompareViewModel;
import org.spinworkbench.ui.compare.PromptRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Both ends of a hand-off in real windows: the job written from the export side's dialog, the
 * cluster's output written by hand (no GPU here), the job imported from the import dialog, and
 * the imported iteration in the compare view like a local one.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterJobDialogTest extends FxRobot {
    @TempDir
    Path dir;
    private Workspace workspace;
    private Stage owner;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void aJobIsWrittenFromOneDialogAndImportedFromTheOther() throws Exception {
        workspace = Workspace.open(dir.resolve("ws"));
        long run = ClusterJobs.preparedRun(workspace, dir);
        Path job = dir.resolve("job");

        interact(() -> ClusterJobDialog.exporting(owner, workspace, new CurrentThreadTaskExecutor(), messages,
                Device.cpu(), run).show());
        waitUntil(() -> text("#jobHeading").startsWith("Run " + run + ": iteration 1 goes to a cluster"));
        assertTrue(lookup("#jobStart").queryButton().isDisabled(), "no folder yet");
        type("#jobFolder", job.toString());
        clickOn("#jobStart");
        waitUntil(() -> text("#jobMessage").startsWith("The job for iteration 1 was written to " + job));

        assertTrue(Files.isRegularFile(job.resolve("manifest.json")));
        ListView<String> notes = lookup("#jobNotes").query();
        assertTrue(notes.getItems().stream().anyMatch(n -> n.startsWith("Iterations (2 planned)")),
                notes.getItems().toString());
        assertTrue(lookup("#jobOpenFolder").queryButton().isVisible());
        assertFalse(lookup("#jobClose").queryButton().isDisabled());
        interact(() -> lookup("#jobClose").queryButton().fire());

        ClusterJobs.writeTrainerOutput(job.resolve("output"), job.resolve("start-model"), 5, 0.01f);
        AtomicInteger refreshed = new AtomicInteger();
        interact(() -> ClusterJobDialog.importing(owner, workspace, new CurrentThreadTaskExecutor(), messages,
                Device.cpu(), refreshed::incrementAndGet).show());
        type("#jobFolder", job.toString());
        clickOn("#jobStart");
        waitUntil(() -> text("#jobMessage").startsWith("Iteration 1 of run " + run + " was imported."));

        assertEquals(1, refreshed.get(), "the runs table is refreshed");
        assertEquals(5, workspace.checkpoints().listByRun(run).get(0).step());

        // the compare view shows the imported iteration's pairs, rewarded by the imported model
        CompareViewModel compare = new CompareViewModel(workspace, new CurrentThreadTaskExecutor(), messages, run);
        interact(compare::load);
        assertEquals(List.of(1), compare.iterations());
        List<Sample> stored = workspace.samples().list(workspace.iterations().find(run, 1).orElseThrow().id(),
                Split.TRAIN);
        assertEquals(stored, compare.prompts().stream().map(PromptRow::sample).toList());
        assertTrue(stored.stream().allMatch(s -> s.scores().policyLogpReal() != null), "every pair scored by the model");
    }

    @Test
    void afterAnImportTheNextIterationIsOffered() throws Exception {
        workspace = Workspace.open(dir.resolve("ws"));
        long run = ClusterJobs.importedRun(workspace, dir);
        interact(() -> ClusterJobDialog.exporting(owner, workspace, new CurrentThreadTaskExecutor(), messages,
                Device.cpu(), run).show());
        waitUntil(() -> text("#jobHeading").startsWith("Run " + run));
        assertEquals("Run " + run + ": iteration 2 goes to a cluster, to be trained by the SPIN reference (accelerate"
                + " + DeepSpeed ZeRO-3). Its pairs are made here first if the run has not made them.",
                text("#jobHeading"), "iteration 1 came back, so iteration 2 is next");
    }

    private void type(String id, String text) {
        TextField field = lookup(id).query();
        interact(() -> field.setText(text));
    }

    private String text(String id) {
        return lookup(id).queryAs(Labeled.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
