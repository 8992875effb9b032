package org.mppfw.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo {@code http:get URL [FILE]}: status, headers (credentials masked) and the result class. */
@Component(service = HttpCommand.class,
        property = {"osgi.command.scope=http", "osgi.command.function=get", "osgi.command.function=ca"})
public final class HttpCommand {

    private final HttpTransport transport;

    @Activate
    public HttpCommand(@Reference HttpTransport transport) {
        this.transport = transport;
    }

    @Descriptor("fetch a URL as the phone does; show status, headers and the result class")
    public String get(@Descriptor("http:// or https:// URL") String url) throws IOException {
        return succeeded(run(url, null));
    }

    @Descriptor("fetch a URL as the phone does and save the body to FILE")
    public String get(@Descriptor("http:// or https:// URL") String url, @Descriptor("file to write") String file)
            throws IOException {
        return succeeded(run(url, Paths.get(file)));
    }

    /**
     * The report of a class A exchange; for B or C the report is printed and the command fails
     * with its result class, so that the shell shows an error and a batch run exits with 1.
     */
    static String succeeded(String report) {
        String last = report.substring(report.lastIndexOf('\n') + 1);
        if (last.equals("result class: " + ResultClass.A)) {
            return report;
        }
        System.out.println(report);
        String error = report.lines().filter(l -> l.startsWith("error: ")).findFirst().map(l -> l.substring(7)).orElse("");
        throw new IllegalStateException("http:get failed (" + last + ")" + (error.isEmpty() ? "" : ": " + error));
    }

    @Descriptor("show the custom CA status")
    public String ca() {
        return transport.customCaStatus();
    }

    String run(String url, Path file) throws IOException {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return "bad URL\nresult class: C";
        }
        HttpExchanger.Outcome o = transport.attempt(TransportRequest.get(uri));
        StringBuilder out = new StringBuilder();
        out.append("URL: ").append(HttpExchanger.display(o.uri())).append('\n');
        for (String line : o.sentHeaders()) {
            out.append("> ").append(line).append('\n');
        }
        out.append("status: ").append(o.status()).append('\n');
        for (Map.Entry<String, List<String>> h : o.headers().entrySet()) {
            for (String v : h.getValue()) {
                out.append("< ").append(QuietConnections.display(h.getKey(), v)).append('\n');
            }
        }
        if (o.failure() != null) {
            out.append("error: ").append(o.failure().getMessage()).append('\n');
            o.failure().retryAfter().ifPresent(d -> out.append("retry after: ").append(d.toSeconds()).append(" s\n"));
            out.append("result class: ").append(o.failure().resultClass());
            return out.toString();
        }
        long n;
        try (StreamedResponse r = o.response(); InputStream in = r.body()) {
            if (file == null) {
                n = in.transferTo(OutputStream.nullOutputStream());
            } else {
                Path tmp = file.resolveSibling(file.getFileName() + ".part");
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    n = in.transferTo(os);
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (org.mppfw.api.transport.TransportException e) {
            out.append("error: ").append(e.getMessage()).append('\n');
            return out.append("result class: ").append(e.resultClass()).toString();
        }
        out.append("body: ").append(n).append(" bytes").append(file == null ? "" : " -> " + file).append('\n');
        return out.append("result class: ").append(ResultClass.A).toString();
    }
}
