package org.spinworkbench.ui.wizard;

/**
 * Why the hyper-parameters cannot start a run, naming the field at fault.
 *
 * @param limit the number the value was measured against (the max length, the model's
 *              context), or 0 where the kind needs none
 */
public record ParameterProblem(Parameter field, Kind kind, long limit) {
    public enum Kind {
        /** Empty or not a whole number. */
        NOT_WHOLE,
        /** Empty or not a number. */
        NOT_NUMBER,
        /** A number that breaks {@link Parameter#rule()}. */
        OUT_OF_RANGE,
        /** Max prompt length not below max length ({@code limit}). */
        PROMPT_NOT_SHORTER,
        /** Max length beyond the model's context ({@code limit}). */
        BEYOND_CONTEXT,
        /** Use the data's generated responses, but the data carries none. */
        NO_GENERATED_RESPONSES
    }
}
