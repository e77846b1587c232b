package org.spinworkbench.train;

import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.data.Example;
import org.spinworkbench.lm.ChatMessage;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;
import org.spinworkbench.lm.hf.TokenPair;

/**
 * Steps 1–3 of a SPIN iteration: sample a synthetic response for every prompt with the
 * current model (through the same chat template training uses), pair it with the real one,
 * and score both under that model, frozen: the opponent's log-probs, computed once.
 */
final class PairBuilder {
    static final int GENERATION_BATCH = 16;

    private final PretrainedModel model;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Cancellation cancellation;

    PairBuilder(PretrainedModel model, TrainingConfig config, TrainingListener listener, Cancellation cancellation) {
        this.model = model;
        this.config = config;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** Generated pairs of the training then the held-out examples, scored. */
    List<ScoredPair> build(int iteration, List<Example> train, List<Example> eval) {
        List<Example> all = new ArrayList<>(train);
        all.addAll(eval);
        return score(iteration, unscored(train, eval, synthetic(iteration, all)));
    }

    /** The pairs of the training then the held-out examples with {@code synthetic} responses, tokenised, unscored. */
    List<ScoredPair> unscored(List<Example> train, List<Example> eval, List<String> synthetic) {
        List<Example> all = new ArrayList<>(train);
        all.addAll(eval);
        List<ScoredPair> pairs = new ArrayList<>();
        Truncation truncation = config.truncation();
        for (int i = 0; i < all.size(); i++) {
            Example example = all.get(i);
            TokenPair real = model.pairTokens(example.prompt(), example.realResponse(), config.raw());
            String response = synthetic == null ? "" : synthetic.get(i);
            int[][] fitted = synthetic == null ? truncation.apply(real.prompt(), real.response())
                    : truncation.apply(real.prompt(), real.response(),
                            model.pairTokens(example.prompt(), response, config.raw()).response());
            pairs.add(ScoredPair.unscored(place(i, train.size()), new ScoredPair.Texts(
                    ChatMessage.shown(example.prompt()), example.realResponse(), response),
                    fitted[0], fitted[1], synthetic == null ? new int[0] : fitted[2]));
        }
        return pairs;
    }

    /** SFT: the real responses only, tokenised and truncated; nothing to generate or score. */
    List<ScoredPair> realOnly(List<Example> train, List<Example> eval) {
        return unscored(train, eval, null);
    }

    /** Example {@code i} of the training examples followed by the held-out ones, placed in its own split. */
    private static ScoredPair.Place place(int i, int trainingExamples) {
        boolean held = i >= trainingExamples;
        return new ScoredPair.Place(held, held ? i - trainingExamples : i);
    }

    /** The reference (opponent) log-probs of both responses of every pair, under the loaded model. */
    List<ScoredPair> score(int iteration, List<ScoredPair> pairs) {
        PairScores reference = scores(iteration, pairs);
        List<ScoredPair> scored = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            scored.add(pairs.get(i).withReference(reference.real()[i], reference.synthetic()[i]));
        }
        return scored;
    }

    /** Both responses' log-probs under the loaded model, as the iteration's scoring phase. */
    PairScores scores(int iteration, List<ScoredPair> pairs) {
        listener.phaseStarted(iteration, Phase.SCORING);
        return PairScores.of(model, pairs, config.batchSize(), () -> checkCancelled(iteration),
                done -> listener.progress(iteration, Phase.SCORING, done, pairs.size()));
    }

    /** The model's response to every example's prompt, sampled with the run's settings. */
    List<String> synthetic(int iteration, List<Example> examples) {
        if (iteration == 1 && config.useDataGenerated()) {
            List<String> fromData = new ArrayList<>();
            for (Example example : examples) {
                if (example.generatedResponse() == null) {
                    throw new IllegalArgumentException("Row " + example.row() + " of the dataset carries no generated"
                            + " response; iteration 1 cannot train on the dataset's synthetic data.");
                }
                fromData.add(example.generatedResponse());
            }
            return fromData;
        }
        listener.phaseStarted(iteration, Phase.GENERATING);
        SamplingOptions sampling = new SamplingOptions(config.maxNewTokens(), config.temperature(), 0, config.topP(),
                config.seed() * 1_000_003L + iteration, true);
        List<List<ChatMessage>> prompts = examples.stream().map(Example::prompt).toList();
        Truncation truncation = config.truncation();
        List<Completion> completions = new TextGenerator(model).generateConversations(prompts, config.raw(),
                prompt -> truncation.keptPrompt(prompt, config.maxNewTokens()), sampling, GENERATION_BATCH, done -> {
                    listener.progress(iteration, Phase.GENERATING, done, prompts.size());
                    checkCancelled(iteration);
                });
        return completions.stream().map(Completion::text).toList();
    }

    private void checkCancelled(int iteration) {
        if (cancellation.stopHere()) {
            throw new RunCancelledException("Cancelled while preparing iteration " + iteration
                    + "; resume to start it again.");
        }
    }
}
