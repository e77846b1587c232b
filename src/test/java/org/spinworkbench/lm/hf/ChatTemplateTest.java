package org.spinworkbench.lm.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spinworkbench.lm.ChatMessage.assistant;
import static org.spinworkbench.lm.ChatMessage.system;
import static org.spinworkbench.lm.ChatMessage.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.lm.ChatMessage;

/**
 * Real templates, copied from the models' {@code tokenizer_config.json}. The expected strings
 * are what {@code transformers}' Jinja2 environment renders for the same conversation.
 */
class ChatTemplateTest {
    private static final List<ChatMessage> WITH_SYSTEM = List.of(
            system("Be brief."), user(" What is 2+2? "), assistant("4"), user("And 3+3?"));
    private static final List<ChatMessage> ANSWERED = List.of(user("Hi\nthere"), assistant("  Hello.  "));

    @TempDir
    Path dir;

    @Test
    void llama2WrapsTurnsInInstAndPutsTheSystemPromptIntoTheFirstOne() {
        ChatTemplate template = ChatTemplate.load(fixture("llama-2-chat"));

        assertEquals("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\n What is 2+2? [/INST] 4 </s><s>[INST] And 3+3? [/INST]",
                template.render(WITH_SYSTEM, true));
        assertEquals("<s>[INST] Hi\nthere [/INST] Hello. </s>", template.render(ANSWERED, false));
    }

    @Test
    void llama2RaisesOnRolesThatDoNotAlternate() {
        ChatTemplate template = ChatTemplate.load(fixture("llama-2-chat"));

        ChatTemplateException error = assertThrows(ChatTemplateException.class,
                () -> template.render(List.of(user("a"), user("b")), true));

        assertEquals("The chat template refused the conversation: Conversation roles must alternate"
                + " user/assistant/user/assistant/...", error.getMessage());
    }

    @Test
    void zephyrReliesOnTrimBlocksAndNewlinesInsideStringLiterals() {
        ChatTemplate template = ChatTemplate.load(fixture("zephyr"));

        assertEquals("<|system|>\nBe brief.</s>\n<|user|>\n What is 2+2? </s>\n<|assistant|>\n4</s>\n"
                + "<|user|>\nAnd 3+3?</s>\n<|assistant|>\n", template.render(WITH_SYSTEM, true));
        assertEquals("<|user|>\nHi\nthere</s>\n<|assistant|>\n  Hello.  </s>\n", template.render(ANSWERED, false));
    }

    @Test
    void qwen2AddsItsDefaultSystemMessageOnlyWhenThereIsNone() {
        ChatTemplate template = ChatTemplate.load(fixture("qwen2-instruct"));

        assertEquals("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHello!<|im_end|>\n"
                + "<|im_start|>assistant\n", template.render(List.of(user("Hello!")), true));
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nWhat is 2+2?<|im_end|>\n",
                template.render(List.of(system("Be brief."), user("What is 2+2?")), false));
    }

    @Test
    void llama3StartsWithBosAndTrimsEachContentButNotTheHeaders() {
        ChatTemplate template = ChatTemplate.load(fixture("llama-3-instruct"));

        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWhat is 2+2?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n4<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nAnd 3+3?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n", template.render(WITH_SYSTEM, true));
        assertEquals("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi\nthere<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nHello.<|eot_id|>", template.render(ANSWERED, false));
    }

    @Test
    void chatMlOfOpenHermesKeepsContentVerbatim() {
        ChatTemplate template = ChatTemplate.load(fixture("openhermes-chatml"));

        assertEquals("<|im_start|>user\nHi\nthere<|im_end|>\n<|im_start|>assistant\n  Hello.  <|im_end|>\n"
                + "<|im_start|>assistant\n", template.render(ANSWERED, true));
        assertFalse(template.isFallback());
    }

    @Test
    void aModelWithoutTemplateGetsChatMl() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");

        ChatTemplate template = ChatTemplate.load(dir);

        assertTrue(template.isFallback());
        assertEquals(ChatTemplate.CHATML, template.source());
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
                template.render(List.of(system("Be brief."), user("Hi")), true));
        assertEquals("<|im_start|>user\nHi<|im_end|>\n", template.render(List.of(user("Hi")), false));
    }

    @Test
    void aFolderWithoutTokenizerConfigGetsChatMlToo() {
        assertTrue(ChatTemplate.load(dir).isFallback());
    }

    @Test
    void ofTheNamedTemplatesTheDefaultIsTaken() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {"chat_template": [
                  {"name": "tool_use", "template": "TOOLS"},
                  {"name": "default", "template": "{{ bos_token }}{{ messages[0]['content'] }}"}
                ], "bos_token": {"content": "<s>"}}
                """);

        assertEquals("<s>Hi", ChatTemplate.load(dir).render(List.of(user("Hi")), false));
    }

    @Test
    void namedTemplatesWithoutDefaultAreAnError() throws IOException {
        Path config = Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"chat_template\": [{\"name\": \"tool_use\", \"template\": \"x\"}, {\"name\": \"rag\", \"template\": \"y\"}]}");

        ChatTemplateException error = assertThrows(ChatTemplateException.class, () -> ChatTemplate.load(dir));

        assertEquals(config + " has chat templates named [tool_use, rag] but none named \"default\", the one used"
                + " for chat.", error.getMessage());
    }

    @Test
    void aChatTemplateJinjaFileTakesPrecedence() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": \"from config\"}");
        Files.writeString(dir.resolve("chat_template.jinja"), "{% for m in messages %}[{{ m.role }}]{% endfor %}\n");

        assertEquals("[user]", ChatTemplate.load(dir).render(List.of(user("Hi")), false));
    }

    @Test
    void whitespaceFollowsJinja2NotJinjava() {
        // lstrip_blocks strips indentation only; {%+ keeps it; trim_blocks drops the newline
        // after a tag or comment; {{- and -}} trim around expressions; CRLF reads as LF; the
        // last newline of the template is dropped. Expected string rendered by Python's Jinja2.
        String source = "a {% if true %}b, {% endif %}c\n  {# note #}\n  {%+ if true %}kept{% endif %}\n"
                + "\t{% for m in messages %}{{ m.role }}, {% endfor %}\r\n<{{- ' x ' -}}>\n";

        assertEquals("a b, c\n  keptuser, assistant, < x >", ChatTemplate.of(source, null, null).render(ANSWERED, false));
    }

    // Expected strings below were rendered by Python's Jinja2 3.1 (ImmutableSandboxedEnvironment,
    // trim_blocks, lstrip_blocks) for the same source and THREE_TURNS.
    private static final List<ChatMessage> THREE_TURNS = List.of(user("Hi"), assistant("Yo"), user("Bye"));

    @Test
    void pythonStringMethodsHavePythonsMeaning() {
        String source = "{{ ' a b  '.split() }}|{{ 'a,b,,'.split(',') }}|{{ 'x\\n\\ny'.lstrip('x\\n') }}"
                + "|{{ 'gpt4 correct user'.title() }}|{{ 'yes' if 'Hi'.startswith(('x','H')) }}"
                + "|{{ '<think>a</think>b'.split('</think>')[-1] }}";

        assertEquals("['a', 'b']|['a', 'b', '', '']|y|Gpt4 Correct User|yes|b", render(source));
    }

    @Test
    void notBindsLooserThanComparisonsAndTests() {
        assertEquals("yes|undef|2", render("{{ 'yes' if not 1 == 2 else 'no' }}|{% if not x is defined %}undef{% endif %}"
                + "|{{ (messages|length - 1) }}"));
    }

    @Test
    void keywordArgumentsSlicesWithStepsAndParenthesisedDicts() {
        assertEquals("2|[3, 2, 1]|bd|cba", render("{% set ns = namespace(i=messages|length - 1) %}{{ ns.i }}"
                + "|{{ [1,2,3][::-1] }}|{{ 'abcdef'[1:5:2] }}|{{ 'abc'[::-1] }}"));
        assertEquals("a=1;b=2;", render("{% set d = ({'a': 1, 'b': 2}) %}{% for k in d %}{{ k }}={{ d[k] }};{% endfor %}"));
    }

    @Test
    void loopsTakeAFilterAndAnElseBranch() {
        assertEquals("none", render("{% for m in messages if m.role == 'system' %}{{ loop.index }}{{ m.content }}"
                + "{% else %}none{% endfor %}"));
        assertEquals("1/2:Hi 2/2:Bye ", render("{% for m in messages if m.role == 'user' %}"
                + "{{ loop.index }}/{{ loop.length }}:{{ m.content }} {% endfor %}"));
    }

    @Test
    void addingAnUndefinedValueIsAnErrorAsInPython() {
        ChatTemplateException error = assertThrows(ChatTemplateException.class, () -> render("{{ 'a' + x }}"));

        assertTrue(error.getMessage().startsWith("The chat template cannot be rendered: "), error.getMessage());
    }

    @Test
    void strftimeNowReadsTheTemplatesClockAsPythonFormatsIt() {
        ChatTemplate template = ChatTemplate.of("{% if strftime_now is defined %}{{ strftime_now('%d %b %Y|%B %-d, %Y|%A %j %I%p') }}{% endif %}",
                null, null).withClock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-05T15:04:05Z"), java.time.ZoneOffset.UTC));

        // Python: datetime(2026, 3, 5, 15, 4, 5).strftime('%d %b %Y|%B %-d, %Y|%A %j %I%p')
        assertEquals("05 Mar 2026|March 5, 2026|Thursday 064 03PM", template.render(THREE_TURNS, false));
    }

    @Test
    void templatesCannotIncludeFiles() {
        ChatTemplateException error = assertThrows(ChatTemplateException.class,
                () -> render("{% include 'META-INF/MANIFEST.MF' %}"));

        assertTrue(error.getMessage().contains("cannot include"), error.getMessage());
    }

    @Test
    void aTemplateThatWouldRunForeverIsStopped() {
        String nested = "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}{{ '' }}"
                + "{% endfor %}{% endfor %}{% endfor %}"; // 10^9 steps

        ChatTemplateException error = assertThrows(ChatTemplateException.class, () -> render(nested));

        assertTrue(error.getMessage().contains("was stopped"), error.getMessage());
    }

    @Test
    void aTemplateThatDoublesAStringUntilMemoryRunsOutIsStopped() {
        String doubling = "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
                + "{% endfor %}{{ ns.s }}"; // 2^40 characters

        ChatTemplateException error = assertThrows(ChatTemplateException.class, () -> render(doubling));

        assertTrue(error.getMessage().startsWith("The chat template cannot be rendered: "), error.getMessage());
    }

    private static String render(String source) {
        return ChatTemplate.of(source, null, null).render(THREE_TURNS, false);
    }

    @Test
    void aTemplateWithASyntaxErrorIsReported() {
        ChatTemplate template = ChatTemplate.of("{% for m in messages %}{{ m.content }}", null, null);

        ChatTemplateException error = assertThrows(ChatTemplateException.class,
                () -> template.render(List.of(user("Hi")), false));

        assertTrue(error.getMessage().startsWith("The chat template cannot be rendered: "), error.getMessage());
    }

    @Test
    void aTrainingExampleIsCutWhereTheResponseStarts() {
        ChatTemplate chatMl = ChatTemplate.chatMl();

        RenderedExample example = chatMl.renderExample(List.of(user("2+2?")), "4");

        assertEquals("<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n", example.prompt());
        assertEquals("4<|im_end|>\n", example.response());
        assertEquals(chatMl.render(List.of(user("2+2?"), assistant("4")), false), example.conversation());
    }

    @Test
    void theResponseIsWhatTheTemplateMakesOfIt() {
        RenderedExample llama3 = ChatTemplate.load(fixture("llama-3-instruct"))
                .renderExample(List.of(system("Be brief."), user("2+2?")), "  4 \n");
        RenderedExample llama2 = ChatTemplate.load(fixture("llama-2-chat")).renderExample(List.of(user("2+2?")), "4");

        assertEquals("4<|eot_id|>", llama3.response(), "Llama 3 trims the content and ends the turn");
        assertEquals("<s>[INST] 2+2? [/INST]", llama2.prompt(), "Llama 2 has no generation prompt");
        assertEquals(" 4 </s>", llama2.response());
    }

    @Test
    void aTemplateThatRendersThePromptDifferentlyCannotBeCut() {
        ChatTemplate template = ChatTemplate.of("{% for m in messages %}<{{ m.role }}>{{ m.content }}\n{% endfor %}"
                + "{% if add_generation_prompt %}<bot>{% endif %}", null, null);

        ChatTemplateException error = assertThrows(ChatTemplateException.class,
                () -> template.renderExample(List.of(user("Hi")), "Hello"));

        assertEquals("The chat template renders the prompt differently on its own than at the start of the full"
                + " conversation, so the response cannot be cut off from it. They part at character 10: the prompt"
                + " continues with \"bot>\", the conversation with \"assistant>Hello\\n\".", error.getMessage());
    }

    @Test
    void aPromptEndingWithTheAssistantIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ChatTemplate.chatMl().renderExample(ANSWERED, "again"));

        assertEquals("The prompt of a training example must not end with an assistant turn.", error.getMessage());
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("missing");

        TokenizerException error = assertThrows(TokenizerException.class, () -> ChatTemplate.load(missing));

        assertEquals("The model folder " + missing + " does not exist.", error.getMessage());
    }

    private static Path fixture(String name) {
        return TokenizerFixtures.folder(name);
    }
}
