package org.spinworkbench.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinworkbench.store.Workspace;
import org.spinworkbench.ui.common.BackgroundTaskExecutor;
import org.spinworkbench.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The run comparison in a real window on two real tiny runs, with the application's own
 * background worker: the chart's data sets are filled there while the window lays out.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunComparisonWindowTest extends FxRobot {
    @TempDir
    static Path shared;
    static Workspace workspace;
    static TwoBetaRuns recorded;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private BackgroundTaskExecutor executor;

    @BeforeAll
    static void recordTwoRuns() throws IOException {
        workspace = Workspace.open(shared.resolve("ws"));
        recorded = TwoBetaRuns.record(workspace, shared);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Start
    void start(Stage owner) {
        owner.setScene(new Scene(new StackPane(), 300, 200));
        owner.show();
        executor = new BackgroundTaskExecutor(Platform::runLater);
        new RunComparisonWindow(owner, workspace, executor, messages,
                workspace.projects().find("Tiny").orElseThrow()).show();
    }

    @AfterEach
    void closeWindows() throws TimeoutException {
        FxToolkit.cleanupStages();
        executor.close();
    }

    @Test
    void twoRunsShowAsTwoSeriesAndTheirIterationsAsRows() throws TimeoutException {
        XYChart chart = lookup("#comparisonChart").query();
        waitUntil(() -> chart.getDatasets().size() == 2);

        List<String> names = chart.getDatasets().stream().map(DataSet::getName).toList();
        assertEquals(List.of("Run " + recorded.first() + " · β 0.1 · 2 iterations",
                "Run " + recorded.second() + " · β 0.3 · 1 iteration"), names);
        assertTrue(chart.getDatasets().stream().allMatch(d -> d.getDataCount() > 0));
        assertEquals("Step", chart.getXAxis().getName());
        assertEquals("loss", chart.getYAxis().getName());
        ListView<RunChoice> runs = lookup("#comparisonRuns").query();
        assertEquals(2, runs.getItems().size());

        TableView<ComparisonRow> table = lookup("#comparisonTable").query();
        assertEquals(3, table.getItems().size(), "two iterations of the first run, one of the second");
        assertEquals(List.of("Run", "Iteration", "loss", "eval_loss"),
                table.getColumns().subList(0, 4).stream().map(TableColumn::getText).toList());
        assertEquals(List.of(names.get(0), "2"), List.of(cell(table, 0, 1), cell(table, 1, 1)));
        assertEquals(names.get(1), cell(table, 0, 2));
        for (TableColumn<ComparisonRow, ?> column : table.getColumns()) {
            Text header = new Text(column.getText());
            Text widest = new Text(cell(table, table.getColumns().indexOf(column), 0));
            assertTrue(column.getWidth() >= Math.max(header.getLayoutBounds().getWidth(),
                    widest.getLayoutBounds().getWidth()), column.getText() + " is cut: " + column.getWidth());
        }
        assertEquals("Step", chart.getXAxis().getName());
        assertEquals(null, chart.getXAxis().getUnit(), "no empty [] after the axis name");
        assertEquals(null, chart.getYAxis().getUnit());
    }

    @Test
    void choosingAnotherMetricAndAxisRedrawsTheChart() throws TimeoutException {
        XYChart chart = lookup("#comparisonChart").query();
        waitUntil(() -> chart.getDatasets().size() == 2);
        ComboBox<String> metric = lookup("#comparisonMetric").queryComboBox();
        ComboBox<XAxis> axis = lookup("#comparisonAxis").queryComboBox();

        interact(() -> {
            metric.setValue("eval_loss");
            axis.setValue(XAxis.ITERATION);
        });
        waitUntil(() -> chart.getDatasets().size() == 2 && chart.getDatasets().get(0).getDataCount() == 2
                && chart.getDatasets().get(1).getDataCount() == 1);

        assertEquals("Iteration", chart.getXAxis().getName());
        assertEquals("eval_loss", chart.getYAxis().getName());
        DataSet first = chart.getDatasets().get(0);
        assertEquals(List.of(1.0, 2.0), List.of(first.get(DataSet.DIM_X, 0), first.get(DataSet.DIM_X, 1)));
    }

    private static String cell(TableView<ComparisonRow> table, int column, int row) {
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
