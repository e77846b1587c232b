package org.spinworkbench.data;

import com.google.gson.JsonObject;

/** Turns one row of a dataset format into an example, or throws a {@link RowProblem} saying why not. */
interface RowFormat {
    Example toExample(int row, JsonObject fields);

    static RowFormat of(DatasetFormat format) {
        return switch (format) {
            case SPIN -> new SpinRows();
            case MESSAGES -> new MessagesRows();
            case ALPACA -> new AlpacaRows();
            case SHAREGPT -> new ShareGptRows();
            case PROMPT_RESPONSE -> new PromptResponseRows();
        };
    }
}
