package dev.storyreel.sound.voice;

import dev.storyreel.shot.Seeds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Gives every speaking character a voice, deterministically from the film's seed and what the
 * screenplay says of the character (the character bible's descriptor when there is one, else the name):
 * the same film casts the same voices in every variant and run. Characters who speak in the same scene
 * get distinguishable voices (another voice, or the same voice far enough apart in pitch).
 */
public final class Casting {
    private static final Pattern FEMALE = Pattern.compile(
            "\\b(woman|women|girl|she|her|female|mother|mum|mom|daughter|sister|wife|queen|lady|aunt|grandmother|widow|actress)\\b");
    private static final Pattern MALE = Pattern.compile(
            "\\b(man|men|boy|he|his|male|father|dad|son|brother|husband|king|lord|uncle|grandfather|widower|actor)\\b");
    private static final Pattern OLD = Pattern.compile("\\b(old|elderly|aged|grey|gray|white-haired|[6-9]0s|veteran)\\b");
    private static final Pattern YOUNG = Pattern.compile("\\b(child|kid|young|teen\\w*|boy|girl|[12]0s)\\b");
    private static final int PITCH_APART = 18;

    /**
     * A character as the screenplay describes them.
     *
     * @param name       the character's name as cued
     * @param descriptor the character bible's descriptor, or ""
     */
    public record Role(String name, String descriptor) {
        public Role {
            Objects.requireNonNull(name, "name");
            descriptor = Objects.requireNonNullElse(descriptor, "");
        }
    }

    private Casting() {
    }

    /**
     * Casts {@code roles} (in order of first line) from {@code bank} of {@code engine}, keeping apart the
     * speakers of each of {@code scenes} (each the set of names that speak in one scene).
     */
    public static Map<String, Voice> cast(long filmSeed, String engine, VoiceEngine.VoiceBank bank, List<Role> roles,
                                          Collection<? extends Set<String>> scenes) {
        Map<String, Voice> cast = new LinkedHashMap<>();
        for (Role role : roles) {
            String what = (role.descriptor().isBlank() ? role.name() : role.descriptor()).toLowerCase(Locale.ROOT);
            SplittableRandom r = Seeds.stream(Seeds.derive(filmSeed, "voice\u0001" + what), Seeds.Salt.VOICE);
            boolean female = FEMALE.matcher(what).find() || (!MALE.matcher(what).find() && r.nextBoolean());
            List<String> names = female ? bank.female() : bank.male();
            int offset = r.nextInt(names.size());
            int pitch = 38 + r.nextInt(24) + (YOUNG.matcher(what).find() ? 12 : 0) - (OLD.matcher(what).find() ? 10 : 0);
            int rate = 150 + r.nextInt(30) - (OLD.matcher(what).find() ? 12 : 0);
            List<Voice> partners = new ArrayList<>();
            for (Set<String> scene : scenes) {
                if (scene.contains(role.name())) {
                    for (String other : scene) {
                        Voice v = cast.get(other);
                        if (v != null && !other.equals(role.name()) && !partners.contains(v)) {
                            partners.add(v);
                        }
                    }
                }
            }
            cast.put(role.name(), choose(engine, names, offset, clampPitch(pitch), rate, partners, cast.values()));
        }
        return cast;
    }

    private static Voice choose(String engine, List<String> names, int offset, int pitch, int rate, List<Voice> partners,
                                Collection<Voice> taken) {
        int[] pitches = {pitch, clampPitch(pitch + PITCH_APART), clampPitch(pitch - PITCH_APART),
                clampPitch(pitch + 2 * PITCH_APART), clampPitch(pitch - 2 * PITCH_APART)};
        for (boolean unusedOnly : new boolean[] {true, false}) {
            for (int p : pitches) {
                for (int i = 0; i < names.size(); i++) {
                    Voice v = new Voice(engine, names.get((offset + i) % names.size()), p, rate);
                    boolean used = taken.stream().anyMatch(t -> t.name().equals(v.name()));
                    if ((!unusedOnly || !used) && partners.stream().allMatch(o -> apart(v, o))) {
                        return v;
                    }
                }
            }
        }
        return new Voice(engine, names.get(offset), pitch, rate);
    }

    /** Whether two voices are told apart: different voices, or the same one far enough apart in pitch. */
    public static boolean apart(Voice a, Voice b) {
        int dp = Math.abs(a.pitch() - b.pitch());
        return a.name().equals(b.name()) ? dp >= PITCH_APART : dp >= 6 || !a.engine().equals(b.engine());
    }

    private static int clampPitch(int p) {
        return Math.max(5, Math.min(95, p));
    }
}
