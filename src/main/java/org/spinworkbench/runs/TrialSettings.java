package org.spinworkbench.runs;

import org.spinworkbench.store.Run;
import org.spinworkbench.train.TrainingConfig;

/**
 * How a typed prompt is continued so that it matches training: the run's choice of chat
 * template or raw text, and its generation length and seed as defaults.
 */
public record TrialSettings(boolean raw, int maxNewTokens, long seed) {
    /** A run whose configuration this version cannot read still gets the chat template and the usual length. */
    public static final TrialSettings FALLBACK = of(TrainingConfig.spinDefaults());

    public static TrialSettings of(Run run) {
        try {
            return of(RunSpec.fromJson(run.configJson()).training());
        } catch (RuntimeException e) {
            return FALLBACK;
        }
    }

    static TrialSettings of(TrainingConfig config) {
        if (config == null) {
            return FALLBACK;
        }
        return new TrialSettings(config.raw(), config.maxNewTokens(), config.seed());
    }
}
