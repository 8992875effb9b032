package org.mppfw.tftp.internal;

import java.net.URI;

import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;

/**
 * A {@code tftp://host[:port]/path} URL. The file name sent to the server is the decoded path
 * without its leading slash (as curl does: the path is relative to the server's root).
 */
record TftpUrl(String host, int port, String file) {

    static TftpUrl parse(URI uri) throws TransportException {
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("tftp")) {
            throw bad(uri, "not a tftp URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw bad(uri, "no server");
        }
        int port = uri.getPort() < 0 ? Endpoint.TFTP_PORT : uri.getPort();
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw bad(uri, "no file");
        }
        String file = path.startsWith("/") ? path.substring(1) : path;
        if (file.indexOf('\0') >= 0 || file.length() > 400) {
            throw bad(uri, "unusable file name");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TftpUrl(host, port, file);
    }

    private static TransportException bad(URI uri, String why) {
        return new TransportException(ResultClass.C, 0, "bad TFTP URL " + uri + ": " + why, null);
    }
}
