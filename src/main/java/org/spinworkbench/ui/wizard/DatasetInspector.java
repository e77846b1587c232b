package org.spinworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.Example;
import org.spinworkbench.data.ExampleCheck;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.data.tasks.CheckedExample;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TokenizerException;
import org.spinworkbench.train.TemplateCheck;

/** Reads the wizard's dataset files and renders their first examples the way training will. */
public final class DatasetInspector {
    public static final int PREVIEW_ROWS = 3;

    /**
     * Reads {@code train} (and {@code eval}, if given) skipping bad rows so all of them are
     * listed; the evaluation file is read in the training file's format, as a run reads it.
     *
     * @param format   null: told from the rows
     * @param template the model's chat template; ignored when {@code raw}
     * @param turns    which turns of multi-turn rows make the prompt, as the run will read them
     * @param accuracy null, or questions with checkable answers the run scores each model on
     */
    public DatasetCheck check(Path train, Path eval, DatasetFormat format, ChatTemplate template, boolean raw,
                              PromptTurns turns, Path accuracy) {
        // every row is rendered now, so a conversation the template refuses is listed with its line
        ExampleCheck rendered = template == null ? ExampleCheck.NONE : TemplateCheck.of(template, raw);
        LoadedDataset trainData = DatasetReader.read(train, format, ProblemPolicy.SKIP, turns, rendered);
        LoadedDataset evalData = eval == null ? null : DatasetReader.read(eval, trainData.format(), ProblemPolicy.SKIP,
                turns, rendered);
        List<PreviewRow> preview = new ArrayList<>();
        for (Example example : trainData.examples().subList(0, Math.min(PREVIEW_ROWS, trainData.examples().size()))) {
            preview.add(render(example, template, raw));
        }
        int questions = accuracy == null ? 0 : CheckedExample.read(accuracy).size();
        return new DatasetCheck(trainData, evalData, preview, accuracy, questions);
    }

    /** The prompt and real response as one text, exactly as the trainer tokenises them. */
    static PreviewRow render(Example example, ChatTemplate template, boolean raw) {
        if (raw) {
            return new PreviewRow(example.row(), PretrainedModel.rawText(example.prompt()) + example.realResponse(), null);
        }
        try {
            List<ChatMessage> prompt = example.prompt();
            return new PreviewRow(example.row(), template.renderExample(prompt, example.realResponse()).conversation(),
                    null);
        } catch (TokenizerException | IllegalArgumentException e) {
            return new PreviewRow(example.row(), "", Problems.describe(e));
        }
    }
}
