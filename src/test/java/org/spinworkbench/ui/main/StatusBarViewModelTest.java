package org.spinworkbench.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.spinworkbench.lm.ComputeDevice;
import org.spinworkbench.ui.common.CurrentThreadTaskExecutor;
import org.spinworkbench.ui.common.Messages;

class StatusBarViewModelTest {
    private final StatusBarViewModel english = new StatusBarViewModel(Messages.forLocale(Locale.ENGLISH), "/ws");
    private final StatusBarViewModel chinese = new StatusBarViewModel(Messages.forLocale(Locale.SIMPLIFIED_CHINESE), "/ws");

    @Test
    void describesTheDeviceInTheInterfaceLanguage() {
        // the GPU case is described from a ComputeDevice value: no GPU is needed to word it
        english.detectDevice(new CurrentThreadTaskExecutor(), () -> new ComputeDevice(Device.gpu(1), 16));
        assertEquals("Device: GPU 1, 16 CPU threads", english.deviceProperty().get());
        chinese.detectDevice(new CurrentThreadTaskExecutor(), () -> new ComputeDevice(Device.cpu(), 2));
        assertEquals("设备：CPU，2 个线程", chinese.deviceProperty().get());
    }

    @Test
    void saysWhyWhenTheEngineCannotStart() {
        english.detectDevice(new CurrentThreadTaskExecutor(), () -> {
            throw new IllegalStateException("libtorch not found");
        });
        assertEquals("Device: unavailable (libtorch not found)", english.deviceProperty().get());
    }
}
