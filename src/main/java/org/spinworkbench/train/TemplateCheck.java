package org.spinworkbench.train;

import org.spinworkbench.data.Example;
import org.spinworkbench.data.ExampleCheck;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.lm.hf.ChatTemplateException;

/**
 * Renders every example through the model's chat template while the data is read, so a
 * conversation the template refuses (Mistral's refuses a system turn) is a row problem with
 * its line number, skippable, found before any generation starts rather than halfway through.
 */
public final class TemplateCheck implements ExampleCheck {
    private final ChatTemplate template;

    private TemplateCheck(ChatTemplate template) {
        this.template = template;
    }

    /** The check for a run's settings: none in raw mode, where no template is used. */
    public static ExampleCheck of(ChatTemplate template, boolean raw) {
        return raw ? ExampleCheck.NONE : new TemplateCheck(template);
    }

    @Override
    public String problem(Example example) {
        try {
            template.renderExample(example.prompt(), example.realResponse());
            if (example.generatedResponse() != null) {
                template.renderExample(example.prompt(), example.generatedResponse());
            }
            return null;
        } catch (ChatTemplateException e) {
            return Problems.describe(e);
        } catch (IllegalArgumentException e) {
            return "the chat template cannot take this conversation: " + Problems.describe(e);
        }
    }
}
