package org.spinworkbench.ui.wizard;

/**
 * Why the hyper-parameters cannot start a run, naming the field at fault.
 *
 * @param field  null when the problem is not one field's
 * @param limit  the number the value was measured against (the max length, the model's
 *               context), or 0 where the kind needs none
 * @param reason with {@link Kind#REFUSED}, the training settings' own message; else null
 */
public record ParameterProblem(Parameter field, Kind kind, long limit, String reason) {
    public ParameterProblem(Parameter field, Kind kind, long limit) {
        this(field, kind, limit, null);
    }

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
        /** Max prompt length + max new tokens beyond the model's context ({@code limit}): no room to generate. */
        GENERATION_BEYOND_CONTEXT,
        /** A value a run accepts but that is almost surely a slip (temperature 16); warned, never blocking. */
        IMPLAUSIBLE,
        /** Use the data's generated responses, but the data carries none. */
        NO_GENERATED_RESPONSES,
        /** The training settings refused the values for a reason no field rule covers. */
        REFUSED
    }
}
