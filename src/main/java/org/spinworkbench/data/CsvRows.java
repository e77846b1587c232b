package org.spinworkbench.data;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spinworkbench.io.Problems;

/**
 * CSV as RFC 4180 writes it (and spreadsheets export it): a header row naming the columns,
 * comma-separated fields, double-quoted fields that may hold commas, newlines and doubled
 * quotes, UTF-8 with or without a byte-order mark. Each record becomes a row keyed by the
 * header and numbered by the line its record starts on, which is the line an editor shows.
 * Fields are kept verbatim: spaces around a value may be part of it.
 */
final class CsvRows {
    private CsvRows() {
    }

    static List<SourceRow> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot be read: " + Problems.describe(e));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRecord> records = new CsvParser(text).records();
        if (records.isEmpty()) {
            throw new DataFileException(file, 0, "the CSV file is empty; it needs a header row with the columns prompt and response");
        }
        List<String> header = header(file, records.get(0));
        List<SourceRow> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            rows.add(row(header, record));
        }
        return rows;
    }

    private static List<String> header(Path file, CsvRecord record) {
        if (record.problem() != null) {
            throw new DataFileException(file, record.line(), "the header row is broken: " + record.problem());
        }
        List<String> names = record.fields().stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new DataFileException(file, record.line(), "the header names the column \"" + name + "\" twice");
            }
        }
        return names;
    }

    private static SourceRow row(List<String> header, CsvRecord record) {
        if (record.problem() != null) {
            return SourceRow.broken(record.line(), record.problem());
        }
        if (record.fields().size() != header.size()) {
            int count = record.fields().size();
            return SourceRow.broken(record.line(), "has " + count + (count == 1 ? " field" : " fields")
                    + ", the header has " + header.size());
        }
        JsonObject fields = new JsonObject();
        for (int i = 0; i < header.size(); i++) {
            fields.addProperty(header.get(i), record.fields().get(i));
        }
        return SourceRow.of(record.line(), fields);
    }

    /** One record: its fields, the line it starts on, and what is wrong with it (or null). */
    record CsvRecord(int line, List<String> fields, String problem) {
    }

    /** A single pass over the text; lines are counted inside quoted fields too. */
    static final class CsvParser {
        private final String text;
        private int at;
        private int line = 1;

        CsvParser(String text) {
            this.text = text;
        }

        List<CsvRecord> records() {
            List<CsvRecord> records = new ArrayList<>();
            while (at < text.length()) {
                if (atLineEnd()) {
                    skipLineEnd(); // a blank line is no record
                    continue;
                }
                records.add(record());
            }
            return records;
        }

        private CsvRecord record() {
            int start = line;
            List<String> fields = new ArrayList<>();
            String problem = null;
            while (true) {
                StringBuilder field = new StringBuilder();
                if (peek() == '"') {
                    at++;
                    if (!quoted(field)) {
                        return new CsvRecord(start, fields, "a quoted field is never closed");
                    }
                    if (at < text.length() && peek() != ',' && !atLineEnd() && problem == null) {
                        problem = "text after the closing quote of field " + (fields.size() + 1)
                                + " (a quote inside a field must be doubled: \"\")";
                    }
                }
                while (at < text.length() && peek() != ',' && !atLineEnd()) {
                    field.append(text.charAt(at++));
                }
                fields.add(field.toString());
                if (at < text.length() && peek() == ',') {
                    at++;
                    continue;
                }
                skipLineEnd();
                return new CsvRecord(start, fields, problem);
            }
        }

        /** Reads up to the closing quote; false when the text ends first. */
        private boolean quoted(StringBuilder field) {
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    if (at < text.length() && peek() == '"') {
                        field.append('"');
                        at++;
                        continue;
                    }
                    return true;
                }
                if (c == '\n' || (c == '\r' && (at >= text.length() || peek() != '\n'))) {
                    line++;
                }
                field.append(c);
            }
            return false;
        }

        private char peek() {
            return text.charAt(at);
        }

        private boolean atLineEnd() {
            return peek() == '\n' || peek() == '\r';
        }

        private void skipLineEnd() {
            if (at >= text.length()) {
                return;
            }
            if (peek() == '\r') {
                at++;
                if (at < text.length() && peek() == '\n') {
                    at++;
                }
            } else {
                at++;
            }
            line++;
        }
    }
}
