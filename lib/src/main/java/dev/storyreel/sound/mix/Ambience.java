package dev.storyreel.sound.mix;

import dev.storyreel.shot.Seeds;
import dev.storyreel.shot.Setting;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A location's ambience, generated sample by sample from filtered noise: room tone inside, wind, sea or
 * city outside by the heading's words. Deterministic from the film's seed and the location; never
 * silent. One instance is one continuous bed (a scene); it keeps its filter state between chunks.
 */
public final class Ambience {
    /** What a location sounds like. */
    public enum Kind { ROOM, WIND, SEA, CITY }

    private static final Pattern SEA = Pattern.compile(
            "\\b(SEA|SHORE|BEACH|HARBOU?R|PIER|DOCKS?|COAST|FERRY|BOAT|SHIP|DECK|PORT|BAY|LIGHTHOUSE|QUAY|WHARF|OCEAN|SURF|CLIFFS?)\\b");
    private static final Pattern CITY = Pattern.compile(
            "\\b(STREET|CITY|ROAD|MARKET|STATION|SQUARE|AVENUE|ALLEY|TOWN|PARKING|BRIDGE|TRAFFIC|PLAZA|CAR PARK|DOWNTOWN)\\b");

    private final Kind kind;
    private final SplittableRandom random;
    private final int rate;
    private final double level;
    private long n;
    private double brown;
    private double lp1;
    private double lp2;
    private double pinkA;
    private double pinkB;
    private double pinkC;
    private final double swellPeriod;
    private final double phase;

    /** The bed for {@code setting} in the film seeded {@code filmSeed}, at {@code sampleRate}. */
    public Ambience(long filmSeed, Setting setting, int sampleRate) {
        this.kind = kindOf(setting);
        this.random = Seeds.stream(Seeds.derive(filmSeed, "ambience\u0001" + setting.exposure() + "\u0001"
                + setting.location() + "\u0001" + setting.subLocation()), Seeds.Salt.AMBIENCE);
        this.rate = sampleRate;
        this.swellPeriod = 5.5 + 3.0 * random.nextDouble();
        this.phase = random.nextDouble() * 2 * Math.PI;
        this.level = switch (kind) {
            case ROOM -> 0.02;
            case WIND -> 0.05;
            case SEA -> 0.06;
            case CITY -> 0.045;
        };
    }

    /** The kind of bed a setting gets: inside (or nowhere, as under a title card) is room tone; outside, sea or city words, else wind. */
    public static Kind kindOf(Setting setting) {
        String where = (setting.location() + " " + setting.subLocation()).toUpperCase(Locale.ROOT);
        if (SEA.matcher(where).find()) {
            return Kind.SEA;
        }
        if (setting.exposure() == Setting.Exposure.INT || where.isBlank()) {
            return Kind.ROOM;
        }
        return CITY.matcher(where).find() ? Kind.CITY : Kind.WIND;
    }

    /** This bed's kind. */
    public Kind kind() {
        return kind;
    }

    /** Adds the next {@code count} samples times {@code gain} to {@code left}/{@code right} from {@code offset}. */
    public void add(float[] left, float[] right, int offset, int count, double gain) {
        for (int i = 0; i < count; i++, n++) {
            double white = random.nextDouble() * 2 - 1;
            double white2 = random.nextDouble() * 2 - 1;
            brown = 0.995 * brown + 0.05 * white;
            pinkA = 0.99765 * pinkA + white * 0.0990460;
            pinkB = 0.96300 * pinkB + white * 0.2965164;
            pinkC = 0.57000 * pinkC + white * 1.0526913;
            double pink = (pinkA + pinkB + pinkC + white * 0.1848) * 0.2;
            double t = n / (double) rate;
            double s;
            double spread;
            switch (kind) {
                case ROOM -> {
                    lp1 += 0.08 * (pink - lp1);
                    s = lp1 * 2.0 + 0.15 * Math.sin(2 * Math.PI * 50 * t);
                    spread = 0.2;
                }
                case WIND -> {
                    double gust = 0.55 + 0.45 * Math.sin(2 * Math.PI * t / swellPeriod + phase)
                            * Math.sin(2 * Math.PI * t / (swellPeriod * 2.7));
                    lp1 += (0.02 + 0.05 * gust) * (pink - lp1);
                    s = (lp1 * 3.0 + brown * 0.5) * (0.4 + 0.6 * gust);
                    spread = 0.6;
                }
                case SEA -> {
                    double wave = Math.pow(0.5 + 0.5 * Math.sin(2 * Math.PI * t / swellPeriod + phase), 2);
                    lp1 += (0.03 + 0.25 * wave) * (pink - lp1);
                    s = lp1 * (0.35 + 1.3 * wave) * 1.8 + brown * 0.4;
                    spread = 0.7;
                }
                default -> {
                    double hum = 0.6 + 0.4 * Math.sin(2 * Math.PI * t / (swellPeriod * 1.6) + phase);
                    lp1 += 0.015 * (brown - lp1);
                    lp2 += 0.1 * (pink - lp2);
                    s = lp1 * 6.0 * hum + lp2 * 0.8;
                    spread = 0.4;
                }
            }
            double v = s * level * gain;
            double w = white2 * level * gain * 0.02;
            double side = spread * 0.3 * v * Math.sin(2 * Math.PI * t / (swellPeriod * 3.1) + phase);
            left[offset + i] += (float) (v + side + w);
            right[offset + i] += (float) (v - side - w);
        }
    }
}
