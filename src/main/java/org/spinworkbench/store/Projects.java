package org.spinworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.spinworkbench.io.FileTrees;

/**
 * Projects as the user sees them: a row in the database plus a folder under
 * {@code <workspace>/projects/} for checkpoints and exported models.
 */
public final class Projects {
    private final ProjectRepository repository;
    private final Path projectsFolder;

    public Projects(ProjectRepository repository, Path projectsFolder) {
        this.repository = repository;
        this.projectsFolder = projectsFolder;
    }

    public List<Project> list() {
        return repository.list();
    }

    public Optional<Project> find(String name) {
        return repository.findByName(name.strip());
    }

    public Optional<Project> find(long id) {
        return repository.findById(id);
    }

    public Project create(String name, String description) {
        String validName = ProjectNames.validate(name);
        if (repository.findByName(validName).isPresent()) {
            throw new DuplicateNameException("A project named \"" + validName + "\" already exists.");
        }
        String folder = freeFolder(ProjectNames.folderBase(validName));
        Path path = projectsFolder.resolve(folder);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new StoreException("Cannot create the project folder " + path + ": " + e.getMessage(), e);
        }
        try {
            return repository.insert(validName, description == null ? "" : description.strip(), folder);
        } catch (RuntimeException e) {
            deleteQuietly(path);
            throw e;
        }
    }

    public Project rename(Project project, String newName) {
        return repository.rename(project.id(), ProjectNames.validate(newName));
    }

    public Project describe(Project project, String description) {
        return repository.describe(project.id(), description == null ? "" : description.strip());
    }

    /**
     * Deletes the project's records, then its folder. The records go first: a folder left
     * behind by a failed delete is only disk space, a record without its folder is a broken
     * project.
     */
    public void delete(Project project) {
        if (!repository.delete(project.id())) {
            throw new StoreException("The project \"" + project.name() + "\" no longer exists.");
        }
        Path folder = folderOf(project);
        try {
            FileTrees.delete(folder);
        } catch (IOException e) {
            throw new StoreException("The project \"" + project.name() + "\" was deleted, but its folder "
                    + folder + " could not be removed completely: " + e.getMessage(), e);
        }
    }

    public Path folderOf(Project project) {
        return projectsFolder.resolve(project.folder());
    }

    private String freeFolder(String base) {
        String candidate = base;
        for (int n = 2; repository.folderTaken(candidate) || Files.exists(projectsFolder.resolve(candidate)); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException ignored) {
            // the insert failure is what the user needs to see
        }
    }
}
