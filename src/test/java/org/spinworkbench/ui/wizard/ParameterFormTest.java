package org.spinworkbench.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.spinworkbench.lm.LoraConfig;
import org.spinworkbench.train.PromptFormat;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.Messages;

/** The hyper-parameter form: the command line's defaults, and every kind of problem named with its field. */
class ParameterFormTest {
    private final ParameterForm form = new ParameterForm();
    private final ParameterForm.Limits none = ParameterForm.Limits.NONE;

    @Test
    void untouchedTheFormGivesTheCommandLineDefaults() {
        assertEquals(TrainingConfig.spinDefaults(), form.config(none, false, org.spinworkbench.train.PromptFormat.DEFAULT));
        assertEquals("5e-7", form.text(Parameter.LEARNING_RATE));
        assertEquals("0.1", form.text(Parameter.BETA));
        assertEquals("1024", form.text(Parameter.MAX_LENGTH));
        assertEquals("1", form.text(Parameter.TEMPERATURE));
        assertEquals("0", form.text(Parameter.WEIGHT_DECAY));
    }

    @Test
    void typedValuesAndChoicesReachTheConfig() {
        form.setText(Parameter.ITERATIONS, " 1 ");
        form.setText(Parameter.LEARNING_RATE, "1e-3");
        form.setText(Parameter.MAX_LENGTH, "64");
        form.setText(Parameter.MAX_PROMPT_LENGTH, "32");
        form.setText(Parameter.MAX_NEW_TOKENS, "16");
        form.setText(Parameter.SEED, "-7");
        form.setLoss(SpinLossKind.HINGE);
        form.setSchedule(TrainingConfig.Schedule.COSINE);
        form.setMixPrevious(true);
        TrainingConfig config = form.config(new ParameterForm.Limits(256, false), true,
                org.spinworkbench.train.PromptFormat.DEFAULT);
        assertEquals(1, config.iterations());
        assertEquals(1e-3, config.learningRate());
        assertEquals(64, config.maxLength());
        assertEquals(32, config.maxPromptLength());
        assertEquals(-7, config.seed());
        assertEquals(SpinLossKind.HINGE, config.loss());
        assertEquals(TrainingConfig.Schedule.COSINE, config.schedule());
        assertTrue(config.mixPrevious());
        assertTrue(config.raw());
    }

    @Test
    void rankZeroTrainsEveryWeightAndAboveZeroLoraWithTheTypedSettings() {
        PromptFormat format = PromptFormat.DEFAULT;
        assertEquals("0", form.text(Parameter.LORA_RANK));
        assertTrue(form.config(none, false, format).loraSettings().isEmpty());
        form.setText(Parameter.LORA_RANK, "16");
        form.setText(Parameter.LORA_ALPHA, "32");
        form.setText(Parameter.LORA_DROPOUT, "0.05");
        form.setLoraTargets(" q_proj , o_proj,down_proj ");
        form.setGradientCheckpointing(true);
        TrainingConfig config = form.config(none, false, format);
        assertEquals(new LoraConfig(16, 32, 0.05, List.of("q_proj", "o_proj", "down_proj")),
                config.loraSettings().orElseThrow());

        ParameterForm again = new ParameterForm();
        again.load(config);
        assertEquals("16", again.text(Parameter.LORA_RANK));
        assertEquals("32", again.text(Parameter.LORA_ALPHA));
        assertEquals("q_proj,o_proj,down_proj", again.loraTargets());
        assertTrue(again.gradientCheckpointing());
        assertEquals(config, again.config(none, false, format));

        form.setLoraTargets("all-linear");
        assertEquals(LoraConfig.LINEAR_LAYERS, form.config(none, false, format).loraSettings().orElseThrow().targets());
        form.setLoraTargets("q_proj,lm_head");
        assertTrue(form.problem(none).orElseThrow().toString().contains("lm_head"), form.problem(none).toString());
        assertProblem(Parameter.LORA_RANK, "-1", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.LORA_DROPOUT, "1", ParameterProblem.Kind.OUT_OF_RANGE);
    }

    @Test
    void eachProblemNamesItsField() {
        assertProblem(Parameter.ITERATIONS, "1.5", ParameterProblem.Kind.NOT_WHOLE);
        assertProblem(Parameter.ITERATIONS, "0", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.BATCH_SIZE, "99999999999", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.BETA, "0", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.LEARNING_RATE, "fast", ParameterProblem.Kind.NOT_NUMBER);
        assertProblem(Parameter.LEARNING_RATE, "", ParameterProblem.Kind.NOT_NUMBER);
        assertProblem(Parameter.LEARNING_RATE, "NaN", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.WARMUP_RATIO, "1", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.TOP_P, "0", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.TEMPERATURE, "-0.5", ParameterProblem.Kind.OUT_OF_RANGE);
        assertProblem(Parameter.SAVE_STEPS, "-1", ParameterProblem.Kind.OUT_OF_RANGE);
    }

    @Test
    void thePromptMustBeShorterThanTheWholeAndTheWholeFitTheModel() {
        form.setText(Parameter.MAX_PROMPT_LENGTH, "1024");
        assertEquals(Optional.of(new ParameterProblem(Parameter.MAX_PROMPT_LENGTH,
                ParameterProblem.Kind.PROMPT_NOT_SHORTER, 1024)), form.problem(none));
        form.setText(Parameter.MAX_PROMPT_LENGTH, "100");
        assertEquals(Optional.of(new ParameterProblem(Parameter.MAX_LENGTH, ParameterProblem.Kind.BEYOND_CONTEXT, 256)),
                form.problem(new ParameterForm.Limits(256, true)));
        form.setText(Parameter.MAX_LENGTH, "256");
        assertEquals(Optional.of(new ParameterProblem(Parameter.MAX_NEW_TOKENS,
                ParameterProblem.Kind.GENERATION_BEYOND_CONTEXT, 256)), form.problem(new ParameterForm.Limits(256, true)),
                "100 prompt tokens + 256 new ones do not fit 256");
        form.setText(Parameter.MAX_NEW_TOKENS, "156");
        assertEquals(Optional.empty(), form.problem(new ParameterForm.Limits(256, true)));
    }

    @Test
    void lengthsAreFittedToTheModelOnlyWhereTheyDoNotFit() {
        assertTrue(form.fit(256));
        assertEquals(List.of("256", "128", "128"), lengths());
        assertFalse(form.fit(256), "fitted values fit");
        form.setText(Parameter.MAX_LENGTH, "200");
        form.setText(Parameter.MAX_PROMPT_LENGTH, "150");
        form.setText(Parameter.MAX_NEW_TOKENS, "16");
        assertFalse(form.fit(4096));
        assertEquals(List.of("200", "150", "16"), lengths(), "what fits is kept as typed");
        form.setText(Parameter.MAX_LENGTH, "abc");
        assertFalse(form.fit(64), "a field still being typed is left alone");
    }

    @Test
    void everyFieldsProblemIsListedAtOnce() {
        form.setText(Parameter.BETA, "-1");
        form.setText(Parameter.EPOCHS, "two");
        form.setText(Parameter.TOP_P, "0");
        assertEquals(List.of(Parameter.EPOCHS, Parameter.BETA, Parameter.TOP_P),
                form.problems(none).stream().map(ParameterProblem::field).toList(), "in the order shown");
        form.setText(Parameter.BETA, "0.1");
        form.setText(Parameter.EPOCHS, "2");
        form.setText(Parameter.TOP_P, "1");
        form.setText(Parameter.MAX_PROMPT_LENGTH, "2048");
        assertEquals(List.of(ParameterProblem.Kind.PROMPT_NOT_SHORTER),
                form.problems(none).stream().map(ParameterProblem::kind).toList(), "then what lies between fields");
    }

    @Test
    void implausibleValuesAreWarnedWithoutBlocking() {
        assertEquals(Optional.empty(), form.warning());
        form.setText(Parameter.TEMPERATURE, "16");
        assertEquals(Optional.of(new ParameterProblem(Parameter.TEMPERATURE, ParameterProblem.Kind.IMPLAUSIBLE, 0)),
                form.warning());
        assertEquals(Optional.empty(), form.problem(none));
        form.setText(Parameter.TEMPERATURE, "1");
        form.setText(Parameter.LEARNING_RATE, "0.5");
        assertEquals(Parameter.LEARNING_RATE, form.warning().orElseThrow().field());
        assertEquals("Check Learning rate: above 0.01 fine-tuning usually diverges.",
                new ParameterTexts(Messages.forLocale(Locale.ENGLISH)).problem(form.warning().orElseThrow()));
    }

    private List<String> lengths() {
        return List.of(form.text(Parameter.MAX_LENGTH), form.text(Parameter.MAX_PROMPT_LENGTH),
                form.text(Parameter.MAX_NEW_TOKENS));
    }

    @Test
    void theDataMustCarryResponsesForIterationOneToUseThem() {
        form.setUseDataGenerated(true);
        assertEquals(ParameterProblem.Kind.NO_GENERATED_RESPONSES,
                form.problem(new ParameterForm.Limits(0, false)).orElseThrow().kind());
        assertEquals(Optional.empty(), form.problem(new ParameterForm.Limits(0, true)));
    }

    @Test
    void aFormWithAProblemGivesNoConfig() {
        form.setText(Parameter.BETA, "-1");
        assertThrows(IllegalArgumentException.class, () -> form.config(none, false, org.spinworkbench.train.PromptFormat.DEFAULT));
    }

    @Test
    void problemsReadAsSentencesNamingTheField() {
        ParameterTexts english = new ParameterTexts(Messages.forLocale(Locale.ENGLISH));
        assertEquals("Beta must be greater than 0.", english.problem(
                new ParameterProblem(Parameter.BETA, ParameterProblem.Kind.OUT_OF_RANGE, 0)));
        assertEquals("Max prompt length must be less than Max length (64).", english.problem(
                new ParameterProblem(Parameter.MAX_PROMPT_LENGTH, ParameterProblem.Kind.PROMPT_NOT_SHORTER, 64)));
        assertEquals("Warm-up ratio must be at least 0 and less than 1.", english.problem(
                new ParameterProblem(Parameter.WARMUP_RATIO, ParameterProblem.Kind.OUT_OF_RANGE, 0)));
        assertEquals("Max length must not exceed the model's context of 256 tokens.", english.problem(
                new ParameterProblem(Parameter.MAX_LENGTH, ParameterProblem.Kind.BEYOND_CONTEXT, 256)));
        ParameterTexts chinese = new ParameterTexts(Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Beta必须大于 0。", chinese.problem(
                new ParameterProblem(Parameter.BETA, ParameterProblem.Kind.OUT_OF_RANGE, 0)));
    }

    @Test
    void decimalsAreShownShortAndExact() {
        assertEquals("5e-7", Parameter.decimal(5e-7));
        assertEquals("1e-4", Parameter.decimal(1e-4));
        assertEquals("0.001", Parameter.decimal(1e-3));
        assertEquals("2.5e-6", Parameter.decimal(2.5e-6));
        assertEquals("-3e-4", Parameter.decimal(-3e-4));
        assertEquals("0", Parameter.decimal(0));
        assertEquals("2e-5", Parameter.decimal(2e-5));
        assertEquals("0.1", Parameter.decimal(0.1));
        assertEquals("1", Parameter.decimal(1.0));
        assertEquals("100000", Parameter.decimal(1e5));
        assertEquals("1e12", Parameter.decimal(1e12));
    }

    private void assertProblem(Parameter field, String text, ParameterProblem.Kind kind) {
        ParameterForm fresh = new ParameterForm();
        fresh.setText(field, text);
        assertEquals(Optional.of(new ParameterProblem(field, kind, 0)), fresh.problem(none), field + " = " + text);
    }
}
