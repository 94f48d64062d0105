package dev.storyreel.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster of separate JVMs on 127.0.0.1 (a master and two workers with fake
 * GPUs 0,1 and 2,3), started from the build's Spark distribution jars like
 * submit-scripts/local-cluster.sh does. Closing it (or the JVM exiting) stops every process.
 */
final class LocalSparkCluster implements AutoCloseable {
    static final List<List<String>> WORKER_GPUS = List.of(List.of("0", "1"), List.of("2", "3"));

    private final Path dir;
    private final Path sparkHome;
    private final List<Process> processes = new ArrayList<>();
    private final Thread reaper = new Thread(this::stopAll, "local-spark-cluster-reaper");
    private final int port;

    LocalSparkCluster(Path root, Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.sparkHome = dir.resolve("spark");
        Files.createDirectories(sparkHome.resolve("jars"));
        for (String jar : sparkJars(root)) {
            Path link = sparkHome.resolve("jars").resolve(Path.of(jar).getFileName());
            if (Files.exists(link)) {
                link = link.resolveSibling(Path.of(jar).getParent().getParent().getFileName() + "-" + link.getFileName());
            }
            Files.createSymbolicLink(link, Path.of(jar));
        }
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark 4.1.1 (jars from the storyreel build)\n");
        // The daemons log at INFO (readiness is read from their output).
        Files.writeString(sparkHome.resolve("log4j2.properties"), Files.readString(root.resolve("conf/log4j2.properties"))
                .replaceFirst("(?m)^rootLogger.level *=.*$", "rootLogger.level = info"));
        Runtime.getRuntime().addShutdownHook(reaper);
        port = freePort();
        start("master", Map.of(), List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", "0"), Pattern.compile("I have been elected leader"));
        String discovery = root.resolve("submit-scripts/gpu-discovery.sh").toString();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 0; i < WORKER_GPUS.size(); i++) {
            Path work = Files.createDirectories(dir.resolve("work-" + (i + 1)));
            ready.add(startAsync("worker-" + (i + 1), Map.of("STORYREEL_FAKE_GPUS", String.join(",", WORKER_GPUS.get(i))),
                    List.of("-Dspark.worker.resource.gpu.amount=" + WORKER_GPUS.get(i).size(),
                            "-Dspark.worker.resource.gpu.discoveryScript=" + discovery,
                            "org.apache.spark.deploy.worker.Worker", master(), "--host", "127.0.0.1", "--cores", "1",
                            "--memory", "2g", "--work-dir", work.toString(), "--webui-port", "0"),
                    Pattern.compile("Successfully registered with master")));
        }
        for (CompletableFuture<Void> r : ready) {
            await(r);
        }
    }

    /** The Spark distribution's jars: the build's runtime classpath without what the job jar carries. */
    static List<String> sparkJars(Path root) throws IOException {
        return List.of(Files.readString(root.resolve("jobs/target/spark-classpath.txt")).strip().split(":"));
    }

    String master() {
        return "spark://127.0.0.1:" + port;
    }

    Path sparkHome() {
        return sparkHome;
    }

    /** Everything the daemons and their executors logged (worker work dirs included). */
    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.log|stderr|stdout")).toList()) {
                all.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private void start(String name, Map<String, String> env, List<String> args, Pattern ready)
            throws IOException, InterruptedException {
        await(startAsync(name, env, args, ready));
    }

    private static void await(CompletableFuture<Void> ready) throws InterruptedException {
        try {
            ready.get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("local Spark cluster did not start: " + e.getMessage(), e);
        }
    }

    /** Starts a daemon; the future completes when a line of its output matches {@code ready}. */
    private CompletableFuture<Void> startAsync(String name, Map<String, String> env, List<String> args, Pattern ready)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-Djava.awt.headless=true"));
        cmd.addAll(List.of(System.getProperty("storyreel.jvm.opens", "").split("\\s+")));
        cmd.add("-Dlog4j2.configurationFile=" + sparkHome.resolve("log4j2.properties"));
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*"));
        cmd.addAll(args);
        cmd.removeIf(String::isBlank);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().putAll(env);
        Process p = pb.start();
        synchronized (processes) {
            processes.add(p);
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        Path log = dir.resolve(name + ".log");
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter w = new PrintWriter(Files.newBufferedWriter(log), true)) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.println(line);
                    if (!up.isDone() && ready.matcher(line).find()) {
                        up.complete(null);
                    }
                }
            } catch (IOException e) {
                up.completeExceptionally(new UncheckedIOException(e));
            }
            up.completeExceptionally(new IllegalStateException(name + " exited (see " + log + ")"));
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
        return up;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops workers first (they stop their executors), then the master; SIGKILL after 30 s. */
    private void stopAll() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
        }
        java.util.Collections.reverse(all);
        for (Process p : all) {
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs anyway.
        }
    }
}
