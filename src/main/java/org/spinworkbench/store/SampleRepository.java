package org.spinworkbench.store;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The samples table: every prompt's real and synthetic responses per iteration. An
 * iteration writes thousands at once, so writes are batched prepared statements inside one
 * transaction: all rows land, or none do.
 */
public final class SampleRepository {
    /** Rows per JDBC batch: large enough to be fast, small enough to bound the driver's buffers. */
    private static final int BATCH_ROWS = 500;
    private static final String COLUMNS = "iteration_id, split, example_index, prompt, real_response,"
            + " synthetic_response, real_tokens, synthetic_tokens, ref_logp_real, ref_logp_synthetic,"
            + " policy_logp_real, policy_logp_synthetic, reward_real, reward_synthetic";

    private final Database database;

    public SampleRepository(Database database) {
        this.database = database;
    }

    /** Inserts the samples in one transaction; a duplicate or invalid one rolls back all of them. */
    public void insertAll(List<Sample> samples) {
        database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO samples (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Sample sample : samples) {
                    SampleScores scores = sample.scores();
                    Jdbc.bind(insert, sample.iterationId(), sample.split(), sample.exampleIndex(), sample.prompt(),
                            sample.realResponse(), sample.syntheticResponse(), sample.realTokens(),
                            sample.syntheticTokens(), scores.refLogpReal(), scores.refLogpSynthetic(),
                            scores.policyLogpReal(), scores.policyLogpSynthetic(), scores.rewardReal(),
                            scores.rewardSynthetic());
                    insert.addBatch();
                    if (++pending == BATCH_ROWS) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * Writes scores for samples of one iteration and split, keyed by example index, in one
     * transaction. A null score leaves the stored one as it is, so the reference pass and the
     * training pass each write their own. An index with no sample rolls back the whole update.
     */
    public void updateScores(long iterationId, Split split, Map<Integer, SampleScores> scoresByExampleIndex) {
        database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE samples SET"
                    + " ref_logp_real = coalesce(?, ref_logp_real),"
                    + " ref_logp_synthetic = coalesce(?, ref_logp_synthetic),"
                    + " policy_logp_real = coalesce(?, policy_logp_real),"
                    + " policy_logp_synthetic = coalesce(?, policy_logp_synthetic),"
                    + " reward_real = coalesce(?, reward_real),"
                    + " reward_synthetic = coalesce(?, reward_synthetic)"
                    + " WHERE iteration_id = ? AND split = ? AND example_index = ?")) {
                for (var entry : scoresByExampleIndex.entrySet()) {
                    SampleScores scores = entry.getValue();
                    Jdbc.bind(update, scores.refLogpReal(), scores.refLogpSynthetic(), scores.policyLogpReal(),
                            scores.policyLogpSynthetic(), scores.rewardReal(), scores.rewardSynthetic(),
                            iterationId, split, entry.getKey());
                    if (update.executeUpdate() != 1) {
                        throw new StoreException("Iteration " + iterationId + " has no "
                                + split.name().toLowerCase(Locale.ROOT) + " sample " + entry.getKey() + " to score.");
                    }
                }
            }
            return null;
        });
    }

    /** The iteration's samples of one split, by example index. */
    public List<Sample> list(long iterationId, Split split) {
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM samples"
                        + " WHERE iteration_id = ? AND split = ? ORDER BY example_index", Sample::fromRow,
                iterationId, split));
    }

    /** At most {@code limit} samples after the first {@code offset}, by example index: one page of the compare view. */
    public List<Sample> page(long iterationId, Split split, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit cannot be negative");
        }
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM samples"
                        + " WHERE iteration_id = ? AND split = ? ORDER BY example_index LIMIT ? OFFSET ?",
                Sample::fromRow, iterationId, split, limit, offset));
    }

    public int count(long iterationId, Split split) {
        return database.read(c -> Jdbc.first(c, "SELECT count(*) FROM samples WHERE iteration_id = ? AND split = ?",
                row -> row.getInt(1), iterationId, split).orElse(0));
    }

    /**
     * One prompt's samples at every iteration of a run, in iteration order: how its synthetic
     * response changed as the model trained.
     */
    public List<Sample> history(long runId, Split split, int exampleIndex) {
        return database.read(c -> Jdbc.list(c, "SELECT " + COLUMNS
                        + " FROM samples s JOIN iterations i ON i.id = s.iteration_id"
                        + " WHERE i.run_id = ? AND s.split = ? AND s.example_index = ? ORDER BY i.iteration",
                Sample::fromRow, runId, split, exampleIndex));
    }
}

