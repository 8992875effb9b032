package org.mppfw.power.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.power.BootReason;
import org.mppfw.api.power.BootRecord;
import org.mppfw.api.power.Power;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shell commands {@code sys:boots} (the boot history) and {@code sys:reboot}. */
@Component(service = SysCommands.class, property = {
    "osgi.command.scope=sys",
    "osgi.command.function=boots",
    "osgi.command.function=reboot"
})
public final class SysCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    private final Power power;

    @Activate
    public SysCommands(@Reference Power power) {
        this.power = power;
    }

    @Descriptor("the phone's boots, newest last: when, why, which firmware, how each run ended")
    public String boots() {
        return format(power.boots(), power.currentBoot().map(BootRecord::number).orElse(-1));
    }

    @Descriptor("restart the phone now: a new boot from the firmware state record, recorded as user-request")
    public String reboot() {
        return power.reboot(BootReason.USER_REQUEST, "sys:reboot from the shell") ? "Rebooting."
                : "Recorded: this is a command run, the phone reboots at its next power-on.";
    }

    static String format(List<BootRecord> boots, int current) {
        if (boots.isEmpty()) {
            return "no boot recorded yet";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%4s  %-19s  %-14s  %-28s  %-9s  %s%n",
                "#", "booted (UTC)", "reason", "firmware", "ended", "detail"));
        for (BootRecord b : boots) {
            String fw = b.release() + " (" + b.set() + (b.trial() ? ", trial" : "") + ")";
            String ended = b.number() == current ? "now" : b.end();
            String detail = b.detail() + (b.action().isEmpty() ? "" : (b.detail().isEmpty() ? "" : "; ") + b.action());
            s.append(String.format(Locale.ROOT, "%4d  %-19s  %-14s  %-28s  %-9s  %s%n", b.number(),
                    TIME.format(b.time()), b.reason().code(), fw, ended, detail));
        }
        return s.toString().stripTrailing();
    }
}
