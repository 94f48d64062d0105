package dev.storyreel.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job writing s3a:// through a proxy that misbehaves like a busy object store: of the connections
 * S3A opens, some are answered "503 Slow Down" at once, some are dropped before any answer, some are
 * answered slowly. The run must come out identical to a fault-free local run (frames by key and MD5,
 * films by MD5), with every film ok.
 */
class S3FaultsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BUCKET = "films";
    static final String KEY_ID = "storyreel-faults";
    static final String SECRET = HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));

    @TempDir
    Path tmp;

    /** A TCP proxy in front of the S3 server that injects faults on a fixed share of connections. */
    static final class FaultyProxy implements AutoCloseable {
        final ServerSocket server;
        final int target;
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        final AtomicInteger slowed = new AtomicInteger();
        final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-s3-proxy");
            t.setDaemon(true);
            return t;
        });

        FaultyProxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            pool.execute(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    int n = connections.incrementAndGet();
                    pool.execute(() -> serve(client, n));
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Connection n: every 5th from the 2nd throttled, every 5th from the 4th dropped, every 3rd slowed. */
        private void serve(Socket client, int n) {
            try (client) {
                if (n % 5 == 2) {
                    throttled.incrementAndGet();
                    client.getInputStream().read(new byte[8192]);
                    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                            + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    return;
                }
                if (n % 5 == 4) {
                    dropped.incrementAndGet();
                    client.getInputStream().read(new byte[8192]);
                    client.setSoLinger(true, 0); // a reset, not a clean close
                    return;
                }
                boolean slow = n % 3 == 0;
                if (slow) {
                    slowed.incrementAndGet();
                }
                try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
                    pool.execute(() -> pipe(client, upstream, false));
                    pipe(upstream, client, slow);
                }
            } catch (IOException e) {
                // the client or the server went away: nothing to clean up beyond the sockets
            }
        }

        private static void pipe(Socket from, Socket to, boolean slow) {
            byte[] buf = new byte[16384];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int r;
                boolean first = true;
                while ((r = in.read(buf)) >= 0) {
                    if (slow && first) {
                        Thread.sleep(300);
                    }
                    first = false;
                    out.write(buf, 0, r);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // connection closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aRunThroughThrottlingDropsAndSlowAnswersMatchesAFaultFreeRun() throws Exception {
        Path cat = Files.createDirectories(tmp.resolve("cat"));
        Files.writeString(cat.resolve("tiny.fountain"), ReliabilityJobTest.SCREENPLAY);
        Files.writeString(cat.resolve("catalogue.csv"), "film_id,title,source,style,seed\ntiny,Tiny,tiny.fountain,,1\n");
        Path local = tmp.resolve("local");
        assertEquals(0, ReliabilityJobTest.job("--catalogue", cat.resolve("catalogue.csv").toString(),
                "--out", local.toString()).exit());

        try (BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(KEY_ID, SECRET)
                .build(BlobStoreContext.class)) {
            BlobStore blobs = context.getBlobStore();
            S3Proxy s3 = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET).ignoreUnknownHeaders(true).build();
            s3.start();
            blobs.createContainerInLocation(null, BUCKET);
            try (FaultyProxy proxy = new FaultyProxy(s3.getPort())) {
                Path conf = Files.writeString(tmp.resolve("s3.conf"), String.join("\n",
                        "spark.hadoop.fs.s3a.endpoint http://127.0.0.1:" + proxy.port(),
                        "spark.hadoop.fs.s3a.path.style.access true",
                        "spark.hadoop.fs.s3a.endpoint.region us-east-1",
                        "spark.hadoop.fs.s3a.connection.ssl.enabled false",
                        "spark.hadoop.fs.s3a.aws.credentials.provider org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                        "spark.hadoop.fs.s3a.access.key " + KEY_ID,
                        "spark.hadoop.fs.s3a.secret.key " + SECRET,
                        "spark.hadoop.fs.s3a.retry.interval 50ms",
                        "spark.hadoop.fs.s3a.retry.throttle.interval 50ms",
                        // Other tests in this JVM talk to s3a://BUCKET on servers of their own: no cached filesystem.
                        "spark.hadoop.fs.s3a.impl.disable.cache true",
                        ""));
                ReliabilityJobTest.Run r = ReliabilityJobTest.job("--catalogue", cat.resolve("catalogue.csv").toString(),
                        "--out", "s3a://" + BUCKET + "/out", "--spark-conf", conf.toString());
                assertEquals(0, r.exit(), r.err());
                assertTrue(proxy.throttled.get() > 0 && proxy.dropped.get() > 0 && proxy.slowed.get() > 0,
                        "faults injected: " + proxy.throttled + " throttled, " + proxy.dropped + " dropped, " + proxy.slowed
                                + " slowed of " + proxy.connections + " connections");
            } finally {
                s3.stop();
            }
            Path remote = tmp.resolve("remote");
            download(blobs, "out/", remote);
            JsonNode film = JSON.readTree(remote.resolve("run.json").toFile()).get("films").get(0);
            assertEquals("ok", film.get("status").asText(), film.toString());
            String key = "film_id, variant, scene, shot, frame";
            String hashes = "select " + key + ", md5(data) from %s order by all";
            assertEquals(Duck.query(String.format(hashes, Duck.table(local, "frames"))),
                    Duck.query(String.format(hashes, Duck.table(remote, "frames"))));
            assertEquals(0, Duck.single("select count(*) from (select " + key + ", count(*) n from "
                    + Duck.table(remote, "frames") + " group by all having n > 1)"));
            assertEquals(md5(local.resolve("films/tiny.mp4")), md5(remote.resolve("films/tiny.mp4")));
        }
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    /** Every object under the prefix, straight from the server's blob store (not through S3A or the proxy). */
    private static void download(BlobStore blobs, String prefix, Path to) throws IOException {
        ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
        String marker = null;
        do {
            var page = blobs.list(BUCKET, marker == null ? options : options.clone().afterMarker(marker));
            for (StorageMetadata m : page) {
                String rel = m.getName().substring(prefix.length());
                if (m.getType() != StorageType.BLOB || rel.isEmpty() || rel.endsWith("/")) {
                    continue;
                }
                Path dst = to.resolve(rel);
                Files.createDirectories(dst.getParent());
                try (InputStream in = blobs.getBlob(BUCKET, m.getName()).getPayload().openStream()) {
                    Files.copy(in, dst);
                }
            }
            marker = page.getNextMarker();
        } while (marker != null);
    }
}
