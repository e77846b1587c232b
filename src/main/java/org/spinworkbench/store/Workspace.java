package org.spinworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * An open workspace folder: {@code workbench.db}, one folder per project under
 * {@code projects/}, and an exclusive lock that keeps a second process out.
 */
public final class Workspace implements AutoCloseable {
    public static final String DATABASE_FILE = "workbench.db";
    public static final String PROJECTS_FOLDER = "projects";

    private final Path folder;
    private final WorkspaceLock lock;
    private final Database database;
    private final Projects projects;
    private final SettingsRepository settings;
    private final ModelRepository models;
    private final DatasetRepository datasets;
    private final RunRepository runs;
    private final IterationRepository iterations;
    private final SampleRepository samples;
    private final MetricRepository metrics;
    private final EvaluationRepository evaluations;
    private final CheckpointRepository checkpoints;

    private Workspace(Path folder, WorkspaceLock lock, Database database, Clock clock) {
        this.folder = folder;
        this.lock = lock;
        this.database = database;
        this.projects = new Projects(new ProjectRepository(database, clock), folder.resolve(PROJECTS_FOLDER));
        this.settings = new SettingsRepository(database);
        this.models = new ModelRepository(database, clock);
        this.datasets = new DatasetRepository(database, clock);
        this.runs = new RunRepository(database, clock);
        this.iterations = new IterationRepository(database, clock);
        this.samples = new SampleRepository(database);
        this.metrics = new MetricRepository(database);
        this.evaluations = new EvaluationRepository(database, clock);
        this.checkpoints = new CheckpointRepository(database, clock);
    }

    public static Workspace open(Path folder) {
        return open(folder, Clock.systemUTC());
    }

    /** Creates the folder if needed, takes the lock, opens and migrates the database. */
    public static Workspace open(Path folder, Clock clock) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve(PROJECTS_FOLDER));
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.UNAVAILABLE,
                    "Cannot create the workspace folder " + absolute + ": " + e.getMessage(), e);
        }
        WorkspaceLock lock = WorkspaceLock.acquire(absolute);
        try {
            Database database = Database.open(absolute.resolve(DATABASE_FILE));
            return new Workspace(absolute, lock, database, clock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path folder() {
        return folder;
    }

    public Database database() {
        return database;
    }

    public Projects projects() {
        return projects;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public ModelRepository models() {
        return models;
    }

    public DatasetRepository datasets() {
        return datasets;
    }

    public RunRepository runs() {
        return runs;
    }

    public IterationRepository iterations() {
        return iterations;
    }

    public SampleRepository samples() {
        return samples;
    }

    public MetricRepository metrics() {
        return metrics;
    }

    public EvaluationRepository evaluations() {
        return evaluations;
    }

    public CheckpointRepository checkpoints() {
        return checkpoints;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            lock.close();
        }
    }
}
