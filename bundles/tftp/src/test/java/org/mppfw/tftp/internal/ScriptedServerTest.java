package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ProgressListener;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;

/**
 * Protocol paths no real server takes on demand, played by a scripted server in the test:
 * ERROR 8 and unacceptable OACKs, reordered/duplicated/lost DATA in a window, a foreign TID,
 * duplicate ACKs (Sorcerer's Apprentice), back-off, malformed packets, deadline, no server.
 */
class ScriptedServerTest {

    private static final ClientSettings FAST = new ClientSettings(5, Duration.ofMillis(200), Duration.ofMillis(200),
            Duration.ofSeconds(2), 53240, 53245);

    private DatagramSocket listen;
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private ExecutorService exec;

    @BeforeEach
    void open() throws IOException {
        listen = socket();
        exec = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() throws InterruptedException {
        sockets.forEach(DatagramSocket::close);
        exec.shutdownNow();
        assertTrue(exec.awaitTermination(5, TimeUnit.SECONDS));
    }

    private DatagramSocket socket() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(5000);
        sockets.add(s);
        return s;
    }

    private InetSocketAddress server() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listen.getLocalPort());
    }

    /** A received packet and where it came from. */
    record In(TftpPacket packet, SocketAddress from) {
    }

    static In recv(DatagramSocket s) throws IOException {
        byte[] buf = new byte[TftpPacket.MAX_PACKET];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        try {
            TftpPacket t = TftpPacket.parse(buf, p.getLength());
            if (t instanceof TftpPacket.Data d) {
                byte[] copy = java.util.Arrays.copyOfRange(buf, d.offset(), d.offset() + d.length());
                t = new TftpPacket.Data(d.block(), copy, 0, copy.length);
            }
            return new In(t, p.getSocketAddress());
        } catch (MalformedPacketException e) {
            throw new IOException(e);
        }
    }

    /** The next request without options (retransmissions of an earlier request are skipped). */
    static In recvPlainRequest(DatagramSocket s) throws IOException {
        while (true) {
            In in = recv(s);
            if (in.packet() instanceof TftpPacket.Request r && r.options().isEmpty()) {
                return in;
            }
        }
    }

    static void send(DatagramSocket s, SocketAddress to, TftpPacket p) throws IOException {
        byte[] buf = new byte[TftpPacket.MAX_PACKET];
        int len = p.encode(buf);
        s.send(new DatagramPacket(buf, len, to));
    }

    static TftpPacket.Data data(int block, byte[] file, int blksize) {
        int off = (block - 1) * blksize;
        int len = Math.max(0, Math.min(blksize, file.length - off));
        return new TftpPacket.Data(block, file, Math.min(off, file.length), len);
    }

    private TransferResult read(TftpOptions options, ByteArrayOutputStream out) throws TransportException {
        return new TftpClient(FAST).read(server(), "cfg.xml", options, out, 1 << 20, Duration.ofSeconds(30),
                Duration.ofSeconds(5), ProgressListener.NONE);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** Serves {@code file} lock-step with 512-byte blocks to the request just received. */
    static void servePlain(DatagramSocket data, SocketAddress client, byte[] file) throws IOException {
        int blocks = file.length / 512 + 1;
        for (int b = 1; b <= blocks; b++) {
            send(data, client, data(b, file, 512));
            In ack = recv(data);
            assertEquals(new TftpPacket.Ack(b), ack.packet());
        }
    }

    @Test
    void error8GetsAPlainRetry() throws Exception {
        byte[] file = random(700);
        CompletableFuture<List<TftpPacket>> seen = CompletableFuture.supplyAsync(() -> {
            try {
                In first = recv(listen);
                send(socket(), first.from(), new TftpPacket.Error(8, "options not supported"));
                In second = recvPlainRequest(listen);
                servePlain(socket(), second.from(), file);
                return List.of(first.packet(), second.packet());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferResult r = read(new TftpOptions(1428, 8, 1, true), out);
        assertArrayEquals(file, out.toByteArray());
        List<TftpPacket> requests = seen.get(10, TimeUnit.SECONDS);
        assertEquals(4, ((TftpPacket.Request) requests.get(0)).options().size());
        assertEquals(Map.of(), ((TftpPacket.Request) requests.get(1)).options());
        assertNotNull(r.fallback());
        assertTrue(r.negotiated().plain());
    }

    @Test
    void unacceptableOackIsRefusedWithError8ThenPlain() throws Exception {
        for (Map<String, String> oack : List.of(Map.of("blksize", "1428", "rollover", "0"), Map.of("blksize", "9000"),
                Map.of("windowsize", "0"), Map.of("tsize", "-1"))) {
            byte[] file = random(300);
            CompletableFuture<TftpPacket> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    In first = recv(listen);
                    DatagramSocket data = socket();
                    send(data, first.from(), new TftpPacket.Oack(oack));
                    TftpPacket reply = recv(data).packet();
                    In second = recvPlainRequest(listen);
                    servePlain(socket(), second.from(), file);
                    return reply;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, exec);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransferResult r = read(new TftpOptions(1428, 8, 1, true), out);
            assertArrayEquals(file, out.toByteArray());
            TftpPacket reply = answer.get(10, TimeUnit.SECONDS);
            assertTrue(reply instanceof TftpPacket.Error e && e.code() == 8, oack + " -> " + reply);
            assertNotNull(r.fallback());
        }
    }

    /**
     * A windowed server whose first sends are perturbed: block 2 arrives after 3, block 5 twice,
     * block 7 is lost. The client restarts the window at the gap, never writes a block twice.
     */
    @Test
    void reorderedDuplicatedAndLostBlocksInAWindow() throws Exception {
        int blksize = 16;
        int window = 4;
        byte[] file = random(16 * 12 + 5); // 13 blocks
        int blocks = file.length / blksize + 1;
        CompletableFuture<List<Integer>> acks = CompletableFuture.supplyAsync(() -> {
            List<Integer> seenAcks = new ArrayList<>();
            try {
                In rrq = recv(listen);
                DatagramSocket data = socket();
                data.setSoTimeout(400);
                SocketAddress client = rrq.from();
                send(data, client, new TftpPacket.Oack(Map.of("blksize", "16", "windowsize", "4")));
                assertEquals(new TftpPacket.Ack(0), recv(data).packet());
                boolean[] perturbed = new boolean[blocks + 2];
                int base = 1;
                while (base <= blocks) {
                    List<Integer> order = new ArrayList<>();
                    for (int b = base; b < base + window && b <= blocks; b++) {
                        order.add(b);
                    }
                    for (int i = 0; i < order.size(); i++) {
                        int b = order.get(i);
                        if (b == 2 && !perturbed[2] && i + 1 < order.size()) {
                            perturbed[2] = true;
                            send(data, client, data(order.get(i + 1), file, blksize));
                            send(data, client, data(2, file, blksize));
                            i++;
                        } else if (b == 5 && !perturbed[5]) {
                            perturbed[5] = true;
                            send(data, client, data(5, file, blksize));
                            send(data, client, data(5, file, blksize));
                        } else if (b == 7 && !perturbed[7]) {
                            perturbed[7] = true;
                        } else {
                            send(data, client, data(b, file, blksize));
                        }
                    }
                    try {
                        TftpPacket p = recv(data).packet();
                        int n = ((TftpPacket.Ack) p).block();
                        seenAcks.add(n);
                        base = Math.max(base, n + 1);
                    } catch (SocketTimeoutException t) {
                        // resend the window from base
                    }
                }
                return seenAcks;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferResult r = read(new TftpOptions(16, 4, 0, false), out);
        assertArrayEquals(file, out.toByteArray());
        assertEquals(4, r.negotiated().windowsize());
        List<Integer> seen = acks.get(10, TimeUnit.SECONDS);
        assertTrue(seen.contains(6), "gap at 7 acknowledged as 6: " + seen);
        assertEquals(blocks, seen.get(seen.size() - 1));
    }

    @Test
    void foreignTidGetsError5AndIsIgnored() throws Exception {
        byte[] file = random(1500);
        DatagramSocket intruder = socket();
        CompletableFuture<TftpPacket> intruderGot = CompletableFuture.supplyAsync(() -> {
            try {
                In rrq = recv(listen);
                DatagramSocket data = socket();
                send(data, rrq.from(), data(1, file, 512));
                assertEquals(new TftpPacket.Ack(1), recv(data).packet());
                byte[] junk = new byte[512];
                send(intruder, rrq.from(), new TftpPacket.Data(2, junk, 0, 512));
                TftpPacket reply = recv(intruder).packet();
                for (int b = 2; b <= 3; b++) {
                    send(data, rrq.from(), data(b, file, 512));
                    assertEquals(new TftpPacket.Ack(b), recv(data).packet());
                }
                return reply;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferResult r = read(TftpOptions.PLAIN, out);
        assertArrayEquals(file, out.toByteArray());
        assertEquals(new TftpPacket.Error(5, "Unknown transfer ID"), intruderGot.get(10, TimeUnit.SECONDS));
        assertEquals(1, r.foreignPackets());
    }

    @Test
    void aLeftoverBlockOfAnEarlierTransferDoesNotBecomeTheServer() throws Exception {
        byte[] file = random(700);
        DatagramSocket stale = socket();
        CompletableFuture<TftpPacket> staleGot = CompletableFuture.supplyAsync(() -> {
            try {
                In rrq = recv(listen);
                // a child of an earlier transfer on the same client port, still retransmitting
                send(stale, rrq.from(), new TftpPacket.Data(7, new byte[100], 0, 100));
                TftpPacket reply = recv(stale).packet();
                DatagramSocket data = socket();
                send(data, rrq.from(), data(1, file, 512));
                assertEquals(new TftpPacket.Ack(1), recv(data).packet());
                send(data, rrq.from(), data(2, file, 512));
                assertEquals(new TftpPacket.Ack(2), recv(data).packet());
                return reply;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferResult r = read(TftpOptions.PLAIN, out);
        assertArrayEquals(file, out.toByteArray());
        assertEquals(new TftpPacket.Error(5, "Unknown transfer ID"), staleGot.get(10, TimeUnit.SECONDS));
        assertEquals(1, r.foreignPackets());
    }

    @Test
    void consecutiveTransfersTakeTheSourcePortsInTurn() throws Exception {
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        for (int i = 0; i < 2; i++) {
            byte[] file = random(10 + i);
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try {
                    In rrq = recv(listen);
                    servePlain(socket(), rrq.from(), file);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, exec);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransferResult r = read(TftpOptions.PLAIN, out);
            served.get(10, TimeUnit.SECONDS);
            assertArrayEquals(file, out.toByteArray());
            ports.add(r.localPort());
        }
        assertEquals(2, ports.size(), "two transfers in a row use two source ports: " + ports);
    }

    @Test
    void duplicateAcksNeverTriggerRetransmission() throws Exception {
        byte[] body = random(512 * 9 + 392);
        CompletableFuture<Integer> dataPackets = CompletableFuture.supplyAsync(() -> {
            try {
                In wrq = recv(listen);
                assertTrue(((TftpPacket.Request) wrq.packet()).write());
                DatagramSocket data = socket();
                send(data, wrq.from(), new TftpPacket.Ack(0));
                send(data, wrq.from(), new TftpPacket.Ack(0));
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                int count = 0;
                data.setSoTimeout(1000);
                try {
                    while (true) {
                        In in = recv(data);
                        TftpPacket.Data d = (TftpPacket.Data) in.packet();
                        count++;
                        if (d.block() == got.size() / 512 + 1) {
                            got.write(d.buf(), d.offset(), d.length());
                        }
                        // every ACK sent twice: the apprentice's brooms
                        send(data, in.from(), new TftpPacket.Ack(d.block()));
                        send(data, in.from(), new TftpPacket.Ack(d.block()));
                    }
                } catch (SocketTimeoutException done) {
                    assertArrayEquals(body, got.toByteArray());
                    return count;
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        TransferResult r = new TftpClient(FAST).write(server(), "report.xml", TftpOptions.PLAIN, body,
                Duration.ofSeconds(20), Duration.ofSeconds(5), ProgressListener.NONE);
        assertEquals(body.length, r.bytes());
        assertEquals(10, dataPackets.get(10, TimeUnit.SECONDS), "each DATA sent once");
        assertEquals(0, r.retransmissions());
    }

    /**
     * The request goes out again while no answer comes; the timeouts it waits (the initial RTO,
     * then doubled) are the RTO's, checked without a clock in {@link RtoTest}.
     */
    @Test
    void requestIsRetransmittedWithBackoffAndMalformedPacketsAreDropped() throws Exception {
        byte[] file = random(100);
        CompletableFuture<List<In>> requests = CompletableFuture.supplyAsync(() -> {
            try {
                List<In> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(recv(listen));
                }
                In last = got.get(2);
                DatagramSocket data = socket();
                data.send(new DatagramPacket(new byte[] {0, 3, 0}, 3, last.from())); // malformed
                data.send(new DatagramPacket(new byte[] {0, 9, 0, 1}, 4, last.from())); // unknown opcode
                servePlain(data, last.from(), file);
                return got;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferResult r = read(TftpOptions.PLAIN, out);
        assertArrayEquals(file, out.toByteArray());
        List<In> got = requests.get(10, TimeUnit.SECONDS);
        for (In in : got) {
            assertEquals(got.get(0).packet(), in.packet(), "the same request again");
            assertEquals(got.get(0).from(), in.from(), "from the same port");
        }
        assertTrue(r.retransmissions() >= 2);
        assertTrue(r.localPort() >= 53240 && r.localPort() <= 53245, "source port " + r.localPort());
    }

    /**
     * A stalled transfer ends at its deadline: the client keeps acknowledging the OACK while
     * nothing comes (its 100 retries could last far longer), then tells the server why it stops.
     */
    @Test
    void deadlineEndsAStalledTransferAsClassC() throws Exception {
        CompletableFuture<List<TftpPacket>> heard = CompletableFuture.supplyAsync(() -> {
            try {
                In rrq = recv(listen);
                DatagramSocket data = socket();
                send(data, rrq.from(), new TftpPacket.Oack(Map.of("blksize", "1428")));
                List<TftpPacket> got = new ArrayList<>();
                while (got.isEmpty() || !(got.get(got.size() - 1) instanceof TftpPacket.Error)) {
                    got.add(recv(data).packet());
                }
                return got;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, exec);
        ClientSettings patient = new ClientSettings(100, Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofMillis(400), 0, 0);
        TransportException e = assertThrows(TransportException.class, () -> new TftpClient(patient).read(server(),
                "cfg.xml", new TftpOptions(1428, 0, 0, false), OutputStream.nullOutputStream(), 1 << 20,
                Duration.ofMillis(1500), Duration.ofSeconds(5), ProgressListener.NONE));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        List<TftpPacket> got = heard.get(10, TimeUnit.SECONDS);
        assertEquals(new TftpPacket.Error(0, "Transfer deadline exceeded"), got.get(got.size() - 1));
        List<TftpPacket> acks = got.subList(0, got.size() - 1);
        assertTrue(acks.size() >= 2, "the OACK acknowledged, then again while nothing came: " + got);
        assertTrue(acks.stream().allMatch(p -> p.equals(new TftpPacket.Ack(0))), got.toString());
    }

    @Test
    void noServerIsClassC() {
        InetSocketAddress nobody = server();
        listen.close(); // nothing listens on that port any more
        TransportException e = assertThrows(TransportException.class, () -> new TftpClient(FAST).read(nobody,
                "cfg.xml", TftpOptions.PLAIN, OutputStream.nullOutputStream(), 1 << 20, Duration.ofSeconds(30),
                Duration.ofSeconds(1), ProgressListener.NONE));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("no answer"), e.getMessage());
    }

    @Test
    void errorCodesMapToResultClasses() throws Exception {
        for (int code : new int[] {0, 1, 2, 3, 4, 6}) {
            CompletableFuture.runAsync(() -> {
                try {
                    In rrq = recv(listen);
                    send(socket(), rrq.from(), new TftpPacket.Error(code, "scripted\u0001error"));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, exec);
            TransportException e = assertThrows(TransportException.class, () -> read(TftpOptions.PLAIN,
                    new ByteArrayOutputStream()));
            assertEquals(code == 1 ? ResultClass.B : ResultClass.C, e.resultClass());
            assertEquals(code, e.status());
            assertTrue(e.getMessage().contains("scripted?error"), e.getMessage());
            assertFalse(e.getMessage().contains("\u0001"));
        }
    }
}
