package org.spinworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.AppInfo;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;

class CliTest {
    @TempDir
    Path workspace;

    private final List<Path> guiStarts = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        GuiStarter gui = folder -> {
            guiStarts.add(folder);
            return 0;
        };
        return Cli.create(gui, new BufferedReader(new StringReader(stdin)),
                new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private List<String> projectNames() {
        try (Workspace open = Workspace.open(workspace)) {
            return open.projects().list().stream().map(Project::name).toList();
        }
    }

    @Test
    void noCommandOpensTheGuiOnTheChosenWorkspace() {
        assertEquals(0, run("", "--workspace", workspace.toString()));
        assertEquals(List.of(workspace), guiStarts);
    }

    @Test
    void helpListsTheCommandsAndVersionPrintsTheVersion() {
        assertEquals(0, run("", "--help"));
        assertTrue(out.toString().contains("projects"), out.toString());
        assertTrue(out.toString().contains("--workspace"), out.toString());
        assertEquals(0, run("", "--version"));
        assertTrue(out.toString().startsWith(AppInfo.NAME + " " + AppInfo.version()), out.toString());
        assertFalse(AppInfo.version().contains("${"), "the version is filled in by the build");
        assertTrue(guiStarts.isEmpty());
    }

    @Test
    void createListAndDeleteProjects() {
        String ws = workspace.toString();
        assertEquals(0, run("", "projects", "list", "--workspace", ws));
        assertTrue(out.toString().contains("No projects"), out.toString());

        assertEquals(0, run("", "projects", "create", "Word sorting", "--description", "sort words", "--workspace", ws));
        assertEquals(0, run("", "--workspace", ws, "projects", "create", "算术"));
        assertEquals(0, run("", "projects", "list", "--workspace", ws));
        String listing = out.toString();
        assertTrue(listing.contains("Word sorting") && listing.contains("sort words") && listing.contains("算术"), listing);

        assertEquals(0, run("", "projects", "delete", "word sorting", "--yes", "--workspace", ws));
        assertEquals(List.of("算术"), projectNames());
        assertTrue(guiStarts.isEmpty());
    }

    @Test
    void deleteAsksForConfirmationAndKeepsTheProjectUnlessTheAnswerIsYes() {
        String ws = workspace.toString();
        run("", "projects", "create", "Keep me", "--workspace", ws);

        assertEquals(1, run("n\n", "projects", "delete", "Keep me", "--workspace", ws));
        assertTrue(out.toString().contains("[y/N]") && out.toString().contains("Nothing deleted"), out.toString());
        assertEquals(1, run("", "projects", "delete", "Keep me", "--workspace", ws));
        assertTrue(out.toString().contains("pass --yes"), out.toString());
        assertEquals(List.of("Keep me"), projectNames());

        assertEquals(0, run("yes\n", "projects", "delete", "Keep me", "--workspace", ws));
        assertEquals(List.of(), projectNames());
    }

    @Test
    void errorsAreOneLineMessagesWithAnExitCode() {
        String ws = workspace.toString();
        run("", "projects", "create", "Twice", "--workspace", ws);

        assertEquals(1, run("", "projects", "create", "twice", "--workspace", ws));
        assertEquals("error: A project named \"twice\" already exists.", err.toString().strip());

        assertEquals(1, run("", "projects", "delete", "missing", "--yes", "--workspace", ws));
        assertTrue(err.toString().startsWith("error: No project named \"missing\""), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace for user errors");

        assertEquals(2, run("", "bogus"));
        assertTrue(err.toString().contains("Unmatched argument"), err.toString());
    }

    @Test
    void aDatabaseThatIsNotOursIsReportedAndKept() throws Exception {
        Path db = workspace.resolve(Workspace.DATABASE_FILE);
        Files.writeString(db, "precious notes");

        assertEquals(1, run("", "projects", "list", "--workspace", workspace.toString()));

        assertTrue(err.toString().contains("is not a SPIN Workbench database"), err.toString());
        assertEquals("precious notes", Files.readString(db));
    }
}
