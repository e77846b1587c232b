package org.spinworkbench.runs;

import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.RunFolder;

/** Where a run's files live: {@code <workspace>/projects/<project>/runs/run-<id>/}. */
public final class RunFolders {
    private RunFolders() {
    }

    public static RunFolder of(Workspace workspace, Run run) {
        Project project = workspace.projects().find(run.projectId()).orElseThrow();
        return new RunFolder(workspace.projects().folderOf(project).resolve("runs").resolve("run-" + run.id()));
    }
}
