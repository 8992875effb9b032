package org.mppfw.config.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.mppfw.api.config.ChangeSource;

/**
 * Child process of {@link KillTest}: applies profiles in a loop, each setting every GPP
 * register to the same generation number, and prints each generation once it is committed.
 */
public final class KillTarget {

    static final String[] REGISTERS = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P",
        "SA", "SB", "SC", "SD"};

    private KillTarget() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long generation = Long.parseLong(args[1]);
        ParameterStoreImpl store = TestStores.open(data);
        String padding = "x".repeat(3000);
        while (true) {
            generation++;
            StringBuilder b = new StringBuilder("<device><flat-profile>\n");
            for (String r : REGISTERS) {
                b.append("<GPP_").append(r).append('>').append(generation).append(' ').append(padding)
                        .append("</GPP_").append(r).append(">\n");
            }
            b.append("</flat-profile></device>\n");
            store.applyProfile(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)),
                    ChangeSource.PROFILE);
            System.out.println(generation);
            System.out.flush();
        }
    }
}
