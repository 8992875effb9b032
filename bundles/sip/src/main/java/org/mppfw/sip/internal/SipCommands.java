package org.mppfw.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.line.LineRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shell commands {@code sip:status}, {@code sip:answer} and {@code sip:hangup}. */
@Component(service = SipCommands.class, property = {"osgi.command.scope=sip", "osgi.command.function=status",
    "osgi.command.function=answer", "osgi.command.function=hangup"})
public final class SipCommands {

    private final SipComponent sip;

    @Activate
    public SipCommands(@Reference SipComponent sip) {
        this.sip = sip;
    }

    @Descriptor("each extension's registration, and the calls")
    public String status() {
        if (sip.commandRun()) {
            return "command run: the lines register when the phone runs (" + sip.phone().extensions() + " extensions)";
        }
        return format(sip.phone().registrations(), sip.phone().calls());
    }

    static String format(List<LineRegistration> regs, List<String> calls) {
        List<String> out = new ArrayList<>();
        for (LineRegistration r : regs) {
            out.add("ext " + r.extension() + ": " + r.status().name().toLowerCase(Locale.ROOT) + " " + r.detail()
                    + " (since " + r.since() + ")");
        }
        if (out.isEmpty()) {
            out.add("no SIP line is enabled");
        }
        out.add(calls.isEmpty() ? "idle: no call" : String.join("\n", calls));
        return String.join("\n", out);
    }

    @Descriptor("answer the ringing call")
    public String answer() {
        return sip.phone().answer(0);
    }

    @Descriptor("answer the ringing call of an extension")
    public String answer(@Descriptor("the extension, 1-based") int ext) {
        return sip.phone().answer(ext);
    }

    @Descriptor("hang up (or decline) the call")
    public String hangup() {
        return sip.phone().hangup(0);
    }

    @Descriptor("hang up (or decline) the call of an extension")
    public String hangup(@Descriptor("the extension, 1-based") int ext) {
        return sip.phone().hangup(ext);
    }
}
