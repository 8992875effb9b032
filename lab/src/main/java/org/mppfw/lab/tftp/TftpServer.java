package org.mppfw.lab.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.mppfw.lab.Content;
import org.mppfw.lab.RequestLog;

/** A read-only TFTP server over {@link Content}; see the package documentation. */
public final class TftpServer implements Closeable {

    static final int RRQ = 1;
    static final int WRQ = 2;
    static final int DATA = 3;
    static final int ACK = 4;
    static final int ERROR = 5;
    static final int OACK = 6;

    static final int DEFAULT_BLKSIZE = 512;
    static final int MIN_BLKSIZE = 8;
    static final int MAX_BLKSIZE = 65464;

    static final int ERR_UNDEFINED = 0;
    static final int ERR_NOT_FOUND = 1;
    static final int ERR_ACCESS = 2;
    static final int ERR_ILLEGAL = 4;
    static final int ERR_UNKNOWN_TID = 5;

    private volatile Content content;
    private final RequestLog log;
    private final InetAddress bind;
    private final int timeoutMillis;
    private final int retries;
    private final DatagramSocket socket;
    private final ExecutorService transfers;
    private final Set<DatagramSocket> open = ConcurrentHashMap.newKeySet();
    private final Thread listener;
    private volatile boolean closed;

    /**
     * Binds {@code bind:port} (0 for any free port); {@link #start(Content)} starts serving.
     *
     * @param timeoutMillis how long a transfer waits for an ACK before it sends its last packet again
     * @param retries       how many times it sends a packet again before it gives up
     */
    public TftpServer(RequestLog log, InetAddress bind, int port, int timeoutMillis, int retries)
            throws IOException {
        this.log = log;
        this.bind = bind;
        this.timeoutMillis = timeoutMillis;
        this.retries = retries;
        this.socket = new DatagramSocket(new InetSocketAddress(bind, port));
        AtomicInteger n = new AtomicInteger();
        this.transfers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lab-tftp-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.listener = new Thread(this::listen, "lab-tftp-listener");
        listener.setDaemon(true);
    }

    /** Starts serving {@code served}. */
    public void start(Content served) {
        this.content = served;
        listener.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void listen() {
        byte[] buf = new byte[65536];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (!closed) {
                    log.note("tftp: receive failed: " + e.getMessage());
                }
                continue;
            }
            byte[] data = java.util.Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
            InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
            int op = data.length >= 2 ? ((data[0] & 0xff) << 8) | (data[1] & 0xff) : -1;
            if (op != RRQ && op != WRQ) {
                continue; // a stray packet for a finished transfer, or noise
            }
            try {
                transfers.execute(() -> serve(client, data));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
    }

    /** A parsed RRQ or WRQ. */
    record Request(int opcode, String filename, String mode, Map<String, String> options) {
    }

    static Request parse(byte[] d) {
        int op = ((d[0] & 0xff) << 8) | (d[1] & 0xff);
        List<String> fields = new ArrayList<>();
        int start = 2;
        for (int i = 2; i < d.length; i++) {
            if (d[i] == 0) {
                fields.add(new String(d, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (start != d.length || fields.size() < 2 || fields.size() % 2 != 0) {
            return null; // not NUL-terminated, or an option without a value
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < fields.size(); i += 2) {
            options.putIfAbsent(fields.get(i).toLowerCase(Locale.ROOT), fields.get(i + 1));
        }
        return new Request(op, fields.get(0), fields.get(1).toLowerCase(Locale.ROOT), options);
    }

    private void serve(InetSocketAddress client, byte[] packet) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(bind, 0))) {
            open.add(s);
            try {
                new Transfer(s, client).run(packet);
            } finally {
                open.remove(s);
            }
        } catch (IOException e) {
            if (!closed) {
                log.note("tftp: transfer to " + client + " failed: " + e.getMessage());
            }
        }
    }

    /** One transfer, from its own socket (its own transfer id). */
    private final class Transfer {
        private final DatagramSocket s;
        private final InetSocketAddress client;
        private String method = "RRQ";
        private String name = "-";

        Transfer(DatagramSocket s, InetSocketAddress client) {
            this.s = s;
            this.client = client;
        }

        void run(byte[] packet) throws IOException {
            Request req = parse(packet);
            if (req == null) {
                error(ERR_ILLEGAL, "malformed request", "error-4", 0);
                return;
            }
            method = req.opcode() == WRQ ? "WRQ" : "RRQ";
            name = req.filename();
            if (req.opcode() == WRQ) {
                error(ERR_ACCESS, "the lab server is read-only", "error-2", 0);
                return;
            }
            if (!req.mode().equals("octet")) {
                error(ERR_UNDEFINED, "only octet (binary) mode is served", "error-0", 0);
                return;
            }
            Content.Lookup found = content.lookup(req.filename(), Content.Transport.TFTP);
            if (found instanceof Content.Denied d) {
                error(ERR_ACCESS, "access violation: " + d.reason(), "error-2", 0);
                return;
            }
            if (!(found instanceof Content.Found f)) {
                error(ERR_NOT_FOUND, "file not found", "error-1", 0);
                return;
            }
            try (InputStream in = f.open()) {
                send(req, f.length(), in);
            }
        }

        private void send(Request req, long size, InputStream in) throws IOException {
            int blksize = DEFAULT_BLKSIZE;
            Map<String, String> oack = new LinkedHashMap<>();
            String b = req.options().get("blksize");
            if (b != null) {
                try {
                    int asked = Integer.parseInt(b.trim());
                    if (asked >= MIN_BLKSIZE) {
                        blksize = Math.min(asked, MAX_BLKSIZE);
                        oack.put("blksize", Integer.toString(blksize));
                    }
                } catch (NumberFormatException e) {
                    // not a number: the option is ignored
                }
            }
            if (req.options().containsKey("tsize")) {
                oack.put("tsize", Long.toString(size));
            }
            byte[] buf = new byte[Math.max(4 + blksize, 512)];
            if (!oack.isEmpty()) {
                int len = oack(buf, oack);
                Outcome o = exchange(buf, len, 0);
                if (o != Outcome.ACKED) {
                    finish(o, 0);
                    return;
                }
            }
            long sent = 0;
            int block = 1;
            while (true) {
                buf[0] = 0;
                buf[1] = DATA;
                buf[2] = (byte) (block >>> 8);
                buf[3] = (byte) block;
                int n = in.readNBytes(buf, 4, blksize);
                Outcome o = exchange(buf, 4 + n, block);
                if (o != Outcome.ACKED) {
                    finish(o, sent);
                    return;
                }
                sent += n;
                if (n < blksize) {
                    finish(Outcome.ACKED, sent);
                    return;
                }
                block = (block + 1) & 0xffff; // wraps to 0 after 65535, as tftp-hpa and curl expect
            }
        }

        private enum Outcome { ACKED, TIMEOUT, CLIENT_ERROR, CLOSED }

        /** Sends a packet and waits for the ACK of {@code block}, sending it again on timeout. */
        private Outcome exchange(byte[] buf, int len, int block) throws IOException {
            DatagramPacket out = new DatagramPacket(buf, len, client);
            byte[] in = new byte[516];
            for (int attempt = 0; attempt <= retries; attempt++) {
                if (closed) {
                    return Outcome.CLOSED;
                }
                s.send(out);
                long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        break;
                    }
                    s.setSoTimeout((int) left);
                    DatagramPacket p = new DatagramPacket(in, in.length);
                    try {
                        s.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    } catch (SocketException e) {
                        return Outcome.CLOSED;
                    }
                    if (!client.equals(p.getSocketAddress())) {
                        // RFC 1350: another transfer id gets an error, ours goes on
                        sendError((InetSocketAddress) p.getSocketAddress(), ERR_UNKNOWN_TID, "unknown transfer id");
                        continue;
                    }
                    if (p.getLength() < 4) {
                        continue;
                    }
                    int op = ((in[0] & 0xff) << 8) | (in[1] & 0xff);
                    if (op == ERROR) {
                        return Outcome.CLIENT_ERROR;
                    }
                    int acked = ((in[2] & 0xff) << 8) | (in[3] & 0xff);
                    if (op == ACK && acked == block) {
                        return Outcome.ACKED;
                    }
                    // a duplicate ACK of an earlier block: ignored (no Sorcerer's Apprentice)
                }
            }
            return Outcome.TIMEOUT;
        }

        private int oack(byte[] buf, Map<String, String> options) {
            int p = 0;
            buf[p++] = 0;
            buf[p++] = OACK;
            for (Map.Entry<String, String> e : options.entrySet()) {
                for (String f : new String[] {e.getKey(), e.getValue()}) {
                    byte[] bytes = f.getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(bytes, 0, buf, p, bytes.length);
                    p += bytes.length;
                    buf[p++] = 0;
                }
            }
            return p;
        }

        private void finish(Outcome o, long sent) {
            String status = switch (o) {
                case ACKED -> "ok";
                case TIMEOUT -> "timeout";
                case CLIENT_ERROR -> "aborted-by-client";
                case CLOSED -> "aborted";
            };
            log.request(client, Content.Transport.TFTP, method, name, status, sent, null);
        }

        private void error(int code, String message, String status, long sent) throws IOException {
            sendError(client, code, message);
            log.request(client, Content.Transport.TFTP, method, name, status, sent, null);
        }

        private void sendError(InetSocketAddress to, int code, String message) throws IOException {
            byte[] m = message.getBytes(StandardCharsets.US_ASCII);
            byte[] b = new byte[5 + m.length];
            b[1] = ERROR;
            b[3] = (byte) code;
            System.arraycopy(m, 0, b, 4, m.length);
            s.send(new DatagramPacket(b, b.length, to));
        }
    }

    /** Stops listening and ends the transfers under way. */
    @Override
    public void close() {
        closed = true;
        socket.close();
        transfers.shutdownNow();
        for (DatagramSocket s : open) {
            s.close();
        }
        try {
            listener.join(2000);
            transfers.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
