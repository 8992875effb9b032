package org.mppfw.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.provisioning.RuleDecision;
import org.mppfw.api.provisioning.RuleEvaluationException;
import org.mppfw.api.provisioning.RuleKind;
import org.mppfw.api.provisioning.RuleSyntaxException;
import org.mppfw.api.report.ReportOutcome;

/**
 * Uploads a problem report archive to {@code PRT_Upload_Rule} (macros and options as in
 * {@code Report_Rule}). {@code PRT_Upload_Method} POST sends {@code multipart/form-data} with the
 * fields Cisco's guide names for its sample upload script: {@code devicename} ({@code SEP} and the
 * MAC), {@code serialno}, {@code username} (the first extension's display name, else its user id)
 * and the file as {@code prt_file}; PUT sends the archive itself as {@code application/gzip}.
 * {@code PRT_HTTP_Header} and {@code PRT_HTTP_Header_Value} add one header when both are set.
 */
final class ProblemReportUpload {

    private final ParameterStore store;
    private final ProvisioningRules rules;
    private final Supplier<MacroSource> macros;
    private final DeviceIdentity identity;
    private final Upload upload;

    ProblemReportUpload(ParameterStore store, ProvisioningRules rules, Supplier<MacroSource> macros,
            DeviceIdentity identity, Upload upload) {
        this.store = store;
        this.rules = rules;
        this.macros = macros;
        this.identity = identity;
        this.upload = upload;
    }

    /** How the upload went, or null when {@code PRT_Upload_Rule} asks for none. */
    ReportOutcome upload(Path archive) throws IOException {
        String rule = store.get("PRT_Upload_Rule");
        if (rule.isBlank()) {
            return null;
        }
        RuleDecision d;
        try {
            d = rules.evaluate(rule, RuleKind.REPORT, macros.get());
        } catch (RuleSyntaxException | RuleEvaluationException e) {
            return new ReportOutcome("PRT_Upload_Rule", false, e.getMessage());
        }
        if (d.nothingToDo()) {
            return null;
        }
        String method = store.get("PRT_Upload_Method");
        Map<String, String> headers = new LinkedHashMap<>();
        String h = store.get("PRT_HTTP_Header").strip();
        String hv = store.get("PRT_HTTP_Header_Value").strip();
        if (!h.isEmpty() && !hv.isEmpty()) {
            headers.put(h, hv);
        }
        byte[] data = Files.readAllBytes(archive);
        Upload.Body body = "PUT".equalsIgnoreCase(method) ? new Upload.Body(data, "application/gzip")
                : multipart(archive.getFileName().toString(), data);
        return upload.send(d.url(), d.options(), null, method, headers, body);
    }

    private Upload.Body multipart(String fileName, byte[] data) {
        String boundary = "mppfw-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 1024);
        field(out, boundary, "devicename", "SEP" + identity.macUpper());
        field(out, boundary, "serialno", identity.serialNumber());
        field(out, boundary, "username", username());
        ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prt_file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/gzip\r\n\r\n");
        out.writeBytes(data);
        ascii(out, "\r\n--" + boundary + "--\r\n");
        return new Upload.Body(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private String username() {
        for (String name : new String[] {"Station_Display_Name", "Display_Name_1_", "User_ID_1_"}) {
            String v = store.parameter(name).map(p -> p.value()).orElse("");
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        ascii(out, "\r\n");
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
