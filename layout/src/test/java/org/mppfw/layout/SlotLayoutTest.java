package org.mppfw.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SlotLayoutTest {

    @Test
    void theSlotsAreInTheDataDir() {
        Path data = Path.of("data");
        assertEquals(Path.of("data", "firmware", "slots", "a"), SlotLayout.slotDir(data, "a"));
        assertEquals(Path.of("data", "firmware", "staging"), data.resolve(SlotLayout.STAGING));
        assertEquals(Path.of("data", "firmware", "download"), data.resolve(SlotLayout.DOWNLOADS));
        assertEquals(Path.of("data", "firmware", "state.properties"), data.resolve(FirmwareState.FILE));
    }
}
