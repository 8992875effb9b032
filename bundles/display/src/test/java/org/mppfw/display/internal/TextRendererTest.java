package org.mppfw.display.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mppfw.api.display.Indicators;
import org.mppfw.api.display.Indicators.Registration;
import org.mppfw.api.display.Screen;

class TextRendererTest {

    static final Lcd MENU = new Lcd("09:41", "CP-8845-3PCC", new Indicators(true, Registration.REGISTERED),
            new Screen("Settings", List.of("Network", "Device administration", "Status"), 1,
                    List.of("Select", "Back"), 45, List.of("1001", "1002"), null));

    @Test
    void drawsAKnownScreenExactly() {
        String expected = String.join("\n",
                "+----------------------------------------------+",
                "| 09:41  CP-8845-3PCC            net:up reg:ok |",
                "+----------------------------------------------+",
                "| Settings                                     |",
                "+----------------------------------------------+",
                "| [1001      ]   Network                       |",
                "| [1002      ] > Device administration         |",
                "|                Status                        |",
                "|                                              |",
                "|                                              |",
                "| [################.....................]  45% |",
                "+----------------------------------------------+",
                "| [Select] [Back]                              |",
                "+----------------------------------------------+") + "\n";
        assertEquals(expected, new TextRenderer().render(MENU));
    }

    @Test
    void everyRowIsFortyEightColumnsAndLongTextIsCut() {
        Lcd lcd = new Lcd("02:24", "CP-8845-3PCC", new Indicators(false, Registration.FAILED),
                Screen.input("Profile rule", "Enter the profile rule", "https://prov.example.com/profiles/$MA/cfg.xml")
                        .withSoftKeys("OK", "Cancel"));
        String text = new TextRenderer().render(lcd);
        for (String row : text.split("\n")) {
            assertEquals(TextRenderer.WIDTH, row.length(), row);
        }
        assertTrue(text.contains("net:down reg:fail"), text);
        assertTrue(text.contains("| [~://prov.example.com/profiles/$MA/cfg.xml_] |"), text);
    }
}
