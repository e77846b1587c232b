package org.spinworkbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code projects list | create | delete}. */
@Command(name = "projects", description = "List, create and delete projects.",
        mixinStandardHelpOptions = true, subcommandsRepeatable = false)
public final class ProjectsCommand {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final WorkspaceOption workspace;
    private final BufferedReader input;

    @Spec
    CommandSpec spec;

    public ProjectsCommand(WorkspaceOption workspace, BufferedReader input) {
        this.workspace = workspace;
        this.input = input;
    }

    @Command(name = "list", description = "List the workspace's projects.", mixinStandardHelpOptions = true)
    int list() {
        try (Workspace open = workspace.open()) {
            List<Project> projects = open.projects().list();
            PrintWriter out = out();
            if (projects.isEmpty()) {
                out.println("No projects in " + open.folder() + " yet. Create one with: "
                        + "spin-workbench projects create NAME");
                return 0;
            }
            TextTable table = new TextTable("NAME", "CREATED", "DESCRIPTION");
            for (Project project : projects) {
                table.row(project.name(), DATE.format(project.createdAt()), project.description());
            }
            table.print(out);
            return 0;
        }
    }

    @Command(name = "create", description = "Create a project.", mixinStandardHelpOptions = true)
    int create(@Parameters(paramLabel = "NAME", description = "Project name (unique, any language).") String name,
               @Option(names = "--description", paramLabel = "TEXT", defaultValue = "",
                       description = "A line about what the project is for.") String description) {
        try (Workspace open = workspace.open()) {
            Project project = open.projects().create(name, description);
            out().println("Created project \"" + project.name() + "\" in "
                    + open.projects().folderOf(project));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a project with all its runs and files.",
            mixinStandardHelpOptions = true)
    int delete(@Parameters(paramLabel = "NAME") String name,
               @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes)
            throws IOException {
        try (Workspace open = workspace.open()) {
            Project project = open.projects().find(name).orElseThrow(() ->
                    new IllegalArgumentException("No project named \"" + name + "\" in " + open.folder() + "."));
            if (!yes && !confirm(project, open)) {
                out().println("Nothing deleted.");
                return 1;
            }
            open.projects().delete(project);
            out().println("Deleted project \"" + project.name() + "\".");
            return 0;
        }
    }

    private boolean confirm(Project project, Workspace open) throws IOException {
        PrintWriter out = out();
        out.print("Delete project \"" + project.name() + "\" with all its runs, samples and checkpoints in "
                + open.projects().folderOf(project) + "? This cannot be undone. [y/N] ");
        out.flush();
        String answer = input.readLine();
        if (answer == null) {
            out.println();
            out.println("No answer on standard input; pass --yes to delete without asking.");
            return false;
        }
        String normalized = answer.strip().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
