package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.spinworkbench.AppInfo;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.store.Project;
import org.spinworkbench.ui.common.DeviceSettings;
import org.spinworkbench.ui.common.Language;
import org.spinworkbench.ui.common.Styles;
import org.spinworkbench.ui.common.Theme;
import org.spinworkbench.ui.common.UiSettings;
import org.testfx.util.WaitForAsyncUtils;

class MainWindowTest extends MainWindowTestBase {

    @Test
    void aFreshWorkspaceShowsTheEmptyState() {
        assertEquals("SPIN Workbench", stage.getTitle());
        assertTrue(showing("#emptyState"));
        assertTrue(text("#emptyStateCreateButton").contains("first project"));
        assertEquals("No projects", text("#statusProjectCount"));
        assertEquals("Ready", text("#statusMessage"));
        assertTrue(text("#statusWorkspace").contains(workspace.folder().toString()));
        assertFalse(stage.getIcons().isEmpty(), "the window has the app icon");
    }

    @Test
    void helpOpensTheUserGuideInstalledBesideTheDemo() {
        fire("menuUserGuide");
        assertEquals("User guide: " + java.nio.file.Path.of("docs", "user-guide.md").toAbsolutePath().normalize(),
                text("#statusMessage"));
    }

    @Test
    void theStatusBarSaysWhichDeviceTheEngineComputesOn() {
        // the real PyTorch engine starts in the background; this machine has no GPU
        String expected = "Device: CPU, " + ai.djl.pytorch.jni.JniUtils.getNumThreads() + " threads";
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected, text("#statusDevice"));
    }

    @Test
    void createsAProjectThroughTheDialog() {
        clickOn("#emptyStateCreateButton");
        assertTrue(lookup("#projectDialogOk").queryButton().isDisabled(), "no name, no OK");
        clickOn("#projectNameField").write("Math tutor");
        clickOn("#projectDescriptionField").write("Grade-school arithmetic");
        clickOn("#projectDialogOk");

        assertFalse(lookup("#projectDialog").tryQuery().isPresent(), "the dialog closed");
        assertEquals(List.of("Math tutor"), listedNames());
        Project created = workspace.projects().find("Math tutor").orElseThrow();
        assertEquals("Grade-school arithmetic", created.description());
        assertTrue(Files.isDirectory(workspace.projects().folderOf(created)));
        assertEquals("Created project \"Math tutor\"", text("#statusMessage"));
        assertEquals("1 project", text("#statusProjectCount"));
        assertFalse(showing("#emptyState"));
        assertEquals("Math tutor", text("#overviewName"), "the new project is opened");
    }

    @Test
    void aDuplicateNameIsExplainedInTheDialogAndCreatesNothing() {
        givenProjects("Alpha");
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL); // File › New Project…
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#projectNameField").write("alpha");

        assertTrue(showing("#projectNameError"));
        assertEquals("A project named \"alpha\" already exists. Choose another name.", text("#projectNameError"));
        assertTrue(lookup("#projectDialogOk").queryButton().isDisabled());
        clickOn("#projectDialogCancel");
        assertEquals(1, workspace.projects().list().size());
        assertEquals(List.of("Alpha"), listedNames());
    }

    @Test
    void renamesTheSelectedProject() {
        givenProjects("Alpha", "Beta");
        clickOn("Alpha");
        clickOn("#renameProjectButton");
        clickOn("#projectNameField").push(KeyCode.END).eraseText("Alpha".length()).write("Gamma");
        clickOn("#projectDialogOk");

        assertEquals(List.of("Beta", "Gamma"), listedNames());
        assertTrue(workspace.projects().find("Gamma").isPresent());
        assertFalse(workspace.projects().find("Alpha").isPresent());
        assertEquals("Renamed project \"Alpha\" to \"Gamma\"", text("#statusMessage"));
        assertEquals("Gamma", text("#overviewName"));
    }

    @Test
    void deleteAsksFirstAndCancelKeepsTheProject() {
        givenProjects("Alpha");
        Path alphaFolder = workspace.projects().folderOf(workspace.projects().find("Alpha").orElseThrow());
        clickOn("Alpha");
        clickOn("#deleteProjectButton");

        assertTrue(showing("#deleteConfirmation"));
        String question = lookup("#deleteConfirmation").queryAs(DialogPane.class).getHeaderText();
        String details = lookup("#deleteConfirmation").queryAs(DialogPane.class).getContentText();
        assertEquals("Delete the project \"Alpha\"?", question);
        assertTrue(details.contains("runs, samples and checkpoints") && details.contains(alphaFolder.toString()),
                details);
        clickOn("#deleteKeep");
        assertEquals(List.of("Alpha"), listedNames());
        assertTrue(Files.isDirectory(alphaFolder));

        clickOn("Alpha").push(KeyCode.DELETE); // the accelerator, from the list
        assertTrue(showing("#deleteConfirmation"));
        clickOn("#deleteConfirm");
        assertEquals(List.of(), listedNames());
        assertTrue(workspace.projects().list().isEmpty());
        assertFalse(Files.exists(alphaFolder));
        assertEquals("Deleted project \"Alpha\"", text("#statusMessage"));
        assertTrue(showing("#emptyState"));
    }

    @Test
    void theOverviewShowsTheProjectAndItsDescriptionIsSaved() {
        givenProjects("Alpha", "Beta");
        assertTrue(showing("#noSelectionHint"));
        clickOn("Beta");
        Project beta = workspace.projects().find("Beta").orElseThrow();
        assertEquals("Beta", text("#overviewName"));
        assertEquals(workspace.projects().folderOf(beta).toString(), text("#overviewFolder"));
        assertFalse(text("#overviewCreated").isBlank());
        assertEquals("No runs yet", text("#overviewNoRuns"));
        assertTrue(lookup("#saveDescriptionButton").queryButton().isDisabled());

        TextArea description = lookup("#overviewDescription").queryAs(TextArea.class);
        assertEquals("about Beta", description.getText());
        clickOn(description).push(KeyCode.CONTROL, KeyCode.END).write(", with a twist");
        push(KeyCode.DELETE); // edits the text; must not ask to delete the project
        assertFalse(lookup("#deleteConfirmation").tryQuery().isPresent());
        clickOn("#saveDescriptionButton");
        assertEquals("Saved the description of \"Beta\"", text("#statusMessage"));

        restart(Locale.ENGLISH);
        assertEquals("about Beta, with a twist", workspace.projects().find("Beta").orElseThrow().description());
    }

    @Test
    void theAboutDialogShowsTheVersion() {
        fire("menuAbout");
        assertTrue(showing("#aboutDialog"));
        assertEquals("SPIN Workbench", text("#aboutName"));
        assertEquals("Version " + AppInfo.version(), text("#aboutVersion"));
        assertTrue(text("#aboutJavaFx").startsWith("JavaFX 21"), text("#aboutJavaFx"));
        assertTrue(text("#aboutJava").contains(System.getProperty("java.version")));
        assertTrue(text("#aboutWorkspace").contains(workspace.folder().toString()));
        clickOn("#aboutClose");
        assertFalse(lookup("#aboutDialog").tryQuery().isPresent());
    }

    @Test
    void switchingToChineseChangesTheMenusAndIsRemembered() {
        givenProjects("Alpha");
        clickOn("Alpha");
        interact(() -> window.screens().compareRuns(workspace.projects().find("Alpha").orElseThrow()));
        interact(() -> stage.toFront());
        clickOn("Alpha"); // the main window has the focus again
        press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL); // File › Settings…
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Language> choice = lookup("#languageChoice").query();
        assertEquals(Language.SYSTEM, choice.getValue());
        interact(() -> choice.setValue(Language.SIMPLIFIED_CHINESE));
        clickOn("#settingsOk");

        assertEquals("文件(_F)", menuBarTexts().get(0));
        assertEquals("帮助(_H)", menuBarTexts().get(1));
        assertEquals("语言已切换", text("#statusMessage"));
        String chineseTitle = org.spinworkbench.ui.common.Messages.forLocale(java.util.Locale.SIMPLIFIED_CHINESE)
                .get("comparison.title", "Alpha");
        assertEquals(java.util.List.of(chineseTitle), javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getUserData() instanceof org.spinworkbench.ui.comparison.RunComparisonWindow)
                .map(w -> ((javafx.stage.Stage) w).getTitle()).toList(), "an open window follows the language");
        assertEquals("Alpha", text("#overviewName"), "the open project stays open");
        assertEquals("新建", text("#newProjectButton"));
        assertEquals("zh-CN", workspace.settings().get(UiSettings.LANGUAGE).orElseThrow());

        restart(Locale.ENGLISH); // an English system: the stored choice still wins
        assertEquals("文件(_F)", menuBarTexts().get(0));
        assertEquals("新建项目(_N)…", menuItem("menuNewProject").getText());
    }

    @Test
    void theDarkThemeAppliesAtOnceToTheWindowAndItsDialogsAndIsRemembered() {
        openSettingsDialog();
        assertEquals(workspace.folder().toString(), text("#currentWorkspace"));
        assertEquals("The default folder (~/.spin-workbench)", text("#nextWorkspace"));
        ComboBox<Theme> theme = lookup("#themeChoice").query();
        assertEquals(Theme.LIGHT, theme.getValue());
        interact(() -> theme.setValue(Theme.DARK));
        clickOn("#settingsOk");

        assertEquals(Theme.DARK, Styles.themeOf(stage.getScene().getRoot()));
        assertEquals("Settings saved", text("#statusMessage"));
        assertEquals("dark", workspace.settings().get(UiSettings.THEME).orElseThrow());
        fire("menuAbout");
        DialogPane about = lookup("#aboutDialog").queryAs(DialogPane.class);
        assertEquals(Theme.DARK, Styles.themeOf(about), "a dialog opened later takes the window's theme");
        clickOn("#aboutClose");

        restart(Locale.ENGLISH);
        assertEquals(Theme.DARK, Styles.themeOf(stage.getScene().getRoot()));
        openSettingsDialog();
        assertEquals(Theme.DARK, this.<Theme>combo("#themeChoice").getValue());
        assertEquals(Theme.DARK, Styles.themeOf(lookup("#settingsDialog").queryAs(DialogPane.class)));
        interact(() -> this.<Language>combo("#languageChoice").setValue(Language.SIMPLIFIED_CHINESE));
        clickOn("#settingsOk");
        assertEquals(Theme.DARK, Styles.themeOf(stage.getScene().getRoot()), "rebuilt in Chinese, still dark");
    }

    @Test
    void theDeviceChosenInTheSettingsIsStoredAndShownInTheStatusBar() {
        openSettingsDialog();
        ComboBox<ComputeDevice.Choice> device = combo("#deviceChoice");
        // this machine has no GPU: it is not offered
        assertEquals(List.of(ComputeDevice.Choice.AUTO, ComputeDevice.Choice.CPU), List.copyOf(device.getItems()));
        interact(() -> device.setValue(ComputeDevice.Choice.CPU));
        // as many threads as libtorch uses now: the engine's thread count is global to the test JVM
        int cores = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        Spinner<Integer> threads = lookup("#threadsSpinner").query();
        interact(() -> threads.getValueFactory().setValue(cores));
        clickOn("#settingsOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(new DeviceSettings(ComputeDevice.Choice.CPU, cores), new UiSettings(workspace.settings()).device());
        assertEquals("Device: CPU, " + cores + " threads", text("#statusDevice"));
        assertEquals("Settings saved", text("#statusMessage"));
    }

    private void openSettingsDialog() {
        press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL); // File › Settings…
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> ComboBox<T> combo(String id) {
        return lookup(id).query();
    }

    @Test
    void theWindowOpensWhereItWasClosed() {
        assertEquals(1200, stage.getWidth(), "default width the first time");
        interact(() -> {
            stage.setX(110);
            stage.setY(70);
            stage.setWidth(900);
            stage.setHeight(640);
        });
        restart(Locale.ENGLISH);
        assertEquals(110, stage.getX());
        assertEquals(70, stage.getY());
        assertEquals(900, stage.getWidth());
        assertEquals(640, stage.getHeight());
        assertFalse(stage.isMaximized());
    }

    private List<String> listedNames() {
        ListView<Project> list = lookup("#projectList").query();
        return list.getItems().stream().map(Project::name).toList();
    }

    private List<String> menuBarTexts() {
        return lookup("#mainMenuBar").queryAs(MenuBar.class).getMenus().stream()
                .map(Menu::getText).toList();
    }
}
