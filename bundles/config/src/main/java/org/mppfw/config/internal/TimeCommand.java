package org.mppfw.config.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.clock.Clock;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.config.internal.time.LocalTimeSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Shell command {@code sys:time}: the phone's local time, where it comes from, the NTP servers. */
@Component(service = TimeCommand.class, property = {
    "osgi.command.scope=sys",
    "osgi.command.function=time"
})
public final class TimeCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Clock clock;
    private final ParameterStore store;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Discovery discovery;

    @Activate
    public TimeCommand(@Reference Clock clock, @Reference ParameterStore store) {
        this.clock = clock;
        this.store = store;
    }

    @Descriptor("show the phone's local time, its time zone and daylight saving time, and the NTP servers")
    public String time() {
        Instant now = clock.now();
        StringBuilder b = new StringBuilder();
        row(b, "Local time", STAMP.format(clock.local(now)) + " (UTC" + offset(clock.local(now).getOffset().getId()) + ")");
        row(b, "Time zone", store.get(LocalTimeSettings.TIME_ZONE) + ", offset "
                + blank(store.get(LocalTimeSettings.TIME_OFFSET), "none"));
        boolean dst = "yes".equalsIgnoreCase(store.get(LocalTimeSettings.DST_ENABLE));
        row(b, "Daylight saving", dst ? blank(store.get(LocalTimeSettings.DST_RULE), "no rule") : "disabled");
        try {
            LocalTimeSettings.of(store.values()).rules();
        } catch (IllegalArgumentException e) {
            row(b, "Refused", e.getMessage() + "; the time zone in use stays");
        }
        ZoneOffsetTransition next = clock.rules().nextTransition(now);
        row(b, "Next change", next == null ? "none"
                : STAMP.format(next.getDateTimeBefore()) + " becomes " + STAMP.format(next.getDateTimeAfter())
                        + " (UTC" + offset(next.getOffsetAfter().getId()) + ")");
        row(b, "NTP servers", String.join(", ", ntpServers()));
        row(b, "Time source", "the host's clock");
        return b.toString().stripTrailing();
    }

    /** The NTP servers of the profile, else those of the DHCP lease, else a note that none is set. */
    List<String> ntpServers() {
        List<String> servers = new ArrayList<>();
        for (String name : List.of("Primary_NTP_Server", "Secondary_NTP_Server")) {
            String v = store.get(name).strip();
            if (!v.isEmpty()) {
                servers.add(v);
            }
        }
        if (!servers.isEmpty()) {
            return servers;
        }
        Discovery d = discovery;
        List<String> dhcp = d == null ? List.of() : d.ntpServers();
        if (!dhcp.isEmpty()) {
            servers.addAll(dhcp);
            servers.set(servers.size() - 1, servers.get(servers.size() - 1) + " (DHCP option 42)");
            return servers;
        }
        return List.of("none set (Primary_NTP_Server, Secondary_NTP_Server, DHCP option 42)");
    }

    private static String offset(String id) {
        return "Z".equals(id) ? "" : id;
    }

    private static String blank(String v, String instead) {
        return v.isBlank() ? instead : v;
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "%-16s %s%n", label + ":", value));
    }
}
