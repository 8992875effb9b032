package org.mppfw.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterDefinition;
import org.mppfw.api.config.ParameterException;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;
import org.mppfw.api.config.Rejection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shell commands of scope {@code param}. They act as the Admin account, never print a secret,
 * return printable text, and fail with one line ({@link CommandException}).
 */
@Component(service = ParamCommands.class, property = {
    "osgi.command.scope=param",
    "osgi.command.function=get",
    "osgi.command.function=set",
    "osgi.command.function=list",
    "osgi.command.function=kept",
    "osgi.command.function=export",
    "osgi.command.function=import",
    "osgi.command.function=reset"
})
public final class ParamCommands {

    private final ParameterStore store;

    @Activate
    public ParamCommands(@Reference ParameterStore store) {
        this.store = store;
    }

    @Descriptor("show a parameter's value (secrets masked)")
    public String get(@Descriptor("parameter name, case-sensitive") String name) {
        return parameter(name).displayValue();
    }

    @Descriptor("set a parameter as the Admin account")
    public String set(@Descriptor("parameter name, case-sensitive") String name,
            @Descriptor("new value (quote it when it holds spaces)") String value) {
        try {
            store.set(name, value, ChangeSource.ADMIN);
        } catch (ParameterException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot persist " + name + ": " + e.getMessage());
        }
        return parameter(name).toString();
    }

    @Descriptor("list every parameter: name, value (secrets masked), user access, default or changed")
    public String list() {
        return list("*");
    }

    @Descriptor("list the parameters whose name matches a pattern")
    public String list(@Descriptor("name pattern with * and ?, case-insensitive") String glob) {
        Pattern p = glob(glob);
        List<Parameter> rows = new ArrayList<>();
        int width = 4;
        for (ParameterDefinition d : store.catalog()) {
            if (p.matcher(d.name()).matches()) {
                Parameter param = store.parameter(d.name()).orElseThrow();
                rows.add(param);
                width = Math.max(width, d.name().length());
            }
        }
        List<String> kept = keptValues().stream().map(KeptValue::name).filter(n -> p.matcher(n).matches()).toList();
        if (rows.isEmpty() && kept.isEmpty()) {
            throw new CommandException("no parameter matches '" + glob + "'");
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + width + "s  %-2s  %-7s  %s%n", "Name", "ua", "State", "Value"));
        for (Parameter r : rows) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %-2s  %-7s  %s%n", r.name(), r.access().token(),
                    r.isDefault() ? "default" : "changed", oneLine(r.displayValue())));
        }
        if (!kept.isEmpty()) {
            b.append("Kept for another firmware, not applied (").append(kept.size()).append(", see param:kept): ")
                    .append(String.join(", ", kept)).append(System.lineSeparator());
        }
        return b.toString().stripTrailing();
    }

    @Descriptor("list the stored values this firmware cannot take, kept for a firmware that can (names only)")
    public String kept() {
        List<KeptValue> all = keptValues();
        if (all.isEmpty()) {
            return "Nothing kept: every stored value is in use";
        }
        int width = 4;
        for (KeptValue k : all) {
            width = Math.max(width, k.name().length());
        }
        StringBuilder b = new StringBuilder();
        b.append(all.size()).append(" stored values kept, not applied; a factory reset clears them")
                .append(System.lineSeparator());
        String row = "%-" + width + "s  %-2s  %-4s  %s%n";
        b.append(String.format(Locale.ROOT, row, "Name", "ua", "User", "Why"));
        for (KeptValue k : all) {
            b.append(String.format(Locale.ROOT, row, k.name(), k.access().token(), k.userSet() ? "yes" : "no",
                    k.reason()));
        }
        return b.toString().stripTrailing();
    }

    @Descriptor("print every parameter as a <flat-profile> document (secrets masked)")
    public String export() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            store.exportProfile(out);
        } catch (IOException e) {
            throw new CommandException("export failed: " + e.getMessage());
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    @Descriptor("write every parameter to a <flat-profile> file (secrets masked)")
    public String export(@Descriptor("file to write") String file) {
        Path path = Path.of(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.exportProfile(out);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + ioMessage(e));
        }
        return "Exported " + store.catalog().size() + " parameters to " + path;
    }

    @Descriptor("apply a <flat-profile> file as a provisioning profile")
    public String _import(@Descriptor("profile file (UTF-8 XML)") String file) {
        ApplyResult r;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            r = store.applyProfile(in, ChangeSource.PROFILE);
        } catch (ProfileException e) {
            throw new CommandException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + ioMessage(e));
        }
        StringBuilder b = new StringBuilder(r.summary());
        b.append(System.lineSeparator()).append("sha256 ").append(r.sha256());
        for (String c : r.changed()) {
            b.append(System.lineSeparator()).append("changed  ").append(c);
        }
        for (String p : r.preserved()) {
            b.append(System.lineSeparator()).append("preserved ").append(p);
        }
        for (Rejection x : r.rejected()) {
            b.append(System.lineSeparator()).append("rejected ").append(x);
        }
        for (String u : r.unknown()) {
            b.append(System.lineSeparator()).append("unknown  ").append(u);
        }
        for (String o : r.otherModels()) {
            b.append(System.lineSeparator()).append("other model ").append(o);
        }
        return b.toString();
    }

    @Descriptor("set a parameter back to its factory default")
    public String reset(@Descriptor("parameter name, case-sensitive") String name) {
        ParameterDefinition d = store.definition(name)
                .orElseThrow(() -> new CommandException("unknown parameter '" + name + "'"));
        try {
            store.set(name, d.defaultValue(), ChangeSource.ADMIN);
        } catch (IOException e) {
            throw new CommandException("cannot persist " + name + ": " + e.getMessage());
        }
        return parameter(name).toString();
    }

    /** What the store keeps for another firmware; nothing for a store that keeps nothing. */
    private List<KeptValue> keptValues() {
        return store instanceof KeptValues k ? k.kept() : List.of();
    }

    private Parameter parameter(String name) {
        return store.parameter(name).orElseThrow(() -> new CommandException("unknown parameter '" + name + "'"));
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static String oneLine(String v) {
        return v.replace('\t', ' ');
    }

    static String ioMessage(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
