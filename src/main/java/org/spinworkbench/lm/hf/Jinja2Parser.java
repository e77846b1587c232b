package org.spinworkbench.lm.hf;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.NamedParameterOperator;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;
import jinjava.javax.el.ELException;

/**
 * Jinjava's expression parser with Jinja2's grammar where the two differ in ways published
 * chat templates rely on:
 * <ul>
 *   <li>{@code not} binds looser than comparisons and tests: {@code not x is defined} is
 *       {@code not (x is defined)} and {@code not a == b} is {@code not (a == b)} (Jinjava
 *       negates {@code x} / {@code a} first, which silently flips DeepSeek's and EXAONE's
 *       templates);</li>
 *   <li>a keyword argument's value is a whole expression: {@code namespace(i=n - 1)} (Qwen3)
 *       passes {@code n - 1}, not {@code (i=n) - 1};</li>
 *   <li>parentheses around a dict are only parentheses: {@code ({"a": 1, "b": 2})} is a
 *       dict (Llama Guard, Granite Guardian), not a tuple cut at the dict's commas;</li>
 *   <li>slices take a step: {@code messages[::-1]} (Qwen3);</li>
 *   <li>{@code +} with an undefined or none operand fails, as Python's does, instead of
 *       printing {@code null} (Gemma 3 and ShieldGemma refuse a system turn this way).</li>
 * </ul>
 */
final class Jinja2Parser extends ExtendedParser {
    Jinja2Parser(Builder context, String input) {
        super(context, input);
    }

    @Override
    protected AstNode and(boolean required) throws ScanException, ParseException {
        AstNode v = not(required);
        if (v == null) {
            return null;
        }
        while (true) {
            if (getToken().getSymbol() == Symbol.AND) {
                consumeToken();
                v = createAstBinary(v, not(true), AstBinary.AND);
            } else if (getToken().getSymbol() == Symbol.EXTENSION
                    && getExtensionHandler(getToken()).getExtensionPoint() == Parser.ExtensionPoint.AND) {
                v = getExtensionHandler(consumeToken()).createAstNode(v, not(true));
            } else {
                return v;
            }
        }
    }

    /** Jinja2's {@code parse_not}: between {@code and} and the comparisons. */
    private AstNode not(boolean required) throws ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.NOT) {
            consumeToken();
            return createAstUnary(not(true), AstUnary.NOT);
        }
        return eq(required);
    }

    @Override
    protected AstNode add(boolean required) throws ScanException, ParseException {
        AstNode v = mul(required);
        if (v == null) {
            return null;
        }
        while (true) {
            Scanner.Token token = getToken();
            if (token.getSymbol() == Symbol.PLUS) {
                consumeToken();
                v = createAstBinary(v, mul(true), StrictAddition.OP);
            } else if (token.getSymbol() == Symbol.MINUS) {
                consumeToken();
                v = createAstBinary(v, mul(true), AstBinary.SUB);
            } else if (token == NamedParameterOperator.TOKEN) {
                v = getExtensionHandler(consumeToken()).createAstNode(v, expr(true));
            } else if (token.getSymbol() == Symbol.EXTENSION
                    && getExtensionHandler(token).getExtensionPoint() == Parser.ExtensionPoint.ADD) {
                v = getExtensionHandler(consumeToken()).createAstNode(v, mul(true));
            } else {
                return v;
            }
        }
    }

    /** Jinjava's postfix loop ({@code .name}, {@code .method()}, {@code [key]}, {@code [a:b]}) plus {@code [a:b:step]}. */
    @Override
    protected AstNode value() throws ScanException, ParseException {
        boolean lvalue = true;
        AstNode v = nonliteral();
        if (v == null) {
            v = literal();
            if (v == null) {
                return null;
            }
            lvalue = false;
        }
        while (true) {
            Symbol symbol = getToken().getSymbol();
            if (symbol == Symbol.DOT) {
                consumeToken();
                AstDot dot = createAstDot(v, consumeToken(Symbol.IDENTIFIER).getImage(), lvalue);
                v = callable() ? createAstMethod(dot, params()) : dot;
            } else if (symbol == Symbol.LBRACK) {
                v = subscript(v, lvalue);
            } else {
                return v;
            }
        }
    }

    private AstNode subscript(AstNode base, boolean lvalue) throws ScanException, ParseException {
        consumeToken(Symbol.LBRACK);
        boolean strict = !context.isEnabled(Builder.Feature.NULL_PROPERTIES);
        AstNode first = expr(false);
        if (getToken().getSymbol() == Symbol.RBRACK) {
            consumeToken();
            AstBracket bracket = createAstBracket(base, first, lvalue, strict);
            return callable() ? createAstMethod(bracket, params()) : bracket;
        }
        consumeToken(Symbol.COLON);
        AstNode stop = expr(false);
        if (getToken().getSymbol() == Symbol.COLON) {
            consumeToken();
            AstNode step = expr(false);
            consumeToken(Symbol.RBRACK);
            return new AstSlice(base, first, stop, step);
        }
        consumeToken(Symbol.RBRACK);
        return createAstRangeBracket(base, first, stop, lvalue, strict);
    }

    private boolean callable() {
        return getToken().getSymbol() == Symbol.LPAREN && context.isEnabled(Builder.Feature.METHOD_INVOCATIONS);
    }

    @Override
    protected AstNode nonliteral() throws ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.LPAREN && lookahead(0).getSymbol() != Symbol.RPAREN
                && !commaBeforeClosingParenthesis()) {
            consumeToken();
            AstNode v = expr(true);
            consumeToken(Symbol.RPAREN);
            return createAstNested(v);
        }
        return super.nonliteral();
    }

    /** Whether the parenthesis just opened holds a top-level comma (a tuple), dicts and lists counted as nesting. */
    private boolean commaBeforeClosingParenthesis() throws ScanException, ParseException {
        int depth = 0;
        for (int i = 0; ; i++) {
            Scanner.Token token = lookahead(i);
            Symbol symbol = token.getSymbol();
            if (symbol == Symbol.EOF) {
                return false;
            } else if (symbol == Symbol.LPAREN || symbol == Symbol.LBRACK || isExtension(token, "{")) {
                depth++;
            } else if (symbol == Symbol.RPAREN || symbol == Symbol.RBRACK || isExtension(token, "}")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (symbol == Symbol.COMMA && depth == 0) {
                return true;
            }
        }
    }

    private static boolean isExtension(Scanner.Token token, String image) {
        return token.getSymbol() == Symbol.EXTENSION && image.equals(token.getImage());
    }

    /** Jinjava's {@code +} (numbers, strings, lists, dicts), refusing an undefined or none side. */
    static final class StrictAddition extends AdditionOperator {
        static final StrictAddition OP = new StrictAddition();

        @Override
        protected Object apply(TypeConverter converter, Object left, Object right) {
            if (left == null || right == null) {
                throw new ELException("unsupported operand for +: " + describe(left) + " + " + describe(right)
                        + " (an undefined value or none)");
            }
            return super.apply(converter, left, right);
        }

        private static String describe(Object value) {
            return value == null ? "undefined" : value instanceof String ? "str" : value.getClass().getSimpleName();
        }
    }
}
