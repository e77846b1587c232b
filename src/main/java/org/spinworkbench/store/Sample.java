package org.spinworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One prompt of one iteration: the dataset's real response beside the model's own synthetic
 * one, which training learns to tell apart. Identified by iteration, split and the prompt's
 * index in the dataset, so the same prompt can be followed across iterations. Token counts
 * are null when not known.
 */
public record Sample(long iterationId, Split split, int exampleIndex, String prompt, String realResponse,
                     String syntheticResponse, Integer realTokens, Integer syntheticTokens,
                     SampleScores scores) {
    /** Where a sample belongs: its iteration, its split, and its prompt's index there. */
    public record Key(long iterationId, Split split, int exampleIndex) {
    }

    /** The prompt and both responses, with their token counts (null when not known). */
    public record Texts(String prompt, String real, String synthetic, Integer realTokens, Integer syntheticTokens) {
    }

    public static Sample of(Key key, Texts texts, SampleScores scores) {
        return new Sample(key.iterationId(), key.split(), key.exampleIndex(), texts.prompt(), texts.real(),
                texts.synthetic(), texts.realTokens(), texts.syntheticTokens(), scores);
    }

    /** One row of {@code samples}, its columns named as the repository selects them. */
    static Sample fromRow(ResultSet row) throws SQLException {
        SampleScores scores = new SampleScores(Jdbc.nullableDouble(row, "ref_logp_real"),
                Jdbc.nullableDouble(row, "ref_logp_synthetic"), Jdbc.nullableDouble(row, "policy_logp_real"),
                Jdbc.nullableDouble(row, "policy_logp_synthetic"), Jdbc.nullableDouble(row, "reward_real"),
                Jdbc.nullableDouble(row, "reward_synthetic"));
        return new Sample(row.getLong("iteration_id"), Jdbc.enumValue(row, "split", Split.class),
                row.getInt("example_index"), row.getString("prompt"), row.getString("real_response"),
                row.getString("synthetic_response"), Jdbc.nullableInt(row, "real_tokens"),
                Jdbc.nullableInt(row, "synthetic_tokens"), scores);
    }
}
