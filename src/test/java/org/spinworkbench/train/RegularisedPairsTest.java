package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.data.Example;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.hf.DType;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.RandomModels;
import org.spinworkbench.runs.TinyRuns;

/**
 * Regularised self-play (α-SPIN): the KL anchor's geometric mixture and fictitious play's
 * mixture of opponents, checked against the log-probs of each model scored on its own, on
 * real tiny checkpoints; and with both off, exactly the paper's SPIN.
 */
class RegularisedPairsTest {
    @TempDir
    Path dir;

    private Path base;
    private RunFolder folder;
    private final List<Example> train = examples(0, 10);
    private final List<Example> eval = examples(10, 2);

    @BeforeEach
    void twoIterates() throws Exception {
        base = TinyRuns.model(dir);
        folder = new RunFolder(dir.resolve("run"));
        // iterate 1: another model of the same shape and tokenizer, so its log-probs differ from the base's
        RandomModels.create(dir.resolve("tiny-config.json"), RandomModels.BYTE_LEVEL, 8, folder.model(1), DType.F32);
    }

    @Test
    void theOpponentsAreTheLatestIteratesNewestFirstWithTheBaseAsIterateZero() {
        assertEquals(List.of(base), RegularisedPairs.opponents(1, 3, base, folder));
        assertEquals(List.of(folder.model(1), base), RegularisedPairs.opponents(2, 3, base, folder));
        assertEquals(List.of(folder.model(3), folder.model(2)), RegularisedPairs.opponents(4, 2, base, folder));
        assertEquals(List.of(folder.model(3)), RegularisedPairs.opponents(4, 1, base, folder));
    }

    @Test
    void theKlAnchorScoresWithTheGeometricMixtureOfOpponentAndBase() throws Exception {
        TrainingConfig config = config().optKlAnchor(0.25).build();
        try (PretrainedModel current = PretrainedModel.load(folder.model(1), Device.cpu());
             PretrainedModel anchor = PretrainedModel.load(base, Device.cpu())) {
            List<ScoredPair> pairs = regularised(current, config, 2).build(2, train, eval);

            List<ScoredPair> underCurrent = builder(current, config).score(2, pairs);
            List<ScoredPair> underBase = builder(anchor, config).score(2, pairs);
            for (int i = 0; i < pairs.size(); i++) {
                assertEquals(0.75 * underCurrent.get(i).referenceReal() + 0.25 * underBase.get(i).referenceReal(),
                        pairs.get(i).referenceReal(), 1e-9);
                assertEquals(0.75 * underCurrent.get(i).referenceSynthetic()
                        + 0.25 * underBase.get(i).referenceSynthetic(), pairs.get(i).referenceSynthetic(), 1e-9);
                assertNotEquals(underCurrent.get(i).referenceReal(), pairs.get(i).referenceReal(),
                        "the anchor must move the reference, else this test proves nothing");
            }
            // the synthetic responses are the current model's own, as in the paper's SPIN
            List<ScoredPair> plain = builder(current, config).build(2, train, eval);
            assertEquals(plain.stream().map(ScoredPair::syntheticResponse).toList(),
                    pairs.stream().map(ScoredPair::syntheticResponse).toList());
        }
    }

    @Test
    void fictitiousPlayDrawsEachPromptsOpponentAndScoresWithTheirMixture() throws Exception {
        TrainingConfig config = config().optOpponents(2).build();
        try (PretrainedModel current = PretrainedModel.load(folder.model(1), Device.cpu());
             PretrainedModel older = PretrainedModel.load(base, Device.cpu())) {
            RegularisedPairs regularised = regularised(current, config, 2);
            List<ScoredPair> pairs = regularised.build(2, train, eval);

            int[] drawn = regularised.drawOpponents(2, train.size() + eval.size());
            assertArrayEquals(drawn, regularised.drawOpponents(2, drawn.length), "the draw is fixed by the seed");
            assertTrue(IntStream.of(drawn).anyMatch(k -> k == 0) && IntStream.of(drawn).anyMatch(k -> k == 1),
                    "both opponents answer some of the 12 prompts");

            List<ScoredPair> underCurrent = builder(current, config).score(2, pairs);
            List<ScoredPair> underOlder = builder(older, config).score(2, pairs);
            for (int i = 0; i < pairs.size(); i++) {
                double a = underCurrent.get(i).referenceSynthetic();
                double b = underOlder.get(i).referenceSynthetic();
                assertEquals(Math.log((Math.exp(a) + Math.exp(b)) / 2), pairs.get(i).referenceSynthetic(), 1e-9);
                double c = underCurrent.get(i).referenceReal();
                double d = underOlder.get(i).referenceReal();
                assertEquals(Math.log((Math.exp(c) + Math.exp(d)) / 2), pairs.get(i).referenceReal(), 1e-9);
            }
        }
    }

    @Test
    void theMixtureOfLogProbsIsStableFarBelowZero() {
        double[][] logps = {{-2000.0}, {-2000.0 + Math.log(3)}};
        assertEquals(-2000.0 + Math.log(2), RegularisedPairs.mixture(logps, 0), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY,
                RegularisedPairs.mixture(new double[][] {{Double.NEGATIVE_INFINITY}}, 0));
    }

    @Test
    void atIterationOneBothReduceToThePapersSpin() throws Exception {
        TrainingConfig regularisedConfig = config().optKlAnchor(0.5).optOpponents(3).build();
        try (PretrainedModel model = PretrainedModel.load(base, Device.cpu())) {
            List<ScoredPair> regularised = regularised(model, regularisedConfig, 1).build(1, train, eval);
            List<ScoredPair> paper = builder(model, config().build()).build(1, train, eval);
            for (int i = 0; i < paper.size(); i++) {
                assertEquals(paper.get(i).syntheticResponse(), regularised.get(i).syntheticResponse());
                assertEquals(paper.get(i).referenceReal(), regularised.get(i).referenceReal(), 1e-12);
                assertEquals(paper.get(i).referenceSynthetic(), regularised.get(i).referenceSynthetic(), 1e-12);
            }
        }
    }

    @Test
    void storedRunsWithoutTheSettingsReadAsThePapersSpin() {
        TrainingConfig config = config().build();
        assertEquals(1, config.opponents());
        assertEquals(0.0, config.klAnchor());
        assertTrue(!config.regularisedSelfPlay());
        String json = org.spinworkbench.runs.TinyRuns.spec(base, base, config).toJson()
                .replaceAll(",\\s*\"klAnchor\": [0-9.]+", "").replaceAll(",\\s*\"opponents\": [0-9]+", "");
        assertTrue(!json.contains("opponents"), json);
        TrainingConfig read = org.spinworkbench.runs.RunSpec.fromJson(json).training();
        assertEquals(config, read);
    }

    private RegularisedPairs regularised(PretrainedModel current, TrainingConfig config, int iteration) {
        return new RegularisedPairs(current, RegularisedPairs.opponents(iteration, config.opponents(), base, folder),
                base, config, new RunContext(Device.cpu(), TrainingListener.NONE, new Cancellation()));
    }

    private static PairBuilder builder(PretrainedModel model, TrainingConfig config) {
        return new PairBuilder(model, config, TrainingListener.NONE, new Cancellation());
    }

    private static TrainingConfigBuilder config() {
        return TinyRuns.config(2, 0).toBuilder();
    }

    private static List<Example> examples(int from, int count) {
        List<Example> examples = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            examples.add(new Example(i, List.of(ChatMessage.user(i + "+" + (i + 3) + "=")), Integer.toString(2 * i + 3),
                    null));
        }
        return examples;
    }
}
