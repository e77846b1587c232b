package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.runs.DemoRecipe;
import org.spinworkbench.runs.TinyRuns;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/** The model step on the tiny real model, a broken copy of it, and the bundled demo model. */
class ModelStepViewModelTest {
    @TempDir
    Path dir;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    private ModelStepViewModel step(TaskExecutor executor) {
        return new ModelStepViewModel(executor, messages, new ModelInspector(),
                () -> DemoRecipe.locateSampleData(null).resolve(DemoRecipe.MODEL_FOLDER));
    }

    @Test
    void aGoodFolderPassesAndIsDescribed() throws Exception {
        ModelStepViewModel model = step(new CurrentThreadTaskExecutor());
        model.folderProperty().set(TinyRuns.model(dir).toString());
        model.check();
        assertTrue(model.validProperty().get(), model.errorProperty().get());
        assertEquals("", model.errorProperty().get());
        assertEquals(String.join("\n", "Architecture: LlamaForCausalLM",
                "Parameters: " + String.format(Locale.ENGLISH, "%.3f", model.summary().parameterCount() / 1e6) + " M",
                "Layers: 2, hidden size 32", "Weights stored as: F32", "Tokenizer: 259 tokens",
                "Context: 256 tokens", "Chat template: the model's own"), model.descriptionProperty().get());
    }

    @Test
    void aBrokenFolderShowsTheReasonAndBlocksNext() throws Exception {
        Path tiny = TinyRuns.model(dir);
        Files.delete(tiny.resolve("tokenizer.json"));
        ModelStepViewModel model = step(new CurrentThreadTaskExecutor());
        model.folderProperty().set(tiny.toString());
        model.check();
        assertFalse(model.validProperty().get());
        assertNull(model.summary());
        assertTrue(model.errorProperty().get().contains("tokenizer.json"), model.errorProperty().get());

        model.folderProperty().set("  ");
        model.check();
        assertEquals("Choose the base model folder.", model.errorProperty().get());
    }

    @Test
    void editingTheFolderUnchecksItUntilItIsCheckedAgain() throws Exception {
        ModelStepViewModel model = step(new CurrentThreadTaskExecutor());
        String folder = TinyRuns.model(dir).toString();
        model.folderProperty().set(folder);
        model.check();
        assertTrue(model.validProperty().get());
        model.folderProperty().set(folder + "/");
        assertFalse(model.validProperty().get());
        model.folderProperty().set(folder);
        model.check();
        assertTrue(model.validProperty().get());
    }

    @Test
    void anAnswerForAFolderNoLongerChosenIsDropped() throws Exception {
        Path tiny = TinyRuns.model(dir);
        HeldTasks held = new HeldTasks();
        ModelStepViewModel model = step(held);
        model.folderProperty().set(dir.resolve("nowhere").toString());
        model.check();
        assertTrue(model.checkingProperty().get());
        model.folderProperty().set(tiny.toString());
        model.check();
        held.runAll(); // the first check fails, late; the second passes
        assertTrue(model.validProperty().get(), model.errorProperty().get());
        assertEquals("", model.errorProperty().get());
        assertEquals(tiny.toAbsolutePath().normalize(), model.summary().folder());
    }

    @Test
    void theBundledDemoModelIsFoundAndChecked() {
        ModelStepViewModel model = step(new CurrentThreadTaskExecutor());
        model.useDemoModel();
        assertTrue(model.validProperty().get(), model.errorProperty().get());
        assertTrue(model.summary().folder().endsWith(Path.of("sample-data", DemoRecipe.MODEL_FOLDER)));
    }

    /** Runs the tasks given to it only when told, in order, as a slow worker would. */
    private static final class HeldTasks implements TaskExecutor {
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Exception> onFailure) {
            tasks.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
        }

        void runAll() {
            tasks.forEach(Runnable::run);
            tasks.clear();
        }
    }
}
