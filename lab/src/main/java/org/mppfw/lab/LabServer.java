package org.mppfw.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.mppfw.lab.http.ActivationFront;
import org.mppfw.lab.http.HttpFront;
import org.mppfw.lab.tftp.TftpServer;

/**
 * The lab provisioning server: HTTP, HTTPS and TFTP over one root folder, with sample profiles
 * made per MAC. See {@link #USAGE} and the package documentation.
 */
public final class LabServer implements Closeable {

    static final String USAGE = """
            usage: java -jar mppfw-lab.jar [--root DIR] [--bind ADDRESS] [--host HOST]
                                           [--http PORT] [--https PORT] [--tftp PORT]

            The mppfw lab provisioning server: a small HTTP, HTTPS and TFTP server to point a
            phone at. It needs no set-up: at first start it makes, in the root folder, a lab CA
            (lab-ca.pem), the HTTPS server's key and certificate (lab-keys.p12) and the profile
            secrets (lab-secrets.properties), and reuses them on later starts.

              --root DIR      folder served and where the lab keeps its keys (default: lab-root)
              --bind ADDRESS  address to listen on (default: 127.0.0.1)
              --host HOST     host name or address written into the profiles' URLs
                              (default: the bind address; for 0.0.0.0 an address of this machine)
              --http PORT     HTTP port (default: 18080; 0 picks a free one)
              --https PORT    HTTPS port (default: 18443)
              --tftp PORT     TFTP port (default: 16969)
              --help          this text

            Served for any MAC (12 hex digits, either case), as <device><flat-profile> documents:
              /bootstrap.xml        plain (HTTP, HTTPS, TFTP): Custom_CA_Rule = the lab CA,
                                    Profile_Rule_B = https://HOST:HTTPS/secure/$MA.xml, Resync_Periodic
              /secure/MAC.xml       HTTPS only: GPP_SA and IKM_HTTP_Encrypt_Content (the lab's secrets),
                                    Profile_Rule_C = [--key $SA] http://HOST:HTTP/cfg/$MA.cfg,
                                    Profile_Rule_D = http://HOST:HTTP/ece/$MA.xml
              /cfg/MAC.cfg          gzip then openssl enc -aes-256-cbc -k GPP_SA (SHA-256)
              /ece/MAC.xml          RFC 8188 aes128gcm with the IKM (Content-Encoding: aes128gcm; not TFTP)
              /plain/MAC.xml, /plain/MAC.xml.gz   plain and gzipped
              /lab-ca.pem           the lab CA
            Any other file under the root is served as is (HTTP, HTTPS, TFTP); a file there wins
            over a made profile of the same path. Paths with '..', absolute paths and links out
            of the root are refused (403, TFTP error 2); what does not exist is 404 (TFTP error 1).
            TFTP is read-only, octet mode, with blksize and tsize (RFC 2347-2349).

            Give the phone Profile_Rule = http://HOST:HTTP/bootstrap.xml (or tftp://HOST:TFTP/bootstrap.xml).
            One log line per request; secrets never appear in it. Stop with Ctrl-C or SIGTERM.
            """;

    /** TFTP: wait this long for an ACK, then send again, at most this many times. */
    static final int TFTP_TIMEOUT_MILLIS = 1000;
    static final int TFTP_RETRIES = 5;

    /** What to serve and where. */
    public record Options(Path root, String bind, String host, int http, int https, int tftp) {
        public static Options defaults() {
            return new Options(Path.of("lab-root"), "127.0.0.1", null, 18080, 18443, 16969);
        }

        /** Parses the command line; throws {@link IllegalArgumentException} with a message for the user. */
        public static Options parse(String... args) {
            Options o = defaults();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    v = a.substring(eq + 1);
                    a = a.substring(0, eq);
                } else if (List.of("--root", "--bind", "--host", "--http", "--https", "--tftp").contains(a)) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    v = args[++i];
                } else {
                    throw new IllegalArgumentException("unknown argument: " + a);
                }
                o = switch (a) {
                    case "--root" -> new Options(Path.of(v), o.bind, o.host, o.http, o.https, o.tftp);
                    case "--bind" -> new Options(o.root, v, o.host, o.http, o.https, o.tftp);
                    case "--host" -> new Options(o.root, o.bind, v, o.http, o.https, o.tftp);
                    case "--http" -> new Options(o.root, o.bind, o.host, port(a, v), o.https, o.tftp);
                    case "--https" -> new Options(o.root, o.bind, o.host, o.http, port(a, v), o.tftp);
                    case "--tftp" -> new Options(o.root, o.bind, o.host, o.http, o.https, port(a, v));
                    default -> throw new IllegalArgumentException("unknown argument: " + a);
                };
            }
            return o;
        }

        private static int port(String name, String v) {
            try {
                int p = Integer.parseInt(v);
                if (p >= 0 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(name + " needs a port number (0-65535), not '" + v + "'");
        }
    }

    private final Path root;
    private final LabKeys keys;
    private final Profiles.Endpoints endpoints;
    private final HttpServer http;
    private final HttpsServer https;
    private final TftpServer tftp;
    private final ExecutorService httpThreads;
    private final RequestLog log;

    private LabServer(Path root, LabKeys keys, Profiles.Endpoints endpoints, HttpServer http, HttpsServer https,
            TftpServer tftp, ExecutorService httpThreads, RequestLog log) {
        this.root = root;
        this.keys = keys;
        this.endpoints = endpoints;
        this.http = http;
        this.https = https;
        this.tftp = tftp;
        this.httpThreads = httpThreads;
        this.log = log;
    }

    /** Starts the three servers; {@code log} gets one line per request. */
    public static LabServer start(Options o, Consumer<String> logSink) throws IOException {
        Path root = o.root().toAbsolutePath().normalize();
        Files.createDirectories(root);
        InetAddress bind = literal(o.bind());
        String host = o.host() != null && !o.host().isBlank() ? o.host()
                : bind.isAnyLocalAddress() ? guessHost() : bind.getHostAddress();
        LabKeys keys = LabKeys.loadOrCreate(root, List.of(bind.getHostAddress(), host));
        RequestLog log = new RequestLog(logSink);

        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lab-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpServer http = null;
        HttpsServer https = null;
        TftpServer tftp = null;
        try {
            http = HttpServer.create(new InetSocketAddress(bind, o.http()), 50);
            https = HttpsServer.create(new InetSocketAddress(bind, o.https()), 50);
            https.setHttpsConfigurator(new HttpsConfigurator(keys.sslContext()));
            tftp = new TftpServer(log, bind, o.tftp(), TFTP_TIMEOUT_MILLIS, TFTP_RETRIES);
            // the ports are known now (0 = a free one), and the profiles name them
            Profiles.Endpoints endpoints = new Profiles.Endpoints(host, http.getAddress().getPort(),
                    https.getAddress().getPort(), tftp.port());
            Content content = new Content(root, new Profiles(keys, endpoints));
            tftp.start(content);
            http.createContext("/", new HttpFront(content, Content.Transport.HTTP, log));
            https.createContext("/", new HttpFront(content, Content.Transport.HTTPS, log));
            String bootstrap = endpoints.httpUrl() + "/bootstrap.xml";
            for (String ctx : List.of("/cda/", "/activate", "/onboarding/")) {
                ActivationFront.Service s = ctx.startsWith("/onboarding") ? ActivationFront.Service.ONBOARDING
                        : ActivationFront.Service.CDA;
                http.createContext(ctx, new ActivationFront(s, root, bootstrap, Content.Transport.HTTP, log));
                https.createContext(ctx, new ActivationFront(s, root, bootstrap, Content.Transport.HTTPS, log));
            }
            http.setExecutor(threads);
            https.setExecutor(threads);
            http.start();
            https.start();
            return new LabServer(root, keys, endpoints, http, https, tftp, threads, log);
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.stop(0);
            }
            if (https != null) {
                https.stop(0);
            }
            if (tftp != null) {
                tftp.close();
            }
            threads.shutdownNow();
            throw e;
        }
    }

    private static InetAddress literal(String address) throws IOException {
        if (!LabKeys.isIpLiteral(address)) {
            throw new IllegalArgumentException("--bind needs an IP address, not '" + address + "'");
        }
        return InetAddress.getByName(address);
    }

    /** An IPv4 address of an interface that is up and not loopback, else 127.0.0.1 (no traffic sent). */
    static String guessHost() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // below
        }
        return "127.0.0.1";
    }

    public Profiles.Endpoints endpoints() {
        return endpoints;
    }

    public Path root() {
        return root;
    }

    LabKeys keys() {
        return keys;
    }

    /** What the server serves and the Profile_Rule to give the phone (no secret in it). */
    public void describe(PrintStream out) {
        String h = endpoints.httpUrl();
        out.println("mppfw lab provisioning server");
        out.println("  root   " + root + " (keeps " + LabKeys.CA_PEM + ", " + LabKeys.KEY_STORE + ", "
                + LabKeys.SECRETS + ")");
        out.println("  HTTP   " + h + "/");
        out.println("  HTTPS  " + endpoints.httpsUrl() + "/  (certificate of the lab CA " + h + "/" + LabKeys.CA_PEM
                + ")");
        out.println("  TFTP   " + endpoints.tftpUrl() + "/  (read-only, octet, blksize/tsize)");
        out.println("Profiles, for any MAC (e.g. 0011aabbccdd):");
        out.println("  " + h + "/bootstrap.xml                    plain bootstrap (also over TFTP)");
        out.println("  " + endpoints.httpsUrl() + "/secure/$MA.xml          GPP_SA, IKM (HTTPS only)");
        out.println("  " + h + "/cfg/$MA.cfg                      gzip + openssl enc -aes-256-cbc -k $SA");
        out.println("  " + h + "/ece/$MA.xml                      RFC 8188 aes128gcm");
        out.println("  " + h + "/plain/$MA.xml  (and .xml.gz)     plain");
        out.println("  and any file under the root, as is");
        out.println("Activation server (remote customization, short codes) and onboarding service (16-digit codes):");
        out.println("  " + h + "/cda/$MA                          the bootstrap URL (or activation/MAC's line)");
        out.println("  " + h + "/activate?code=%23NNN             the bootstrap URL (or activation/codes.properties')");
        out.println("  " + h + "/onboarding/activate?code=CODE    the bootstrap URL (or activation/codes.properties')");
        out.println("Give the phone:");
        out.println("  Profile_Rule = " + h + "/bootstrap.xml");
        out.println("  (or over TFTP: Profile_Rule = " + endpoints.tftpUrl() + "/bootstrap.xml)");
        out.println("  or, from factory state: Activation_Server_URL = " + h + ", Onboarding_Server_URL = " + h + "/onboarding");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    /** Stops the servers; transfers under way end. */
    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
        tftp.close();
        // let the exchanges under way write their log line, then stop what is left
        httpThreads.shutdown();
        try {
            if (!httpThreads.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS)) {
                httpThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            httpThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("mppfw-lab: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        LabServer lab;
        try {
            lab = start(o, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("mppfw-lab: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        lab.describe(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lab.close();
            synchronized (out) {
                out.println("mppfw lab server stopped");
                out.flush();
            }
            stopped.countDown();
        }, "lab-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
