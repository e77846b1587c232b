package org.spinworkbench.runs;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spinworkbench.data.DatasetFormat;
import org.spinworkbench.data.DatasetReader;
import org.spinworkbench.data.DatasetSplit;
import org.spinworkbench.data.DatasetSplits;
import org.spinworkbench.data.ExampleCheck;
import org.spinworkbench.data.LoadedDataset;
import org.spinworkbench.data.ProblemPolicy;
import org.spinworkbench.data.PromptTurns;
import org.spinworkbench.data.tasks.CheckedExample;
import org.spinworkbench.io.Problems;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.lm.ModelConfig;
import org.spinworkbench.lm.hf.ChatTemplate;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.store.Checkpoint;
import org.spinworkbench.store.ContentHash;
import org.spinworkbench.store.DiskFull;
import org.spinworkbench.store.IterationStatus;
import org.spinworkbench.store.MetricPoint;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.RegisteredDataset;
import org.spinworkbench.store.RegisteredModel;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.RunKind;
import org.spinworkbench.store.RunPlan;
import org.spinworkbench.store.RunStatus;
import org.spinworkbench.store.StoreException;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.Cancellation;
import org.spinworkbench.train.LengthCheck;
import org.spinworkbench.train.ModelEvaluator;
import org.spinworkbench.train.RunCancelledException;
import org.spinworkbench.train.RunContext;
import org.spinworkbench.train.RunFolder;
import org.spinworkbench.train.TaskAccuracy;
import org.spinworkbench.train.TemplateCheck;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.train.TrainingDivergedException;
import org.spinworkbench.train.TrainingListener;
import org.spinworkbench.train.TrainingRun;

/**
 * Starting, resuming and exporting runs: the one service the command line and the GUI
 * share. It registers the model and data a run uses (with content hashes), records the run
 * with its full configuration, and connects the training loop to the workspace.
 */
public final class RunService {
    private final Workspace workspace;
    private final Device device;

    public RunService(Workspace workspace, Device device) {
        this.workspace = workspace;
        this.device = device;
    }

    /** Where this service's runs compute. */
    public Device device() {
        return device;
    }

    /** Registers everything, records the run, and runs it until it ends, fails or is cancelled. */
    public RunOutcome start(RunSpec spec, TrainingListener observer, Cancellation cancellation) throws IOException {
        return prepare(spec, observer).run(observer, cancellation);
    }

    /**
     * Registers the model and data, reports the dataset to {@code observer} and records the
     * run, without training: the caller learns the run's id before the minutes of training
     * (the window opens its dashboard on it). A bad model or dataset fails here, and no run
     * is recorded.
     */
    public PreparedRun prepare(RunSpec spec, TrainingListener observer) throws IOException {
        Project project = workspace.projects().find(spec.project())
                .orElseGet(() -> workspace.projects().create(spec.project(), ""));
        Path baseModel = Path.of(spec.baseModel()).toAbsolutePath().normalize();
        ModelConfig config = PretrainedModel.readConfig(baseModel);
        Data data = load(spec);
        RegisteredModel model = workspace.models().register(project.id(), baseModel.getFileName().toString(), baseModel,
                config.architecture(), config.parameterCount(), config.toJson(), ContentHash.ofFolder(baseModel));
        List<String> described = new ArrayList<>(List.of(data.train().describe()));
        if (data.eval() != null) {
            described.add(data.eval().describe());
        }
        described.add(data.split().train().size() + " training and " + data.split().eval().size()
                + " held-out examples");
        described.forEach(observer::log);
        RegisteredDataset dataset = register(project, data.train());
        RegisteredDataset evalDataset = data.eval() == null ? null : register(project, data.eval());
        TrainingConfig training = spec.training();
        Run run = workspace.runs().create(RunPlan.of(project.id(),
                training.kind() == TrainingConfig.Kind.SFT ? RunKind.SFT : RunKind.SPIN,
                new RunPlan.Inputs(model.id(), dataset.id(), evalDataset == null ? null : evalDataset.id()),
                spec.toJson(), training.seed()));
        RunLogFile log = logOf(run);
        log.line("Run " + run.id() + " (" + run.kind().name() + ") of project " + project.name() + ": " + baseModel
                + " on " + data.train().file().toAbsolutePath());
        described.forEach(log::line);
        return new PreparedRun(run, spec, data.split());
    }

    /** A recorded run with its data loaded, ready to train. */
    public final class PreparedRun {
        private final Run run;
        private final RunSpec spec;
        private final DatasetSplit split;

        private PreparedRun(Run run, RunSpec spec, DatasetSplit split) {
            this.run = run;
            this.spec = spec;
            this.split = split;
        }

        public Run run() {
            return run;
        }

        /** Trains until the run ends, fails or is cancelled. */
        public RunOutcome run(TrainingListener observer, Cancellation cancellation) throws IOException {
            return execute(run, spec, split, observer, cancellation);
        }
    }

    /** Continues a run from its last checkpoint, after checking its model and data are unchanged. */
    public RunOutcome resume(long runId, TrainingListener observer, Cancellation cancellation) throws IOException {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + workspace.folder() + "."));
        if (run.status() == RunStatus.COMPLETED) {
            throw new IllegalArgumentException("Run " + runId + " is already complete.");
        }
        RunSpec spec = RunSpec.fromJson(run.configJson());
        DatasetSplit split = unchangedSplit(workspace, run, spec);
        logOf(run).line("Run " + runId + " resumed from its last checkpoint");
        return execute(run, spec, split, observer, cancellation);
    }

    /** The run's log as written while it trained, every start and resume, oldest line first. */
    public List<String> log(long runId) throws IOException {
        Run run = workspace.runs().findById(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId + " in " + workspace.folder() + "."));
        return RunLogFile.read(folderOf(run).root());
    }

    private RunLogFile logOf(Run run) {
        return new RunLogFile(folderOf(run).root());
    }

    private RunFolder folderOf(Run run) {
        return RunFolders.of(workspace, run);
    }

    private RunOutcome execute(Run run, RunSpec spec, DatasetSplit split, TrainingListener observer,
                               Cancellation cancellation) throws IOException {
        RunRecorder recorder = new RunRecorder(workspace, run.id(), spec.training().beta());
        RunLogFile log = logOf(run);
        log.line("Device: " + ComputeDevice.current(device).describe());
        TrainingListener both = new BothListeners(recorder, new BothListeners(log, observer));
        workspace.runs().markRunning(run.id());
        RunRecovery.recordPublished(workspace, run.id(), folderOf(run), both);
        TrainingRun training = new TrainingRun(Path.of(spec.baseModel()), split, spec.training(), folderOf(run),
                new RunContext(device, both, cancellation), accuracyOf(spec));
        try {
            training.run();
            workspace.runs().finish(run.id(), RunStatus.COMPLETED, null);
            log.line("Run " + run.id() + " completed.");
            return outcome(run.id(), RunStatus.COMPLETED, null);
        } catch (RunCancelledException e) {
            recorder.interrupted(IterationStatus.CANCELLED);
            workspace.runs().finish(run.id(), RunStatus.CANCELLED, e.getMessage());
            log.line("Run " + run.id() + " cancelled: " + e.getMessage());
            return outcome(run.id(), RunStatus.CANCELLED, e.getMessage());
        } catch (TrainingDivergedException e) {
            recorder.interrupted(IterationStatus.FAILED);
            workspace.runs().finish(run.id(), RunStatus.FAILED, e.getMessage());
            log.line("Run " + run.id() + " failed: " + e.getMessage());
            return outcome(run.id(), RunStatus.FAILED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            Path folder = folderOf(run).root();
            if (!DiskFull.caused(e, folder)) {
                log.line("Run " + run.id() + " failed: " + Problems.describe(e));
                recorder.interrupted(IterationStatus.FAILED);
                workspace.runs().finish(run.id(), RunStatus.FAILED, Problems.describe(e));
                throw e;
            }
            String message = DiskFull.message(folder, "run " + run.id() + " stopped (resume it once there is room)");
            log.line("Run " + run.id() + " failed: " + message);
            recordIfRoom(run.id(), recorder, message);
            throw new StoreException(message, e);
        } finally {
            cancellation.restoreInterrupt(); // the run has ended and recorded so: whoever interrupted it may go on
        }
    }

    /**
     * Records a run stopped by a full disk as failed, when the database still has room to say
     * so; when it has not, the run keeps the state it last recorded, which resumes just as well.
     */
    private void recordIfRoom(long runId, RunRecorder recorder, String message) {
        try {
            recorder.interrupted(IterationStatus.FAILED);
            workspace.runs().finish(runId, RunStatus.FAILED, message);
        } catch (StoreException stillFull) {
            // the message to the user says the disk is full; the database is unchanged
        }
    }

    /** Completed iterations with their last training step's and their held-out metrics. */
    public RunOutcome outcome(long runId, RunStatus status, String message) {
        Map<Integer, Map<String, Double>> metrics = new TreeMap<>();
        for (String name : workspace.metrics().names(runId)) {
            // a series comes in step order: the last value of each iteration wins
            for (MetricPoint point : workspace.metrics().series(runId, name)) {
                metrics.computeIfAbsent(point.iteration(), i -> new LinkedHashMap<>()).put(name, point.value());
            }
        }
        List<RunOutcome.IterationSummary> iterations = new ArrayList<>();
        for (Checkpoint checkpoint : workspace.checkpoints().listByRun(runId)) {
            if (checkpoint.path().getFileName().toString().equals("model")) {
                iterations.add(new RunOutcome.IterationSummary(checkpoint.iteration(),
                        metrics.getOrDefault(checkpoint.iteration(), Map.of()), checkpoint.path()));
            }
        }
        return new RunOutcome(runId, status, message, iterations);
    }

    /** Task accuracy on the spec's checkable questions, when it names some. */
    static ModelEvaluator accuracyOf(RunSpec spec) {
        if (spec.accuracyData() == null) {
            return ModelEvaluator.NONE;
        }
        List<CheckedExample> questions = CheckedExample.read(Path.of(spec.accuracyData()));
        return model -> TaskAccuracy.metrics(TaskAccuracy.measure(model, questions, spec.training().raw(),
                Math.max(16, spec.training().batchSize())));
    }

    record Data(LoadedDataset train, LoadedDataset eval, DatasetSplit split) {
    }

    /** The run's data, split as training saw it: the same files, format, policy and seed give the same split. */
    static Data load(RunSpec spec) {
        ProblemPolicy policy = spec.skipBadRows() ? ProblemPolicy.SKIP : ProblemPolicy.STOP;
        DatasetFormat format = spec.datasetFormat() == null ? null : DatasetFormat.valueOf(spec.datasetFormat());
        PromptTurns turns = spec.training().format().turns();
        ExampleCheck checks = LengthCheck.of(spec.training().maxLength())
                .then(TemplateCheck.of(ChatTemplate.load(Path.of(spec.baseModel())), spec.training().raw()));
        LoadedDataset train = DatasetReader.read(Path.of(spec.dataset()), format, policy, turns, checks);
        if (spec.evalDataset() != null) {
            LoadedDataset eval = DatasetReader.read(Path.of(spec.evalDataset()), format, policy, turns, checks);
            return new Data(train, eval, new DatasetSplit(train.examples(), eval.examples()));
        }
        DatasetSplit split = spec.evalSize() > 0
                ? DatasetSplits.holdOut(train.examples(), spec.evalSize(), spec.training().seed())
                : DatasetSplits.holdOut(train.examples(), spec.evalFraction(), spec.training().seed());
        return new Data(train, null, split);
    }

    private RegisteredDataset register(Project project, LoadedDataset dataset) {
        return workspace.datasets().findByHash(project.id(), dataset.sha256()).orElseGet(() ->
                workspace.datasets().register(project.id(), dataset.file().getFileName().toString(),
                        dataset.file().toAbsolutePath(), dataset.format().name().toLowerCase(java.util.Locale.ROOT),
                        dataset.sha256(), dataset.examples().size()));
    }

    /** The run's data split as it trained on it, after checking its base model and dataset are unchanged. */
    static DatasetSplit unchangedSplit(Workspace workspace, Run run, RunSpec spec) throws IOException {
        requireUnchanged(workspace.models().findById(run.baseModelId()).orElseThrow().contentHash(),
                ContentHash.ofFolder(Path.of(spec.baseModel())), "base model " + spec.baseModel());
        requireUnchanged(workspace.datasets().findById(run.datasetId()).orElseThrow().contentHash(),
                ContentHash.ofFile(Path.of(spec.dataset())), "dataset " + spec.dataset());
        return load(spec).split();
    }

    private static void requireUnchanged(String recorded, String now, String what) {
        if (!recorded.equals(now)) {
            throw new IllegalArgumentException("The " + what + " changed since the run started; it cannot be"
                    + " resumed on different inputs. Start a new run instead.");
        }
    }
}
