package org.spinworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step count the wizard shows before a run is the count training then takes. */
class OptimiserStepsTest {
    private static TrainingConfigBuilder config() {
        return TrainingConfig.builder().optIterations(3).optEpochs(2).optBatchSize(4).optGradientAccumulation(2);
    }

    @Test
    void eachIterationTakesItsEpochsOverItsPairsInStepsOfBatchTimesAccumulation() {
        assertEquals(3 * 2 * 2, config().build().optimiserSteps(10), "ceil(10 / 8) = 2 steps an epoch");
        assertEquals(2 * 2 + 2 * 2 * 3, config().optMixPrevious(true).build().optimiserSteps(10),
                "from iteration 2 the previous pairs double the data: ceil(20 / 8) = 3 steps an epoch");
        assertEquals(2 * 2, config().setKind(TrainingConfig.Kind.SFT).build().optimiserSteps(10), "SFT is one pass");
        assertEquals(0, config().build().optimiserSteps(0));
    }

    @Test
    void theTrainerTakesAsManySteps() {
        TrainingConfig config = config().optIterations(1).build();
        int examples = 11;
        Trainer.Settings settings = new Trainer.Settings(config.epochs(), config.batchSize(),
                config.gradientAccumulation(), config.maxGradNorm(), 1);
        TrainingObjective sized = new TrainingObjective() {
            @Override
            public int size() {
                return examples;
            }

            @Override
            public Result loss(List<Integer> batch, NDManager manager) {
                throw new UnsupportedOperationException("only counted here");
            }
        };
        assertEquals(new Trainer(null, null, sized,
                settings, step -> 0).totalSteps(), config.optimiserSteps(examples));
    }
}
