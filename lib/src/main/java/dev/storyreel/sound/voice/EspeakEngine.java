package dev.storyreel.sound.voice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default voice engine: Debian's {@code espeak-ng} program (no network, many languages, pitch and
 * rate controls, deterministic output). The text goes in on standard input, never on the command line;
 * the WAV comes back through a temporary file.
 */
public final class EspeakEngine implements VoiceEngine {
    /** The engine's name. */
    public static final String NAME = "espeak-ng";
    private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");
    private static final VoiceBank BANK = new VoiceBank(List.of("m1", "m3", "m2", "m4", "m7", "m5"),
            List.of("f2", "f1", "f3", "f4", "f5"));

    private final String program;
    private final String version;
    private final Set<String> languages;

    private EspeakEngine(String program, String version, Set<String> languages) {
        this.program = program;
        this.version = version;
        this.languages = languages;
    }

    /** The engine on {@code PATH}; fails saying how to install it when it is missing. */
    public static EspeakEngine open() throws IOException {
        return open("espeak-ng");
    }

    /** The engine at {@code program}. */
    public static EspeakEngine open(String program) throws IOException {
        String banner;
        try {
            banner = run(List.of(program, "--version"), null);
        } catch (IOException e) {
            throw new IOException("voice engine espeak-ng is not installed (" + e.getMessage()
                    + "); install it with: apt-get install espeak-ng", e);
        }
        Matcher m = VERSION.matcher(banner);
        String version = m.find() ? m.group(1) : banner.strip();
        Set<String> langs = new TreeSet<>();
        for (String row : run(List.of(program, "--voices"), null).split("\n")) {
            String[] cols = row.strip().split("\\s+");
            if (cols.length > 1 && !cols[0].equals("Pty")) {
                String code = cols[1].toLowerCase(Locale.ROOT);
                langs.add(code);
                langs.add(code.split("-")[0]);
            }
        }
        return new EspeakEngine(program, version, Set.copyOf(langs));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean speaks(String language) {
        return languages.contains(language.toLowerCase(Locale.ROOT));
    }

    @Override
    public VoiceBank voices() {
        return BANK;
    }

    @Override
    public Speech speak(LineRequest request) throws IOException {
        if (!speaks(request.language())) {
            throw new IOException("espeak-ng has no voice for language '" + request.language() + "'");
        }
        Voice v = request.voice();
        Delivery d = request.delivery();
        String variant = d == Delivery.WHISPER ? "whisper" : v.name();
        int pitch = Math.min(99, v.pitch() + (d == Delivery.SHOUT ? 8 : 0));
        int rate = (int) Math.round(v.rate() * d.speed());
        int amplitude = d == Delivery.SHOUT ? 150 : 100;
        Path wav = Files.createTempFile("storyreel-espeak", ".wav");
        try {
            List<String> cmd = new ArrayList<>(List.of(program, "-v", request.language() + "+" + variant,
                    "-p", Integer.toString(pitch), "-s", Integer.toString(rate), "-a", Integer.toString(amplitude),
                    "-w", wav.toString(), "--stdin"));
            run(cmd, request.text().replaceAll("\\s+", " ").strip() + "\n");
            return WavDecoding.decode(Files.readAllBytes(wav), "espeak-ng output");
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static String run(List<String> cmd, String stdin) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + cmd.get(0), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(cmd.get(0) + " exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }
}
