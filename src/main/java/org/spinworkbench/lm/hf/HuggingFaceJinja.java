package org.spinworkbench.lm.hf;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.time.Clock;
import java.util.HashMap;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.ExpressionFactory;
import java.time.LocalDateTime;
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
 *   <li>Jinjava's grammar and library are brought to Jinja2's where published templates
 *       need it: {@link Jinja2Parser} ({@code not} precedence, keyword arguments, slices with a
 *       step, parenthesised dicts, {@code +} on undefined values), {@link Jinja2ForTag}
 *       (loop filters and {@code else}), {@link PythonStringMethods} ({@code str} methods with
 *       Python's meaning), {@link GenerationTag}, and {@code strftime_now} on a clock the
 *       caller can fix.</li>
 * </ul>
 * The 95 templates Hugging Face maps for popular model families render here exactly as
 * transformers renders them (PublishedChatTemplatesTest). Known gap: a boolean printed on
 * its own reads {@code true} where Python prints {@code True}; no published template prints
 * one.
 *
 * <p>The sandbox: templates reach no Java class beyond Jinjava's restricted bean access, read
 * no file ({@code include}, {@code import} and {@code from} are refused), and what they build
 * is bounded (output and strings 16 M characters, lists 1 M items, nesting 64 deep, 5 s of
 * rendering).
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

    private static final String STRFTIME_NOW = "strftime_now";
    /** Bounds on what a template may build: far above any chat prompt, far below the heap. */
    private static final long MAX_OUTPUT_CHARS = 16L << 20;
    private static final int MAX_LIST_SIZE = 1 << 20;
    private static final int MAX_RENDER_DEPTH = 64;
    /** Python's str methods first, then Jinjava's resolvers with their sandbox. */
    private static final ELResolver RESOLVER = new CompositeELResolver() {
        {
            add(new PythonStringMethods());
            add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        }
    };

    private static final long MAX_RENDER_NANOS = 5_000_000_000L;
    private static final ThreadLocal<Long> DEADLINE = ThreadLocal.withInitial(() -> Long.MAX_VALUE);

    /** The clock of the render in progress on this thread (Jinjava calls functions statically). */
    private static final ThreadLocal<Clock> CLOCK = ThreadLocal.withInitial(Clock::systemDefaultZone);

    private final Jinjava jinjava;

    HuggingFaceJinja() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(false) // done on the source instead: see jinja2Source
                .withLegacyOverrides(JINJA2_COMPATIBLE)
                .withElResolver(RESOLVER)
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withMaxStringLength(MAX_OUTPUT_CHARS)
                .withMaxListSize(MAX_LIST_SIZE)
                .withMaxRenderDepth(MAX_RENDER_DEPTH)
                .withMaxMacroRecursionDepth(MAX_RENDER_DEPTH)
                .withNodePreProcessor(HuggingFaceJinja::beforeNode)
                .build();
        jinjava = new Jinja2Jinjava(config);
        jinjava.setResourceLocator((name, encoding, interpreter) -> {
            throw new ResourceNotFoundException("chat templates cannot include or import other files (" + name + ")");
        });
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
                "", "raise_exception", HuggingFaceJinja.class, "raiseException", String.class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
                "", STRFTIME_NOW, HuggingFaceJinja.class, "strftimeNow", String.class));
        jinjava.getGlobalContext().registerTag(new GenerationTag());
        jinjava.getGlobalContext().registerTag(new Jinja2ForTag());
    }

    /**
     * Renders {@code template} with {@code variables}, {@code strftime_now} reading
     * {@code clock}; throws instead of returning partial text.
     */
    String render(String template, Map<String, ?> variables, Clock clock) {
        Clock previous = CLOCK.get();
        long previousDeadline = DEADLINE.get();
        CLOCK.set(clock);
        DEADLINE.set(System.nanoTime() + MAX_RENDER_NANOS);
        try {
            return render(template, variables);
        } catch (InterpretException e) {
            throw new ChatTemplateException("The chat template cannot be rendered: " + e.getMessage(), e);
        } finally {
            CLOCK.set(previous);
            DEADLINE.set(previousDeadline);
        }
    }

    /** Before every node: Jinjava's own bookkeeping, then the time bound. */
    private static void beforeNode(Node node, JinjavaInterpreter interpreter) {
        interpreter.getContext().setCurrentNode(node);
        if (System.nanoTime() - DEADLINE.get() > 0) {
            throw new InterpretException("it ran for more than " + MAX_RENDER_NANOS / 1_000_000_000L
                    + " s and was stopped (a chat template renders in milliseconds)",
                    node.getMaster().getLineNumber(), node.getMaster().getStartPosition());
        }
    }

    private String render(String template, Map<String, ?> variables) {
        Map<String, Object> context = new HashMap<>(variables);
        // transformers passes strftime_now as a variable, so `strftime_now is defined` holds
        context.put(STRFTIME_NOW, STRFTIME_NOW);
        RenderResult result = jinjava.renderForResult(jinja2Source(template), context);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            TemplateError first = fatal.get(0);
            Optional<TemplateRaised> raised = raisedBy(first.getException());
            if (raised.isPresent()) {
                throw new ChatTemplateException("The chat template refused the conversation: "
                        + raised.get().getMessage(), raised.get().getMessage(), raised.get());
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

    /** {@code strftime_now(format)} of Hugging Face templates: the local time, as Python formats it. */
    public static String strftimeNow(String format) {
        return PythonStrftime.format(format, LocalDateTime.now(CLOCK.get()));
    }

    /** Jinjava parsing expressions with Jinja2's grammar ({@link Jinja2Parser}). */
    private static final class Jinja2Jinjava extends Jinjava {
        private final ExpressionFactory expressions = new ExpressionFactoryImpl(
                new TreeStore(new Jinja2SyntaxBuilder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS),
                        new Cache(256)),
                new TruthyTypeConverter());

        Jinja2Jinjava(JinjavaConfig config) {
            super(config);
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return expressions;
        }
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
