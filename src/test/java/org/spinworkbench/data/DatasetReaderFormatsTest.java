package org.spinworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.io.Sha256;
import org.spinworkbench.lm.ChatMessage;

/** Every format, from every layout it comes in, detected from its keys and read into examples. */
class DatasetReaderFormatsTest {
    @TempDir
    Path dir;

    private static LoadedDataset read(String fixture) {
        return DatasetReader.read(Fixtures.dataset(fixture), null, ProblemPolicy.STOP);
    }

    private static void assertSpinSample(LoadedDataset data, int rows) {
        assertEquals(DatasetFormat.SPIN, data.format());
        assertEquals(rows, data.rowsRead());
        assertEquals(rows, data.examples().size());
        assertTrue(data.skipped().isEmpty());
        Example first = data.examples().get(0);
        assertEquals(1, first.row());
        assertEquals(List.of(ChatMessage.user("What is 2 + 2?")), first.prompt());
        assertEquals("2 + 2 = 4.", first.realResponse());
        assertEquals("It is 5.", first.generatedResponse());
        Example chinese = data.examples().get(1);
        assertEquals(List.of(ChatMessage.user("把“你好”翻译成英文。")), chinese.prompt());
        assertEquals("“你好”的英文是 \"Hello\"。", chinese.realResponse());
    }

    @Test
    void spinLayoutFromJsonLinesWithSystemAndEarlierTurnsInThePrompt() {
        LoadedDataset data = read("spin_sample.jsonl");
        assertSpinSample(data, 3);
        Example multiTurn = data.examples().get(2);
        assertEquals(3, multiTurn.row());
        assertEquals(List.of(ChatMessage.system("Answer briefly."), ChatMessage.user("Name a prime."),
                ChatMessage.assistant("7"), ChatMessage.user("Another?")), multiTurn.prompt());
        assertEquals("11", multiTurn.realResponse());
        assertEquals("9", multiTurn.generatedResponse());
    }

    @Test
    void spinLayoutFromAJsonArray() {
        assertSpinSample(read("spin_sample.json"), 2);
    }

    @Test
    void spinLayoutFromParquetAsPublished() {
        LoadedDataset fromParquet = read("spin_sample.parquet");
        assertSpinSample(fromParquet, 3);
        assertEquals(read("spin_sample.jsonl").examples(), fromParquet.examples());
    }

    @Test
    void chatMessages() {
        LoadedDataset data = read("messages_sample.jsonl");
        assertEquals(DatasetFormat.MESSAGES, data.format());
        assertEquals(List.of(ChatMessage.system("You are terse."), ChatMessage.user("Capital of France?")),
                data.examples().get(0).prompt());
        assertEquals("Paris.", data.examples().get(0).realResponse());
        assertNull(data.examples().get(0).generatedResponse());
        assertEquals("東京です。", data.examples().get(1).realResponse());
    }

    @Test
    void alpacaJoinsInstructionAndInputAndKeepsTheSystemText() {
        LoadedDataset data = read("alpaca_sample.json");
        assertEquals(DatasetFormat.ALPACA, data.format());
        assertEquals(List.of(ChatMessage.user("Give the opposite of the word.\nhot")), data.examples().get(0).prompt());
        assertEquals("cold", data.examples().get(0).realResponse());
        assertEquals(List.of(ChatMessage.system("用中文回答。"), ChatMessage.user("用一句话介绍长城。")),
                data.examples().get(1).prompt());
    }

    @Test
    void shareGptWithHumanGptAndUserAssistantNames() {
        LoadedDataset data = read("sharegpt_sample.jsonl");
        assertEquals(DatasetFormat.SHAREGPT, data.format());
        assertEquals(List.of(ChatMessage.user("Say hi.")), data.examples().get(0).prompt());
        assertEquals("Hi!", data.examples().get(0).realResponse());
        assertEquals(List.of(ChatMessage.system("Be polite."), ChatMessage.user("谢谢")), data.examples().get(1).prompt());
        assertEquals("不客气。", data.examples().get(1).realResponse());
    }

    @Test
    void shareGptTopLevelSystemBecomesTheSystemMessage() throws Exception {
        Path file = write("sys.jsonl", "{\"system\": \"Be brief.\", \"conversations\": [{\"from\": \"human\", \"value\": \"hi\"},"
                + " {\"from\": \"gpt\", \"value\": \"hello\"}]}\n");
        assertEquals(List.of(ChatMessage.system("Be brief."), ChatMessage.user("hi")),
                DatasetReader.read(file, null, ProblemPolicy.STOP).examples().get(0).prompt());
    }

    @Test
    void promptResponseFromJsonLines() {
        LoadedDataset data = read("prompt_response_sample.jsonl");
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.format());
        assertEquals(List.of(ChatMessage.user("한국의 수도는?")), data.examples().get(1).prompt());
        assertEquals("서울입니다.", data.examples().get(1).realResponse());
    }

    @Test
    void promptResponseFromCsvNumberedByTheLineEachRecordStartsOn() {
        LoadedDataset data = read("prompt_response_sample.csv");
        assertEquals(DatasetFormat.PROMPT_RESPONSE, data.format());
        assertEquals(List.of(2, 3, 4, 7), data.examples().stream().map(Example::row).toList());
        assertEquals("Write a CSV line with a comma, please", data.examples().get(0).prompt().get(0).content());
        assertEquals("a,b", data.examples().get(0).realResponse());
        assertEquals("Quote: \"to be\"", data.examples().get(1).prompt().get(0).content());
        assertEquals("He said \"yes\".", data.examples().get(1).realResponse());
        assertEquals("Two\r\nlines", data.examples().get(2).prompt().get(0).content());
        assertEquals("第一行\r\n第二行", data.examples().get(2).realResponse());
        assertEquals("text", data.examples().get(3).realResponse());
    }

    @Test
    void jsonLinesInADotJsonFileAndUnknownExtensionsAreToldByContent() throws Exception {
        String row = "{\"prompt\": \"p\", \"response\": \"r\"}\n";
        assertEquals(2, DatasetReader.read(write("lines.json", row + row), null, ProblemPolicy.STOP).examples().size());
        assertEquals(1, DatasetReader.read(write("data.txt", row), null, ProblemPolicy.STOP).examples().size());
        Path parquet = dir.resolve("spin.data");
        Files.copy(Fixtures.dataset("spin_sample.parquet"), parquet);
        assertEquals(DatasetFormat.SPIN, DatasetReader.read(parquet, null, ProblemPolicy.STOP).format());
    }

    @Test
    void aNamedFormatOverridesDetection() throws Exception {
        // Fits both chat messages and prompt/response; the user decides.
        Path file = write("both.jsonl", "{\"prompt\": \"p\", \"response\": \"r\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"m\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}\n");
        DataFileException ambiguous = assertThrows(DataFileException.class,
                () -> DatasetReader.read(file, null, ProblemPolicy.STOP));
        assertTrue(ambiguous.getMessage().contains("more than one format (messages, prompt_response)"), ambiguous.getMessage());

        assertEquals("a", DatasetReader.read(file, DatasetFormat.MESSAGES, ProblemPolicy.STOP).examples().get(0).realResponse());
        LoadedDataset asPairs = DatasetReader.read(file, DatasetFormat.PROMPT_RESPONSE, ProblemPolicy.STOP);
        assertEquals(DatasetFormat.PROMPT_RESPONSE, asPairs.format());
        assertEquals("r", asPairs.examples().get(0).realResponse());
    }

    @Test
    void spinRowsWithoutGeneratedHaveNoSyntheticResponse() throws Exception {
        Path file = write("real.jsonl", "{\"real\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}\n");
        Example example = DatasetReader.read(file, null, ProblemPolicy.STOP).examples().get(0);
        assertEquals("a", example.realResponse());
        assertNull(example.generatedResponse());
    }

    @Test
    void theContentHashIsTheSha256OfTheFileBytes() throws Exception {
        LoadedDataset data = read("prompt_response_sample.jsonl");
        assertEquals(Sha256.ofFile(data.file()), data.sha256());
        assertEquals(64, data.sha256().length());
    }

    @Test
    void formatIdsAreWhatUsersTypeAndTheStoreKeeps() {
        assertEquals("prompt_response", DatasetFormat.PROMPT_RESPONSE.id());
        assertEquals(DatasetFormat.PROMPT_RESPONSE, DatasetFormat.fromId("Prompt-Response"));
        assertEquals(DatasetFormat.SHAREGPT, DatasetFormat.fromId("sharegpt"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DatasetFormat.fromId("dolly"));
        assertTrue(unknown.getMessage().startsWith("Unknown dataset format \"dolly\"; supported: spin (real, generated), "),
                unknown.getMessage());
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
