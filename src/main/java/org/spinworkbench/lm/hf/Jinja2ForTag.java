package org.spinworkbench.lm.hf;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.apache.commons.lang3.tuple.Pair;

/**
 * Jinjava's {@code for} with the two parts of Jinja2's loop it lacks: a filter
 * ({@code {% for m in messages if m.role == 'system' %}}, whose {@code loop} counts only the
 * items kept) and an {@code {% else %}} branch rendered when nothing was iterated (Granite
 * adds its default system prompt that way).
 */
final class Jinja2ForTag extends ForTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String interpretUnchecked(TagNode tagNode, JinjavaInterpreter interpreter) {
        Pair<List<String>, String> varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        List<String> loopVars = varsAndExpression.getLeft();
        String[] iterableAndFilter = splitFilter(varsAndExpression.getRight());
        int elseAt = elseIndex(tagNode);
        if (iterableAndFilter[1] == null && elseAt < 0) {
            return super.interpretUnchecked(tagNode, interpreter);
        }
        Object collection = interpreter.resolveELExpression(iterableAndFilter[0], tagNode.getLineNumber());
        if (iterableAndFilter[1] != null) {
            collection = kept(collection, loopVars, iterableAndFilter[1], tagNode, interpreter);
        }
        if (elseAt < 0) {
            return renderForCollection(tagNode, interpreter, loopVars, collection);
        }
        List<Node> children = tagNode.getChildren();
        if (!ObjectIterator.getLoop(collection).hasNext()) {
            return render(children.subList(elseAt + 1, children.size()), interpreter);
        }
        TagNode body = new TagNode(tagNode.getTag(), (TagToken) tagNode.getMaster(), tagNode.getSymbols());
        body.setParent(tagNode.getParent());
        body.setChildren(new LinkedList<>(children.subList(0, elseAt)));
        return renderForCollection(body, interpreter, loopVars, collection);
    }

    private static List<Object> kept(Object collection, List<String> loopVars, String condition, TagNode tagNode,
                                     JinjavaInterpreter interpreter) {
        List<Object> kept = new ArrayList<>();
        Iterator<Object> items = ObjectIterator.getLoop(collection);
        while (items.hasNext()) {
            Object item = items.next();
            try (InterpreterScopeClosable scope = interpreter.enterScope()) {
                bind(loopVars, item, interpreter);
                if (ObjectTruthValue.evaluate(interpreter.resolveELExpression(condition, tagNode.getLineNumber()))) {
                    kept.add(item);
                }
            }
        }
        return new PyList(kept);
    }

    private static void bind(List<String> loopVars, Object item, JinjavaInterpreter interpreter) {
        if (loopVars.size() == 1) {
            interpreter.getContext().put(loopVars.get(0), item);
        } else if (item instanceof Map.Entry<?, ?> entry && loopVars.size() == 2) {
            interpreter.getContext().put(loopVars.get(0), entry.getKey());
            interpreter.getContext().put(loopVars.get(1), entry.getValue());
        } else if (item instanceof List<?> values) {
            for (int i = 0; i < loopVars.size() && i < values.size(); i++) {
                interpreter.getContext().put(loopVars.get(i), values.get(i));
            }
        }
    }

    private static String render(List<Node> nodes, JinjavaInterpreter interpreter) {
        try (InterpreterScopeClosable scope = interpreter.enterScope()) {
            LengthLimitingStringBuilder out = new LengthLimitingStringBuilder(interpreter.getConfig().getMaxOutputSize());
            for (Node node : nodes) {
                out.append(node.render(interpreter));
            }
            return out.toString();
        }
    }

    private static int elseIndex(TagNode tagNode) {
        List<Node> children = tagNode.getChildren();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof TagNode child && child.getTag() instanceof ElseTag) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The loop's iterable and its filter: Jinja2 reads the iterable without conditional
     * expressions, so the first {@code if} outside brackets and strings starts the filter.
     */
    static String[] splitFilter(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && expression.startsWith("if", i) && boundary(expression, i - 1)
                    && boundary(expression, i + 2)) {
                return new String[] {expression.substring(0, i).trim(), expression.substring(i + 2).trim()};
            }
        }
        return new String[] {expression.trim(), null};
    }

    private static boolean boundary(String text, int at) {
        return at < 0 || at >= text.length() || Character.isWhitespace(text.charAt(at));
    }
}
