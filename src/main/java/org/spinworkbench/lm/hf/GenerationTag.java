package org.spinworkbench.lm.hf;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;

/**
 * {@code {% generation %}…{% endgeneration %}}: transformers marks the assistant's tokens with
 * it (for {@code return_assistant_tokens_mask}); for the text it renders its body unchanged,
 * in a scope of its own as Jinja2's call block does.
 */
final class GenerationTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "generation";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            LengthLimitingStringBuilder body = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
            for (Node child : tagNode.getChildren()) {
                body.append(child.render(interpreter));
            }
            return body.toString();
        }
    }
}
