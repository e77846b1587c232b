package org.spinworkbench.lm.hf;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jinjava set up to render chat templates the way {@code transformers} renders them with
 * Python's Jinja2 ({@code trim_blocks}, {@code lstrip_blocks}, a {@code raise_exception}
 * function), so a template gives here, byte for byte, the text the model was trained on.
 *
 * <p>Where Jinjava differs from Jinja2 by default, it is brought in line:
 * <ul>
 *   <li>Jinjava's {@code lstrip_blocks} strips the whitespace before every block tag, also in
 *       the middle of a line ({@code , {% endif %}} loses its space); Jinja2 strips only
 *       indentation, from the start of the line to the tag. So Jinjava's option stays off and
 *       the source has that indentation removed before rendering, as Jinja2's lexer does
 *       ({@code {%+} keeps it, as in Jinja2).</li>
 *   <li>{@code {{- x -}}} and {@code {#- -#}} trim whitespace only with Jinjava's newer
 *       whitespace handling, and {@code a + b | trim} binds the filter to {@code b} only with
 *       its natural operator precedence: both are switched on ({@link LegacyOverrides});
 *       Jinjava's option that makes {@code {{x}}} without spaces plain text stays off.</li>
 *   <li>Jinja2 drops one newline at the very end of a template ({@code keep_trailing_newline}
 *       is false) and reads {@code \r\n} as {@code \n}; Jinjava keeps both, so the source is
 *       normalised before rendering.</li>
 *   <li>Jinjava reports errors in a list instead of throwing; fatal ones become a
 *       {@link ChatTemplateException}, and a {@code raise_exception} message is passed on as
 *       the template wrote it.</li>
 * </ul>
 * Known gaps: Python string methods other than those Java's {@code String} shares
 * ({@code strip()}, {@code split()}...) are unknown, e.g. {@code startswith}; such a template
 * fails with a message naming the method, never with wrong text.
 */
final class HuggingFaceJinja {
    private static final LegacyOverrides JINJA2_COMPATIBLE = LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withUsePyishObjectMapper(true)
            .withUseSnakeCasePropertyNaming(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withAllowAdjacentTextNodes(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withKeepNullableLoopValues(true)
            .build();

    /** Spaces and tabs from the start of a line up to {@code {%} or {@code {#} (not {@code {%+}). */
    private static final Pattern INDENTED_TAG = Pattern.compile("^[ \\t]+(?=\\{[%#](?!\\+))", Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Pattern LSTRIP_DISABLED = Pattern.compile("\\{([%#])\\+");

    private final Jinjava jinjava;

    HuggingFaceJinja() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(false) // done on the source instead: see jinja2Source
                .withLegacyOverrides(JINJA2_COMPATIBLE)
                .build();
        jinjava = new Jinjava(config);
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
                "", "raise_exception", HuggingFaceJinja.class, "raiseException", String.class));
    }

    /** Renders {@code template} with {@code variables}; throws instead of returning partial text. */
    String render(String template, Map<String, ?> variables) {
        RenderResult result = jinjava.renderForResult(jinja2Source(template), variables);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            TemplateError first = fatal.get(0);
            Optional<TemplateRaised> raised = raisedBy(first.getException());
            if (raised.isPresent()) {
                throw new ChatTemplateException("The chat template refused the conversation: "
                        + raised.get().getMessage(), raised.get());
            }
            throw new ChatTemplateException("The chat template cannot be rendered: " + first.getMessage()
                    + " (line " + first.getLineno() + ")", first.getException());
        }
        return result.getOutput();
    }

    /**
     * The template source as Jinja2 with {@code lstrip_blocks} would lex it: {@code \n} line
     * ends, no final newline, no indentation before block and comment tags.
     */
    static String jinja2Source(String template) {
        String source = template.replace("\r\n", "\n").replace('\r', '\n');
        if (source.endsWith("\n")) {
            source = source.substring(0, source.length() - 1);
        }
        source = INDENTED_TAG.matcher(source).replaceAll("");
        return LSTRIP_DISABLED.matcher(source).replaceAll("{$1");
    }

    /** {@code raise_exception(message)} of Hugging Face templates. Public for Jinjava's reflection. */
    public static String raiseException(String message) {
        throw new TemplateRaised(message);
    }

    private static Optional<TemplateRaised> raisedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateRaised raised) {
                return Optional.of(raised);
            }
        }
        return Optional.empty();
    }

    /** What {@code raise_exception} throws through Jinjava, to be recognised afterwards. */
    private static final class TemplateRaised extends RuntimeException {
        TemplateRaised(String message) {
            super(message);
        }
    }
}
