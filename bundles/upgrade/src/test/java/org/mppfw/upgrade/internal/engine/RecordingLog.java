package org.mppfw.upgrade.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.provisioning.ProvisioningLog;

/**
 * A provisioning log that only records what it was asked to log. What the real one does with a
 * line (macro expansion, syslog over UDP) is the provisioning bundle's business and its tests';
 * here only the upgrade's calls matter.
 */
final class RecordingLog implements ProvisioningLog {

    /** One call of {@link #log(String, boolean, String, String)}. */
    record Line(String parameter, boolean failure, String url, String err) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override
    public String log(String parameter, boolean failure, Map<String, String> macros) {
        throw new UnsupportedOperationException("the upgrade logs by URL");
    }

    @Override
    public String log(String parameter, boolean failure, String url, String err) {
        lines.add(new Line(parameter, failure, url, err));
        return parameter;
    }

    List<String> parameters() {
        return lines.stream().map(Line::parameter).toList();
    }
}
