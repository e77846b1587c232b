package org.spinworkbench.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dataset layouts the workbench reads. Each is known by an {@link #id()} (what users type
 * and what the store keeps), a {@link #label()} for sentences, and the keys that give it away.
 */
public enum DatasetFormat {
    /** The SPIN reference layout: {@code real} and {@code generated} message lists per row. */
    SPIN("SPIN layout", "real, generated"),
    /** Chat {@code messages}: a list of {@code role}/{@code content} objects. */
    MESSAGES("chat messages", "messages"),
    /** Alpaca: {@code instruction}, optional {@code input}, {@code output}, optional {@code system}. */
    ALPACA("Alpaca", "instruction, input, output"),
    /** ShareGPT: {@code conversations} of {@code from}/{@code value} objects. */
    SHAREGPT("ShareGPT", "conversations"),
    /** One {@code prompt} and one {@code response} per row. */
    PROMPT_RESPONSE("prompt/response", "prompt, response");

    private final String label;
    private final String keys;

    DatasetFormat(String label, String keys) {
        this.label = label;
        this.keys = keys;
    }

    /** Lower-case name: {@code spin}, {@code messages}, {@code alpaca}, {@code sharegpt}, {@code prompt_response}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a sentence names it: "SPIN layout", "ShareGPT". */
    public String label() {
        return label;
    }

    /** The keys a row of this format has, as users read them: "instruction, input, output". */
    public String keys() {
        return keys;
    }

    /**
     * The format a user named, by its id, ignoring case and accepting {@code -} for {@code _}
     * ({@code prompt-response}); a clear error listing the ids otherwise.
     */
    public static DatasetFormat fromId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (DatasetFormat format : values()) {
            if (format.id().equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown dataset format \"" + id + "\"; supported: " + supported() + ".");
    }

    /** Every format with its keys, for error messages: "spin (real, generated), messages (messages), ...". */
    public static String supported() {
        return Arrays.stream(values()).map(f -> f.id() + " (" + f.keys + ")").collect(Collectors.joining(", "));
    }
}
