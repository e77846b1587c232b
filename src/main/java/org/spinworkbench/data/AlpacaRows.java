package org.spinworkbench.data;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.lm.ChatMessage;

/**
 * Alpaca: {@code instruction}, optional {@code input}, {@code output}, optional {@code system}.
 * A non-blank input follows the instruction on a new line in the one user message, as
 * LLaMA-Factory joins them, so the same file gives the same prompt there and here.
 */
final class AlpacaRows implements RowFormat {
    @Override
    public Example toExample(int row, JsonObject fields) {
        String instruction = Fields.nonBlankText(fields, "instruction", "instruction");
        String input = Fields.optionalText(fields, "input");
        String output = Fields.nonBlankText(fields, "output", "response");
        String system = Fields.optionalText(fields, "system");
        List<ChatMessage> prompt = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            prompt.add(ChatMessage.system(system));
        }
        prompt.add(ChatMessage.user(input == null || input.isBlank() ? instruction : instruction + "\n" + input));
        return new Example(row, prompt, output, null);
    }
}
