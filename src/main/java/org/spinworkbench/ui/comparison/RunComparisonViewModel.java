package org.spinworkbench.ui.comparison;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.spinworkbench.store.Project;
import org.spinworkbench.store.Run;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.ErrorMessages;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.common.TaskExecutor;

/**
 * The run comparison's state: a project's runs with a tick box each, the metric and the axis
 * to compare them along, one chart series per ticked run and a row per run and iteration.
 *
 * <p>Threading: commands are called, and properties change, on the FX thread. The runs'
 * curves are read once on the executor's thread; every redraw fills fresh ChartFX data sets
 * there too, never on the FX thread (writing a data set the chart is laying out deadlocks,
 * see DJL_NOTES.md), and hands them over finished. A redraw overtaken by a newer one is dropped.
 */
public final class RunComparisonViewModel {
    /** How many of the newest runs with curves are ticked when the window opens: more is a tangle. */
    static final int PRESELECTED = 4;
    static final String DEFAULT_METRIC = "loss";

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Project project;

    private final ObservableList<RunChoice> runs = FXCollections.observableArrayList();
    private final ObservableList<RunChoice> readOnlyRuns =
            FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyMetrics =
            FXCollections.unmodifiableObservableList(metrics);
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>();
    private final ObjectProperty<XAxis> axis = new SimpleObjectProperty<>(XAxis.STEP);
    private final ObservableList<DataSet> datasets = FXCollections.observableArrayList();
    private final ObservableList<DataSet> readOnlyDatasets =
            FXCollections.unmodifiableObservableList(datasets);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyColumns =
            FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> readOnlyRows =
            FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ChangeListener<Object> redraw = (o, before, now) -> refresh();
    /** The ticked runs' names in the chart and table: by what sets them apart. */
    private Map<Long, String> shownLabels = Map.of();
    private long generation;

    public RunComparisonViewModel(Workspace workspace, TaskExecutor executor, Messages messages, Project project) {
        this.workspace = workspace;
        this.executor = executor;
        this.messages = messages;
        this.project = project;
        metric.addListener(redraw);
        axis.addListener(redraw);
    }

    // Properties

    /** The project's runs, oldest first. */
    public ObservableList<RunChoice> runs() {
        return readOnlyRuns;
    }

    /** The metrics any of the project's runs recorded, in {@link MetricOrder}. */
    public ObservableList<String> metrics() {
        return readOnlyMetrics;
    }

    public ObjectProperty<String> metricProperty() {
        return metric;
    }

    public ObjectProperty<XAxis> axisProperty() {
        return axis;
    }

    /** One filled data set per ticked run, for the chart; replaced whole on each redraw. */
    public ObservableList<DataSet> datasets() {
        return readOnlyDatasets;
    }

    /** The metric columns of the table after run and iteration. */
    public ObservableList<String> columns() {
        return readOnlyColumns;
    }

    public ObservableList<ComparisonRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A hint under the chart: reading, nothing to compare, or why reading failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the runs could not be read, for an error dialog; null while all is well. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public Project project() {
        return project;
    }

    public String title() {
        return messages.get("comparison.title", project.name());
    }

    /** The run's name as the legend and the table show it: its number and the settings it does not share. */
    public String runLabel(long runId) {
        String shown = shownLabels.get(runId);
        return shown != null ? shown : messages.get("comparison.run", runId);
    }

    /** "Base model" for iteration 0, else the number. */
    public String iterationLabel(int iteration) {
        return iteration == 0 ? messages.get("comparison.baseModel") : Integer.toString(iteration);
    }

    /** Four significant digits; a dash where the run has no value, "NaN" where it diverged. */
    public String format(Double value) {
        if (value == null) {
            return "–";
        }
        if (!Double.isFinite(value)) {
            return value.isNaN() ? "NaN" : value > 0 ? "∞" : "-∞";
        }
        return String.format(messages.locale(), "%.4g", value);
    }

    // Commands

    /** Reads the project's runs and their curves, ticks the newest few, and draws them. */
    public void load() {
        loading.set(true);
        failure.set(null);
        message.set(messages.get("comparison.loading"));
        executor.execute(this::readRuns, this::show, error -> {
            loading.set(false);
            String reason = ErrorMessages.describe(error, messages);
            message.set(messages.get("comparison.loadFailed", reason));
            failure.set(reason);
        });
    }

    /** Draws the ticked runs again with the chosen metric and axis. */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        long drawing = ++generation;
        List<RunChoice> ticked = runs.stream().filter(r -> r.selectedProperty().get()).toList();
        String chosen = metric.get();
        XAxis along = axis.get();
        message.set(ticked.isEmpty() ? messages.get("comparison.noneSelected") : "");
        executor.execute(() -> draw(ticked, chosen, along), drawn -> {
            if (drawing == generation) {
                shownLabels = drawn.labels();
                datasets.setAll(drawn.datasets());
                columns.setAll(drawn.columns());
                rows.setAll(drawn.rows());
            }
        }, error -> message.set(messages.get("comparison.drawFailed", ErrorMessages.describe(error, messages))));
    }

    private List<RunMetrics> readRuns() {
        List<Run> recorded = new ArrayList<>(workspace.runs().listByProject(project.id()));
        recorded.sort(Comparator.comparingLong(Run::id));
        List<RunMetrics> read = new ArrayList<>();
        for (Run run : recorded) {
            read.add(RunMetrics.load(workspace, run));
        }
        return read;
    }

    private void show(List<RunMetrics> read) {
        runs.forEach(r -> r.selectedProperty().removeListener(redraw));
        List<RunMetrics> withCurves = read.stream().filter(r -> !r.series().isEmpty()).toList();
        Set<Long> ticked = new LinkedHashSet<>();
        for (int i = withCurves.size() - 1; i >= 0 && ticked.size() < PRESELECTED; i--) {
            ticked.add(withCurves.get(i).runId());
        }
        List<RunChoice> choices = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (RunMetrics run : read) {
            RunChoice choice = new RunChoice(run, label(run), ticked.contains(run.runId()));
            choice.selectedProperty().addListener(redraw);
            choices.add(choice);
            names.addAll(run.names());
        }
        runs.setAll(choices);
        String before = metric.get();
        metrics.setAll(MetricOrder.ordered(names));
        loading.set(false);
        metric.removeListener(redraw);
        metric.set(metrics.contains(before) ? before : metrics.contains(DEFAULT_METRIC) ? DEFAULT_METRIC
                : metrics.isEmpty() ? null : metrics.get(0));
        metric.addListener(redraw);
        if (read.isEmpty()) {
            message.set(messages.get("comparison.noRuns"));
            return;
        }
        refresh();
    }

    private String label(RunMetrics run) {
        return label(messages, run.runId(), run.run().kind().name(), run.training());
    }

    /**
     * "Run 3 · SPIN · β 0.1", followed by each stabiliser the run used (NLL term, KL anchor,
     * opponents mixed), so runs that differ only by them can be told apart.
     */
    static String label(Messages messages, long runId, String kind, TrainingConfig training) {
        if (training == null) {
            return messages.get("comparison.label", runId, kind);
        }
        StringBuilder label = new StringBuilder(messages.get("comparison.labelWithBeta", runId, kind,
                training.beta()));
        if (training.kind() == TrainingConfig.Kind.SPIN) {
            if (training.nllAlpha() > 0) {
                label.append(messages.get("comparison.nllAlpha", training.nllAlpha()));
            }
            if (training.klAnchor() > 0) {
                label.append(messages.get("comparison.klAnchor", training.klAnchor()));
            }
            if (training.opponents() > 1) {
                label.append(messages.get("comparison.opponents", training.opponents()));
            }
        }
        training.loraSettings().ifPresent(lora -> label.append(messages.get("comparison.lora", lora.describe())));
        return label.toString();
    }

    /** What one redraw shows; built on the executor's thread. */
    private record Drawing(List<DataSet> datasets, List<String> columns, List<ComparisonRow> rows,
                           Map<Long, String> labels) {
    }

    private Drawing draw(List<RunChoice> ticked, String chosen, XAxis along) {
        List<DataSet> drawn = new ArrayList<>();
        List<RunMetrics> compared = ticked.stream().map(RunChoice::metrics).toList();
        Map<Long, String> labels = RunLabels.of(compared, messages);
        for (RunChoice choice : ticked) {
            DoubleDataSet series = new DoubleDataSet(labels.get(choice.runId()));
            if (chosen != null) {
                MetricCurve curve = MetricCurve.of(choice.metrics(), chosen, along);
                series.set(curve.x(), curve.y());
            }
            drawn.add(series);
        }
        List<String> columns = ComparisonTable.columns(compared, chosen);
        return new Drawing(drawn, columns, ComparisonTable.rows(compared, columns), labels);
    }
}
