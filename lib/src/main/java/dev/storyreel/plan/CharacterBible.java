package dev.storyreel.plan;

import dev.storyreel.screenplay.Element;
import dev.storyreel.screenplay.ElementType;
import dev.storyreel.screenplay.Screenplay;
import dev.storyreel.shot.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A film's character and location bible, read from the screenplay: each character's introduction (first
 * appearance in capitals, {@code NAME (30s)}, the description that follows) gives a stable descriptor; each
 * location's first scene describes it. It also finds characters in text, by whole words and case-aware: the
 * capitalised form always, the title-case form only when the name is not an ordinary word of the script
 * ("MAN" is never found in "man-made").
 *
 * @param characters    characters in order of first appearance
 * @param locations     locations in order of first heading
 * @param ordinaryNames names that are also ordinary words of the script ("MAN"), found only in capitals
 */
public record CharacterBible(List<CharacterEntry> characters, List<LocationEntry> locations, List<String> ordinaryNames)
        implements java.io.Serializable {

    private static final String BEFORE = "(?<![\\p{L}\\p{N}'’\\-])";
    private static final String AFTER = "(?![\\p{L}\\p{N}\\-])";
    /** A run of capitalised words ending a name, then an age in parentheses: "A MAN (60s)", "RAY MORROW (40)". */
    private static final Pattern INTRODUCTION = Pattern.compile(
            BEFORE + "([A-Z][A-Z'’.\\-]*(?: [A-Z][A-Z'’.\\-]*)*)\\s*\\(((?:early |mid-?|late )?\\d{1,2}s?|"
                    + "(?:early |mid-?|late )?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)"
                    + "|\\d{1,2}-\\d{1,2})\\)");
    private static final Set<String> LEADING_WORDS = Set.of("A", "AN", "THE", "AND", "OR", "OF", "WITH", "IN", "I");
    private static final Pattern AGE_NUMBER = Pattern.compile("(\\d{1,2})(s?)");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+");
    private static final Set<String> PREPOSITIONS = Set.of("in", "with", "wearing", "dressed", "holding", "carrying",
            "under", "behind", "beside", "on", "at", "of");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "his", "her", "their", "its", "my", "our",
            "your", "two", "three", "some", "in", "with", "of", "on", "at", "under", "wearing", "dressed", "and");
    private static final Pattern FEMALE = Pattern.compile("\\b(she|her|hers|herself|woman|girl|lady|mother|"
            + "grandmother|daughter|sister|wife|aunt|widow|queen)\\b");
    private static final Pattern MALE = Pattern.compile("\\b(he|his|him|himself|man|boy|father|grandfather|son|"
            + "brother|husband|uncle|widower|king)\\b");
    private static final Pattern NOUN_GENDER = Pattern.compile("\\b(woman|girl|lady|man|boy|gentleman)\\b(?!['’])");
    private static final Pattern PRONOUN = Pattern.compile("\\b(she|her|he|his|him)\\b", Pattern.CASE_INSENSITIVE);

    public CharacterBible {
        characters = List.copyOf(characters);
        locations = List.copyOf(locations);
        ordinaryNames = List.copyOf(ordinaryNames);
    }

    /** An empty bible. */
    public static CharacterBible empty() {
        return new CharacterBible(List.of(), List.of(), List.of());
    }

    /** Builds the bible of a screenplay (parsed with emphasis stripped). */
    public static CharacterBible of(Screenplay screenplay) {
        List<Element> elements = screenplay.elements();
        Set<String> ordinaryWords = new TreeSet<>();
        for (Element e : elements) {
            if (e.type() == ElementType.ACTION || e.type() == ElementType.DIALOGUE) {
                for (String w : e.text().split("[^\\p{L}'’]+")) {
                    if (!w.isEmpty() && w.equals(w.toLowerCase(Locale.ROOT))) {
                        ordinaryWords.add(w);
                    }
                }
            }
        }
        // Speakers in order of first cue, with their speech counts, first lines and whether they are seen.
        Map<String, int[]> speeches = new LinkedHashMap<>();
        Map<String, String> firstLines = new LinkedHashMap<>();
        Map<String, Integer> firstCue = new LinkedHashMap<>();
        Set<String> onScreen = new TreeSet<>();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.type() != ElementType.CHARACTER) {
                continue;
            }
            String name = Names.normal(e.text());
            speeches.computeIfAbsent(name, k -> new int[1])[0]++;
            firstCue.putIfAbsent(name, e.line());
            if (SpeakerModes.of(e.extensions()) == dev.storyreel.shot.SpeakerMode.ON) {
                onScreen.add(name);
            }
            if (!firstLines.containsKey(name) && i + 1 < elements.size()) {
                for (int j = i + 1; j < elements.size() && elements.get(j).type() != ElementType.CHARACTER; j++) {
                    if (elements.get(j).type() == ElementType.DIALOGUE) {
                        firstLines.put(name, Names.oneLine(elements.get(j).text()));
                        break;
                    }
                    if (elements.get(j).type() != ElementType.PARENTHETICAL) {
                        break;
                    }
                }
            }
        }
        // Introductions in action: "NAME (30s), description", in order.
        Map<String, Intro> intros = new LinkedHashMap<>();
        List<Element> actions = elements.stream().filter(e -> e.type() == ElementType.ACTION).toList();
        for (Element e : actions) {
            String text = Names.oneLine(e.text());
            Matcher m = INTRODUCTION.matcher(text);
            while (m.find()) {
                String run = trimLeading(m.group(1));
                if (run.isEmpty()) {
                    continue;
                }
                String speaker = speakerIn(run, speeches.keySet());
                String key = speaker == null ? run : speaker;
                intros.putIfAbsent(key, new Intro(run, m.group(2), text.substring(m.end()), e.line()));
            }
        }
        List<String> names = new ArrayList<>(speeches.keySet());
        for (String n : intros.keySet()) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        // Speakers introduced without an age: the first action naming them in capitals.
        for (String n : speeches.keySet()) {
            if (intros.containsKey(n)) {
                continue;
            }
            Pattern caps = Pattern.compile(BEFORE + Pattern.quote(n) + AFTER);
            for (Element e : actions) {
                String text = Names.oneLine(e.text());
                Matcher m = caps.matcher(text);
                if (m.find()) {
                    intros.put(n, new Intro(n, "", text.substring(m.end()), e.line()));
                    break;
                }
            }
        }
        List<CharacterEntry> out = new ArrayList<>();
        for (String n : names) {
            Intro intro = intros.get(n);
            int[] count = speeches.get(n);
            List<String> aliases = intro != null && !intro.run().equals(n) ? List.of(intro.run()) : List.of();
            boolean seen = onScreen.contains(n) || mentionedAnywhere(n, aliases, actions, ordinaryWords);
            String descriptor = describe(n, intro, ordinaryWords, !seen);
            int first = Math.min(intro == null ? Integer.MAX_VALUE : intro.line(),
                    firstCue.getOrDefault(n, Integer.MAX_VALUE));
            out.add(new CharacterEntry(n, aliases, descriptor, firstLines.getOrDefault(n, ""),
                    count == null ? 0 : count[0], first == Integer.MAX_VALUE ? 0 : first, !seen));
        }
        out.sort(java.util.Comparator.comparingInt(CharacterEntry::firstSeen));
        List<String> ordinary = new ArrayList<>();
        for (CharacterEntry c : out) {
            if (isOrdinary(c.name(), ordinaryWords)) {
                ordinary.add(c.name());
            }
            for (String a : c.aliases()) {
                if (isOrdinary(a, ordinaryWords)) {
                    ordinary.add(a);
                }
            }
        }
        return new CharacterBible(out, locations(elements), ordinary);
    }

    /** The entry of a name or alias (spaces normalised, any case), or null. */
    public CharacterEntry find(String name) {
        String n = Names.normal(name).toUpperCase(Locale.ROOT);
        for (CharacterEntry c : characters) {
            if (c.name().toUpperCase(Locale.ROOT).equals(n) || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n))) {
                return c;
            }
        }
        return null;
    }

    /** The entry of a location, or null. */
    public LocationEntry location(String name) {
        return locations.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** Characters named in a text, whole words, case-aware, in order of their first mention. */
    public List<String> mentioned(String text) {
        return finder().mentioned(text);
    }

    /** A reusable finder of this bible's names (patterns compiled once). */
    NameFinder finder() {
        Map<String, List<Pattern>> forms = new LinkedHashMap<>();
        for (CharacterEntry c : characters) {
            List<Pattern> ps = new ArrayList<>();
            List<String> names = new ArrayList<>();
            names.add(c.name());
            names.addAll(c.aliases());
            for (String form : names) {
                ps.addAll(patterns(form, ordinaryNames.contains(form)));
            }
            forms.put(c.name(), ps);
        }
        return new NameFinder(forms);
    }

    /** Finds characters in text by precompiled whole-word, case-aware patterns. */
    static final class NameFinder {
        private final Map<String, List<Pattern>> forms;

        NameFinder(Map<String, List<Pattern>> forms) {
            this.forms = forms;
        }

        /** Characters named in a text, in order of their first mention. */
        List<String> mentioned(String text) {
            record Hit(int at, String name) {
            }
            List<Hit> hits = new ArrayList<>();
            forms.forEach((name, ps) -> {
                int best = -1;
                for (Pattern p : ps) {
                    Matcher m = p.matcher(text);
                    if (m.find() && (best < 0 || m.start() < best)) {
                        best = m.start();
                    }
                }
                if (best >= 0) {
                    hits.add(new Hit(best, name));
                }
            });
            hits.sort(java.util.Comparator.comparingInt(Hit::at));
            return hits.stream().map(Hit::name).toList();
        }
    }

    /** The capitalised form, and the title-case form unless the name is an ordinary word of the script. */
    private static List<Pattern> patterns(String name, boolean ordinary) {
        List<Pattern> out = new ArrayList<>();
        out.add(Pattern.compile(BEFORE + Pattern.quote(name.toUpperCase(Locale.ROOT)) + AFTER));
        if (!ordinary) {
            out.add(Pattern.compile(BEFORE + Pattern.quote(titleCase(name)) + AFTER));
        }
        return out;
    }

    private static boolean mentionedAnywhere(String n, List<String> aliases, List<Element> actions, Set<String> ordinary) {
        List<String> forms = new ArrayList<>(aliases);
        forms.add(n);
        for (String f : forms) {
            List<Pattern> ps = patterns(f, isOrdinary(f, ordinary));
            for (Element e : actions) {
                for (Pattern p : ps) {
                    if (p.matcher(e.text()).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isOrdinary(String name, Set<String> ordinaryWords) {
        for (String w : name.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (ordinaryWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private record Intro(String run, String age, String after, int line) {
    }

    private static String trimLeading(String run) {
        List<String> words = new ArrayList<>(List.of(run.split(" ")));
        while (!words.isEmpty() && LEADING_WORDS.contains(words.get(0))) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    /** The speaker a capitalised run names: the run itself or its last words ("DETECTIVE RAY MORROW" -> MORROW). */
    private static String speakerIn(String run, Set<String> speakers) {
        if (speakers.contains(run)) {
            return run;
        }
        String[] words = run.split(" ");
        for (int k = 1; k < words.length; k++) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
            if (speakers.contains(tail)) {
                return tail;
            }
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - k));
            if (speakers.contains(head)) {
                return head;
            }
        }
        return null;
    }

    private static String describe(String name, Intro intro, Set<String> ordinaryWords, boolean voiceOnly) {
        List<String> parts = new ArrayList<>();
        String role = isOrdinary(name, ordinaryWords) ? name.toLowerCase(Locale.ROOT) : "";
        if (intro == null) {
            parts.add(role.isEmpty() ? "person" : role);
            if (voiceOnly) {
                parts.add("voice only");
            }
            return String.join(", ", parts);
        }
        String sentence = SENTENCE.split(intro.after().strip(), 2)[0];
        List<String> fragments = fragments(sentence);
        String around = (String.join(" ", fragments) + " " + intro.after()).toLowerCase(Locale.ROOT);
        String fragmentsText = String.join(" ", fragments).toLowerCase(Locale.ROOT);
        String gender = "";
        Matcher noun = NOUN_GENDER.matcher(fragmentsText);
        boolean nounInFragments = noun.find();
        if (!nounInFragments) {
            Matcher roleNoun = NOUN_GENDER.matcher(name.toLowerCase(Locale.ROOT));
            if (roleNoun.find()) {
                gender = roleNoun.group(1);
            } else {
                Matcher p = PRONOUN.matcher(around.length() > 400 ? around.substring(0, 400) : around);
                if (p.find()) {
                    gender = p.group(1).startsWith("s") || p.group(1).equals("her") ? "woman" : "man";
                }
            }
        }
        String age = agePhrase(intro.age(), gender, fragmentsText);
        if (!role.isEmpty() && !role.equals(gender)) {
            parts.add(role);
        }
        if (!gender.isEmpty()) {
            parts.add(age.isEmpty() ? gender : youth(gender, intro.age()) + " " + age);
            parts.addAll(fragments);
        } else {
            parts.addAll(fragments);
            if (!age.isEmpty()) {
                parts.add(age);
            }
        }
        if (parts.isEmpty()) {
            parts.add("person");
        }
        return String.join(", ", parts);
    }

    private static String youth(String gender, String age) {
        Matcher m = AGE_NUMBER.matcher(age);
        if (m.find() && m.group(2).isEmpty()) {
            int years = Integer.parseInt(m.group(1));
            if (years < 18) {
                return gender.equals("woman") ? "girl" : gender.equals("man") ? "boy" : gender;
            }
        }
        return gender;
    }

    private static String agePhrase(String age, String gender, String fragments) {
        if (age.isEmpty()) {
            return "";
        }
        String a = age.strip();
        Matcher m = AGE_NUMBER.matcher(a);
        if (m.matches() && m.group(2).isEmpty()) {
            return "aged " + m.group(1);
        }
        Matcher noun = NOUN_GENDER.matcher(fragments);
        String g = !gender.isEmpty() ? gender : noun.find() ? noun.group(1) : "";
        String pron = FEMALE.matcher(g).find() ? "her" : MALE.matcher(g).find() ? "his" : "their";
        return "in " + pron + " " + a;
    }

    /** The descriptive fragments after a name: appositives between commas, or a short prepositional phrase. */
    private static List<String> fragments(String after) {
        String s = after.strip();
        List<String> out = new ArrayList<>();
        if (s.startsWith(",")) {
            for (String f : s.substring(1).split(",")) {
                String frag = f.strip().replaceAll("[.!?;:]+$", "");
                if (frag.isEmpty() || looksLikeClause(frag) || out.size() == 3) {
                    break;
                }
                out.add(frag);
            }
            return out;
        }
        String[] words = s.split("\\s+");
        if (words.length > 1 && PREPOSITIONS.contains(words[0].toLowerCase(Locale.ROOT))) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < words.length && kept.size() < 7; i++) {
                String w = words[i].replaceAll("[.,!?;:]+$", "");
                if (i > 1 && isVerbLike(w) && !DETERMINERS.contains(kept.get(kept.size() - 1).toLowerCase(Locale.ROOT))) {
                    break;
                }
                kept.add(w);
                if (!words[i].equals(w)) {
                    break;
                }
            }
            if (kept.size() > 1) {
                out.add(String.join(" ", kept));
            }
        }
        return out;
    }

    /** A fragment that starts a clause ("carries a can", "and waits") rather than describing ("goggles pushed up"). */
    private static boolean looksLikeClause(String fragment) {
        String[] w = fragment.toLowerCase(Locale.ROOT).split("\\s+");
        String first = w[0];
        if (first.equals("and") || first.equals("but") || first.equals("then") || first.equals("who") || first.equals("as")) {
            return true;
        }
        if (!isVerbLike(first) || first.endsWith("ed") || first.equals("dressed")) {
            return false;
        }
        String second = w.length > 1 ? w[1] : "";
        return second.isEmpty() || DETERMINERS.contains(second) || PREPOSITIONS.contains(second) || VERB_FOLLOWERS.contains(second);
    }

    private static final Set<String> VERB_FOLLOWERS = Set.of("him", "them", "it", "up", "down", "out", "away", "back", "into",
            "toward", "towards", "across", "over", "through", "along", "off", "around", "past", "to", "for", "from");

    private static boolean isVerbLike(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.length() > 3 && (l.endsWith("s") && !l.endsWith("ss") && !l.endsWith("us") || l.endsWith("ing"));
    }

    private static String titleCase(String name) {
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char ch : name.toCharArray()) {
            b.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            start = !Character.isLetter(ch) && ch != '\'' && ch != '’';
        }
        return b.toString();
    }

    private static List<LocationEntry> locations(List<Element> elements) {
        Map<String, List<String>> subs = new LinkedHashMap<>();
        Map<String, String> descriptors = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Integer> scenes = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.type() != ElementType.SCENE_HEADING || CameraDirection.asShotHeading(e.text()) != null) {
                continue;
            }
            Setting s = SceneHeading.parse(e.text(), "");
            if (s.location().isEmpty()) {
                continue;
            }
            String loc = s.location();
            first.putIfAbsent(loc, e.line());
            scenes.merge(loc, 1, Integer::sum);
            List<String> list = subs.computeIfAbsent(loc, k -> new ArrayList<>());
            if (!s.subLocation().isEmpty() && !list.contains(s.subLocation())) {
                list.add(s.subLocation());
            }
            if (!descriptors.containsKey(loc)) {
                for (int j = i + 1; j < elements.size() && elements.get(j).type() != ElementType.SCENE_HEADING; j++) {
                    Element a = elements.get(j);
                    if (a.type() == ElementType.ACTION && !TransitionCue.is(a.text())) {
                        descriptors.put(loc, shortSentence(a.text(), 14));
                        break;
                    }
                }
            }
        }
        List<LocationEntry> out = new ArrayList<>();
        for (String loc : first.keySet()) {
            out.add(new LocationEntry(loc, subs.get(loc), descriptors.getOrDefault(loc, ""), first.get(loc), scenes.get(loc)));
        }
        return out;
    }

    /** The first sentence of a text, at most {@code maxWords} words, without a final period. */
    static String shortSentence(String text, int maxWords) {
        CameraDirection d = CameraDirection.inAction(text);
        String t = Names.oneLine(d == null ? text : d.prose());
        String sentence = SENTENCE.split(t, 2)[0];
        String[] words = sentence.split("\\s+");
        String out = words.length <= maxWords ? sentence : String.join(" ", java.util.Arrays.copyOf(words, maxWords));
        return out.replaceAll("[.!?,;:]+$", "").strip();
    }
}
