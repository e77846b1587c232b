package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WorkbenchSessionTest extends FxRobot {
    @TempDir
    Path folder;

    @AfterEach
    void closeWindows() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void aWorkspaceInUseIsExplainedAndGivesExitCodeOne() {
        try (Workspace held = Workspace.open(folder)) {
            var session = new WorkbenchSession(folder, Workspace::open, Locale.ENGLISH);
            AtomicInteger exitCode = new AtomicInteger(-1);
            AtomicBoolean acknowledged = new AtomicBoolean();
            interact(() -> exitCode.set(session.start(new Stage(), () -> acknowledged.set(true))));

            assertEquals(WorkbenchSession.EXIT_FAILURE, exitCode.get());
            DialogPane alert = lookup("#errorAlert").query();
            assertEquals("The workspace cannot be opened", alert.getHeaderText());
            assertTrue(alert.getContentText().contains("already open in another SPIN Workbench process"),
                    alert.getContentText());
            assertFalse(alert.getContentText().contains("Exception"), "no stack trace, no class names");
            clickOn("#errorAlertClose");
            assertTrue(acknowledged.get());
            session.close();
        }
    }

    @Test
    void notAWorkbenchDatabaseIsExplained() throws Exception {
        Files.writeString(folder.resolve(Workspace.DATABASE_FILE), "not a database at all, just text");
        var session = new WorkbenchSession(folder, Workspace::open, Locale.ENGLISH);
        AtomicInteger exitCode = new AtomicInteger(-1);
        interact(() -> exitCode.set(session.start(new Stage(), () -> { })));
        assertEquals(WorkbenchSession.EXIT_FAILURE, exitCode.get());
        DialogPane alert = lookup("#errorAlert").query();
        assertFalse(alert.getContentText().isBlank());
        clickOn("#errorAlertClose");
    }

    @Test
    void opensTheMainWindowAndClosesTheWorkspaceAtTheEnd() {
        var session = new WorkbenchSession(folder, Workspace::open, Locale.ENGLISH);
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicInteger exitCode = new AtomicInteger(-1);
        interact(() -> {
            stage.set(new Stage());
            exitCode.set(session.start(stage.get(), () -> { }));
        });
        assertEquals(WorkbenchSession.EXIT_OK, exitCode.get());
        assertEquals("SPIN Workbench", stage.get().getTitle());
        // The real executor posts its results back with Platform.runLater.
        WaitForAsyncUtils.waitForFxEvents();
        waitUntilShown("#emptyState");
        interact(stage.get()::close);
        session.close();
        try (Workspace reopened = Workspace.open(folder)) {
            assertTrue(reopened.settings().get("ui.window.width").isPresent(), "geometry saved on close");
        }
    }

    private void waitUntilShown(String id) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> lookup(id).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError(id + " did not appear", e);
        }
    }
}
