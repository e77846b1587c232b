package org.spinworkbench.lm.hf;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;

/**
 * A Python slice with a step, {@code seq[start:stop:step]}, on strings and lists ({@code
 * messages[::-1]} walks the conversation backwards in Qwen3's template). Missing bounds and
 * negative indices mean what they mean in Python.
 */
final class AstSlice extends AstRightValue {
    private final AstNode base;
    private final AstNode start;
    private final AstNode stop;
    private final AstNode step;

    AstSlice(AstNode base, AstNode start, AstNode stop, AstNode step) {
        this.base = base;
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object sequence = base.eval(bindings, context);
        if (sequence == null) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        if (sequence instanceof String text) {
            text.codePoints().forEach(c -> items.add(new String(Character.toChars(c))));
        } else if (sequence instanceof Collection<?> collection) {
            items.addAll(collection);
        } else {
            throw new ELException("cannot slice " + sequence.getClass().getSimpleName());
        }
        long by = bound(step, bindings, context, 1);
        if (by == 0) {
            throw new ELException("slice step cannot be zero");
        }
        int n = items.size();
        long from = by > 0 ? clamp(bound(start, bindings, context, 0), n, 0, n)
                : clamp(bound(start, bindings, context, n - 1L), n, -1, n - 1);
        long to = by > 0 ? clamp(bound(stop, bindings, context, n), n, 0, n)
                : clamp(bound(stop, bindings, context, Long.MIN_VALUE), n, -1, n - 1);
        List<Object> picked = new ArrayList<>();
        for (long i = from; by > 0 ? i < to : i > to; i += by) {
            picked.add(items.get((int) i));
        }
        if (sequence instanceof String) {
            StringBuilder text = new StringBuilder();
            picked.forEach(text::append);
            return text.toString();
        }
        return new PyList(picked);
    }

    private static long bound(AstNode node, Bindings bindings, ELContext context, long missing) {
        Object value = node == null ? null : node.eval(bindings, context);
        return value == null ? missing : ((Number) value).longValue();
    }

    /** Python's slice index: negative counts from the end, then kept within [low, high]. */
    private static long clamp(long index, int size, long low, long high) {
        if (index == Long.MIN_VALUE) {
            return low;
        }
        long at = index < 0 ? index + size : index;
        return Math.max(low, Math.min(high, at));
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        base.appendStructure(builder, bindings);
        builder.append('[');
        append(start, builder, bindings);
        builder.append(':');
        append(stop, builder, bindings);
        builder.append(':');
        append(step, builder, bindings);
        builder.append(']');
    }

    private static void append(AstNode node, StringBuilder builder, Bindings bindings) {
        if (node != null) {
            node.appendStructure(builder, bindings);
        }
    }

    @Override
    public int getCardinality() {
        return 4;
    }

    @Override
    public AstNode getChild(int i) {
        return switch (i) {
            case 0 -> base;
            case 1 -> start;
            case 2 -> stop;
            case 3 -> step;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "[::]";
    }
}
