#!/usr/bin/env python3
"""Writes storyreel's two feature-length test screenplays, deterministically (original text, ours).

    python3 samples/features/generate.py        # rewrites low-water.fountain and the-night-shift.fountain

Each film is an outline of scenes (place, time, who is there, what the scene is about) filled from the
film's own banks of action, dialogue and narration with a seeded random stream, so the same script comes
out every time. The scripts exercise what real features do: varied heading separators and continuity
words, character introductions in capitals with ages, V.O. narrators who never appear, O.S. voices,
camera directions and shot headings, transitions and endings. Run it again after editing the banks and
commit the .fountain files with it.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

SEPARATORS = [" - ", " - ", " - ", " -- ", "--", ", ", "/"]


class Film:
    def __init__(self, spec):
        self.__dict__.update(spec)
        self.rng = random.Random(spec["seed"])
        self.introduced = set()
        self.out = []
        self.last_time = None

    # ---- writing helpers -------------------------------------------------------------------------
    def para(self, text):
        self.out.append(text)
        self.out.append("")

    def speech(self, who, text, ext="", paren=None):
        cue = who if not ext else f"{who} ({ext})"
        self.out.append(cue)
        if paren:
            self.out.append(f"({paren})")
        self.out.append(text)
        self.out.append("")

    def pick(self, seq):
        return self.rng.choice(seq)

    def name(self, key):
        return self.cast[key]["cue"]

    def ref(self, key):
        """How action names a character after the introduction: the cue in title case."""
        return self.cast[key]["cue"].title()

    def introduce(self, key):
        c = self.cast[key]
        self.introduced.add(key)
        return f"{c['intro']} ({c['age']}), {c['look']}, {self.pick(c['enters'])}."

    def mention(self, key):
        if key not in self.introduced:
            return self.introduce(key)
        return self.fill(self.pick(self.actions_with), key)

    def fill(self, template, key=None, other=None):
        return template.format(
            who=self.ref(key) if key else "Someone",
            other=self.ref(other) if other else "the others",
            thing=self.pick(self.things),
            place=self.pick(self.places_small),
            weather=self.pick(self.weather),
            sound=self.pick(self.sounds),
        )

    def heading(self, scene):
        loc, sub = scene["loc"], scene.get("sub")
        prefix = scene.get("prefix") or ("EXT." if scene.get("ext") else "INT.")
        sep = self.pick(SEPARATORS)
        place = loc if not sub else f"{loc}{' - ' if sep != '/' else ' - '}{sub}"
        time = scene["time"]
        if time in ("CONTINUOUS", "LATER", "MOMENTS LATER", "SAME TIME") and self.last_time is None:
            time = "NIGHT"
        if time not in ("CONTINUOUS", "LATER", "MOMENTS LATER", "SAME TIME"):
            self.last_time = time
        text = f"{prefix} {place}{sep}{time}"
        if scene.get("year"):
            text += f" ({scene['year']})"
        return text

    # ---- one scene --------------------------------------------------------------------------------
    def scene(self, scene, index, total):
        r = self.rng
        if index > 0:
            t = r.random()
            if t < 0.12:
                self.para("> DISSOLVE TO:" if r.random() < 0.3 else "DISSOLVE TO:")
            elif t < 0.2:
                self.para("SMASH CUT TO:")
            elif t < 0.25:
                self.para("MATCH CUT TO:")
            elif t < 0.45:
                self.para("CUT TO:")
            elif t < 0.5:
                self.para("FADE TO BLACK.")
                self.para("FADE IN:")
        self.para(self.heading(scene))
        self.para(self.pick(self.openings[scene["loc"]]).format(weather=self.pick(self.weather),
                                                                 sound=self.pick(self.sounds)))
        people = list(scene["who"])
        if scene.get("narrate") or r.random() < 0.22:
            self.speech(self.name(self.narrator), self.pick(self.narration), "V.O.")
        for key in people:
            if key not in self.introduced:
                self.para(self.introduce(key))
        beats = r.randint(self.beats[0], self.beats[1])
        last_speaker = None
        used = set()
        talk = 0.58 if len(people) > 1 else 0.3
        for b in range(beats):
            roll = r.random()
            roll = roll if roll >= talk or roll < 0.58 else 0.58 + (roll - talk) * 0.22 / (0.58 - talk)
            speakers = [p for p in people if p != last_speaker] or people
            if roll < 0.58 and people:
                who = self.pick(speakers)
                other = self.pick([p for p in people if p != who] or [who])
                n = 1 if r.random() < 0.6 else (2 if r.random() < 0.75 else 4)
                own = self.cast[who].get("lines", [])
                said = []
                for _ in range(n):
                    for _try in range(8):
                        line = self.fill(self.pick(own if own and r.random() < 0.6 else self.dialogue), other)
                        if line not in used:
                            break
                    used.add(line)
                    said.append(line)
                lines = " ".join(said)
                paren = self.pick(self.parentheticals) if r.random() < 0.15 else None
                self.speech(self.name(who), lines, "CONT'D" if who == last_speaker else "", paren)
                last_speaker = who
            elif roll < 0.8 and people:
                who = self.pick(people)
                other = self.pick([p for p in people if p != who] or [who])
                self.para(self.fill(self.pick(self.actions_with), who, other))
            elif roll < 0.9:
                self.direction(people)
            elif roll < 0.95:
                offstage = self.pick([k for k in self.cast if k not in people and k != self.narrator]
                                     or list(self.cast))
                self.speech(self.name(offstage), self.fill(self.pick(self.offscreen), self.pick(people) if people else None),
                            "O.S.")
            else:
                self.speech(self.name(self.narrator), self.pick(self.narration), "V.O.")
        if r.random() < 0.3:
            self.para(self.fill(self.pick(self.actions_alone)))

    def direction(self, people):
        r = self.rng
        who = self.pick(people) if people else None
        kind = r.randint(0, 8)
        if kind == 0:
            self.para(f"CLOSE ON {self.pick(self.things)}.")
            self.para(self.fill(self.pick(self.actions_alone)))
        elif kind == 1 and who:
            self.para(f"ANGLE ON {self.name(who)}.")
            self.para(self.fill(self.pick(self.actions_with), who))
        elif kind == 2:
            self.para(f"We PULL BACK to reveal {self.pick(self.reveals)}.")
        elif kind == 3:
            self.para(f"The CAMERA PANS across {self.pick(self.places_small)}.")
        elif kind == 4:
            self.para(f"INSERT - {self.pick(self.things).upper()}")
            self.para(self.pick(self.insert_details))
            self.para("BACK TO SCENE")
        elif kind == 5 and who:
            self.para(f".{self.name(who)}'S POV")
            self.para(self.fill(self.pick(self.pov_views)))
        elif kind == 6 and who:
            self.para(f"TRACKING with {self.ref(who)} as {self.pick(self.tracking)}.")
        elif kind == 7 and who:
            self.para(f"PUSH IN on {self.ref(who)}.")
            self.para(self.fill(self.pick(self.actions_with), who))
        else:
            self.para(f"WIDE ON {self.pick(self.reveals)}.")

    def write(self):
        self.out += [f"Title: {self.title}", "Credit: Written by", "Author: The storyreel team",
                     "Draft date: 30 November 2026", "", "FADE IN:", ""]
        scenes = self.outline()
        for i, s in enumerate(scenes):
            self.scene(s, i, len(scenes))
        self.para("FADE OUT.")
        self.para("> THE END <")
        return "\n".join(self.out).rstrip() + "\n"

    def outline(self):
        r = self.rng
        scenes = []
        times = ["DAY", "NIGHT", "DUSK", "DAWN", "MORNING", "EVENING", "AFTERNOON"]
        for i in range(self.scenes):
            loc = self.pick(list(self.locations))
            spec = self.locations[loc]
            time = self.pick(times)
            if i > 0 and r.random() < 0.18:
                time = self.pick(["CONTINUOUS", "LATER", "MOMENTS LATER", "SAME TIME"])
                loc = scenes[-1]["loc"]
                spec = self.locations[loc]
            sub = self.pick(spec["subs"]) if spec["subs"] and r.random() < 0.6 else None
            size = self.pick([1, 2, 2, 3, 3])
            who = r.sample([k for k in self.cast if k != self.narrator], size)
            scene = {"loc": loc, "sub": sub, "ext": spec["ext"], "time": time, "who": who}
            if spec.get("prefix"):
                scene["prefix"] = self.pick(spec["prefix"])
            if r.random() < 0.06:
                scene["year"] = self.flashback_year
                scene["time"] = self.pick(["NIGHT", "DAY"])
                scene["narrate"] = True
            scenes.append(scene)
        return scenes


LOW_WATER = {
    "title": "Low Water",
    "file": "low-water.fountain",
    "seed": 1101,
    "scenes": 92,
    "beats": (9, 16),
    "flashback_year": "1989",
    "narrator": "older",
    "cast": {
        "older": {"cue": "OLDER NELL", "intro": "OLDER NELL", "age": "60s", "look": "heard, never seen",
                  "enters": ["remembers"]},
        "nell": {"cue": "NELL", "intro": "NELL ACKROYD", "age": "30s", "look": "a surveyor in a salt-stained anorak, "
                 "theodolite case slung across her back", "enters": ["steps off the ferry ramp into ankle-deep water",
                 "counts the tide posts under her breath"],
                 "lines": ["I measured it twice. The island's sinking.", "I'm here for the survey, Dad. Then I'm gone.",
                           "The 1989 map is wrong. Somebody made it wrong.", "Show me where the posts used to be.",
                           "Dad, look at me. Which year is it?",
                           "I was nine. I saw what I saw.", "I need the old survey. The real one.",
                           "Forty minutes before it turns. Walk faster."]},
        "august": {"cue": "AUGUST", "intro": "AUGUST ACKROYD", "age": "70s", "look": "her father, a big man gone thin, "
                   "cardigan buttoned wrong", "enters": ["waits on the slipway with two mugs of tea",
                   "mends a lobster pot with his teeth"],
                   "lines": ["I kept the stakes where they were. I swear it.", "Your mother would have known what to do.",
                             "Which year is it, love? Tell me the year.", "The tide doesn't care what the council says.",
                             "Drink your tea. It's going cold.", "She went out for the boot. That's all. The boot."]},
        "teodor": {"cue": "TEODOR", "intro": "TEODOR", "age": "40s", "look": "the ferry pilot, a wiry man in a wool hat "
                   "and fingerless gloves", "enters": ["leans on the wheelhouse door, rolling a cigarette he never lights"],
                   "lines": ["Ferry's the only way off when the causeway goes.", "I don't cross after six. Nobody does.",
                             "Your father paid for diesel in fish for ten years.", "I saw a light on the flats that night.",
                             "Tide's early. Get aboard or get wet."]},
        "bea": {"cue": "BEA", "intro": "BEA OKONJO", "age": "20s", "look": "the island's only constable, uniform two "
                "sizes too big, bicycle clips on her trousers", "enters": ["wheels a bicycle up the shingle"],
                "lines": ["There were seven names on that plaque. There should be eight.", "I'll need that in writing.",
                          "Mr. Crane has a permit. I've seen it.", "Nobody reported her missing. Why not?",
                          "I'm the only police for nine miles of water."]},
        "crane": {"cue": "MR. CRANE", "intro": "MR. CRANE", "age": "50s", "look": "a developer in a camel coat and "
                  "clean wellingtons", "enters": ["picks his way across the seaweed as if it might bite"],
                  "lines": ["You can build on anything with enough concrete.", "It's not about the money. It never was.",
                            "The council has the survey it paid for.", "Sentiment floods, Miss Ackroyd. Concrete doesn't.",
                            "Name your price and I'll leave the chapel standing."]},
    },
    "locations": {
        "HOLM ISLAND CAUSEWAY": {"ext": True, "subs": ["TIDE POSTS", "NORTH END"]},
        "ACKROYD HOUSE": {"ext": False, "subs": ["KITCHEN", "ATTIC", "FRONT ROOM"]},
        "FERRY": {"ext": False, "subs": ["WHEELHOUSE", "CAR DECK"], "prefix": ["INT./EXT.", "I/E"]},
        "HARBOUR": {"ext": True, "subs": ["SLIPWAY", "FISH MARKET"]},
        "POLICE HUT": {"ext": False, "subs": []},
        "SALT FLATS": {"ext": True, "subs": ["OLD WRECK"]},
        "CHAPEL OF THE DROWNED": {"ext": False, "subs": ["CRYPT"]},
        "CRANE'S SITE OFFICE": {"ext": False, "subs": []},
    },
    "openings": {
        "HOLM ISLAND CAUSEWAY": ["A mile of wet stone between the island and the mainland, posts marking the safe way. {weather}",
                                 "The causeway shines like a blade. Water creeps in from both sides. {sound}"],
        "ACKROYD HOUSE": ["A low stone house full of charts, barometers and unwashed cups. {sound}",
                          "Maps cover every wall, pinned over older maps. {weather}"],
        "FERRY": ["The ferry shoulders through a grey chop, diesel thudding. {sound}",
                  "Rust, rope and a radio that only plays the shipping forecast. {weather}"],
        "HARBOUR": ["Boats lean in the mud at low tide, ropes slack. {sound}",
                    "Crates of crab stacked on the quay. Gulls argue over a fish head. {weather}"],
        "POLICE HUT": ["A one-room hut with a kettle, a filing cabinet and a map of the tides. {sound}"],
        "SALT FLATS": ["Flat white miles, the wreck of a trawler half sunk in the middle. {weather}",
                       "The flats hiss as the water leaves them. {sound}"],
        "CHAPEL OF THE DROWNED": ["Plaques on every wall, a name and a year on each. Candles gutter. {sound}"],
        "CRANE'S SITE OFFICE": ["A portable cabin on stilts, architect's drawings of holiday flats on the walls. {weather}"],
    },
    "weather": ["Rain comes sideways off the sea.", "A thin sun, no warmth in it.", "Fog sits on the water.",
                "The wind has dropped to nothing.", "Clouds pile up over the mainland."],
    "sounds": ["A bell buoy clanks somewhere out in the mist.", "Curlews call.", "The wind moans in the wires.",
               "Water drips from the gutters.", "A generator coughs and catches."],
    "things": ["the tide table", "a brass compass", "the 1989 survey map", "a child's wellington boot",
               "the ferry timetable", "a rusted survey stake", "the chapel register", "a wet photograph",
               "the theodolite", "a letter from the council"],
    "places_small": ["the wall of maps", "the empty quay", "the line of tide posts", "the wet shingle",
                     "the rows of candles", "the drawings of holiday flats"],
    "reveals": ["the whole causeway drowning under the incoming tide", "the island, small and alone in the estuary",
                "the ferry stranded on a sandbar", "dozens of survey stakes planted across the flats",
                "the chapel roof open to the sky"],
    "insert_details": ["A line of numbers in pencil, corrected twice in different hands.",
                       "Someone has circled the same date three times.", "The needle swings and will not settle."],
    "pov_views": ["The causeway, posts vanishing one by one as the water rises.",
                  "Through salt-smeared glass, a figure on the flats, walking the wrong way.",
                  "The map, and a red line that should not be there."],
    "tracking": ["she runs the causeway between the posts", "he walks the quay counting boats",
                 "she crosses the flats toward the wreck", "he hurries up the chapel steps"],
    "actions_with": ["{who} studies {thing}, frowning.", "{who} turns away from {other} and looks out at the water.",
                     "{who} sets down {thing} very carefully.", "{who} pours tea nobody drinks.",
                     "{who} unrolls a chart across the table and pins the corners with mugs.",
                     "{who} laughs despite everything. {other} does not.", "{who} pulls on wet boots. {weather}",
                     "{who} writes something in a notebook and hides it.", "{who} and {other} listen. {sound}",
                     "{who} taps the barometer. The needle drops."],
    "actions_alone": ["The water keeps coming.", "Nobody moves. {sound}", "A door bangs somewhere in the house.",
                      "The light goes, all at once, the way it does out here.", "{weather}"],
    "dialogue": ["The tide doesn't care what the council says.", "You moved the posts.",
                 "Nobody crosses after six. Nobody.",
                 "I measured it twice. The island's sinking.", "Your mother would have known what to do.",
                 "The map is wrong, {who}. It's been wrong since 1989.",
                 "Crane wants the flats. He's wanted them for years.", "Say that again, slowly.",
                 "I'm not staying. I'm here for the survey and then I'm gone.",
                 "The ferry's the only way off when the causeway goes.",
                 "You sound like him.", "There were seven names on that plaque. There should be eight.",
                 "I kept the stakes where they were. I swear it.", "What are you looking for up there?",
                 "The water was this high. I remember it at my knees.",
                 "Don't tell Bea. Not yet.", "Then we walk it together, at low water, and we count.",
                 "He paid someone to change the numbers.",
                 "It's not about the money. It never was.", "You've got salt in your hair.",
                 "Tell me about the night of the storm.", "I need the old survey. The real one.",
                 "Sit down, {who}. Please.", "That boot was hers.", "We have forty minutes before it turns.",
                 "You can't build on water.", "He's not confused. He's frightened.",
                 "The chapel floods every spring. It never used to."],
    "offscreen": ["{who}! The tide's turned!", "Is anybody in there?", "Ferry's leaving. Last call.",
                  "{who}? Where did you put the keys?", "{who}, you need to see this."],
    "parentheticals": ["quietly", "not looking up", "beat", "shouting over the wind", "gently", "half to the sea"],
    "narration": ["My father drew the island the way other men pray, every morning, the same lines.",
                  "We had a word for the hour when the causeway opened. We called it the door.",
                  "I was nine the year the posts moved, and I didn't understand what I'd seen for twenty-five years.",
                  "Everyone on Holm knew the tide. Nobody knew it like my mother.",
                  "The council sent me because nobody else would go. That's what I told myself.",
                  "Maps lie. They lie the way people do, by leaving things out.",
                  "There are eight names that should be on that wall. I only ever counted seven."],
}

NIGHT_SHIFT = {
    "title": "The Night Shift",
    "file": "the-night-shift.fountain",
    "seed": 2202,
    "scenes": 92,
    "beats": (9, 16),
    "flashback_year": "1996",
    "narrator": "dj",
    "cast": {
        "dj": {"cue": "NIGHT OWL", "intro": "NIGHT OWL", "age": "50s", "look": "a late radio host, heard, never seen",
               "enters": ["talks"]},
        "osip": {"cue": "OSIP", "intro": "OSIP VANCE", "age": "60s", "look": "a night guard with a torch, a flask and "
                 "a paperback on every shift", "enters": ["unlocks the staff door with the third key he tries"],
                 "lines": ["I've worked nights for thirty years. I know every noise this place makes.",
                           "That wasn't one of them.", "Stay behind me.", "Drink this. It's mostly tea.",
                           "The comet came back. Nobody believed me in 1996 either."]},
        "ross": {"cue": "ROSS", "intro": "DR. HANA ROSS", "age": "40s", "look": "an astronomer in a lab coat over a "
                 "ballgown, heels in one hand", "enters": ["storms through the rotunda barefoot"],
                "lines": ["The gala's in two hours and the projector's dead.", "Do you know how old that light is?",
                          "If the board sees this, I'm finished.", "Look up. No, really look.",
                          "My mother used to bring me here."]},
        "pip": {"cue": "PIP", "intro": "PIP", "age": "12", "look": "a runaway girl in a school blazer, one shoe untied",
                "enters": ["hides under the moon exhibit, eating crisps"],
                "lines": ["I'm not nobody. I'm Pip.", "I could ask you the same thing.", "Turn it on. Just once.",
                          "I know where the reel is. I'm not telling.", "Is that thing supposed to smoke?"]},
        "marek": {"cue": "MAREK", "intro": "MAREK", "age": "30s", "look": "the projectionist, headphones round his "
                  "neck, fingers black with grease", "enters": ["swears at a projector the size of a car"],
                  "lines": ["I'll fix it. I always fix it.", "That reel's been missing for years.",
                            "Give me ten minutes and a screwdriver.", "The bulb costs more than my car."]},
        "director": {"cue": "DIRECTOR LUND", "intro": "DIRECTOR LUND", "age": "50s", "look": "a silver-haired man in "
                     "a perfect suit", "enters": ["checks his reflection in the glass of a meteorite case"],
                     "lines": ["The dome will be sold by spring.", "It's a planetarium, not a hotel.",
                               "The board expects a miracle by midnight, Doctor.", "I knew. Of course I knew."]},
    },
    "locations": {
        "CITY PLANETARIUM": {"ext": False, "subs": ["DOME", "ROTUNDA", "PROJECTION BOOTH", "GIFT SHOP"]},
        "PLANETARIUM ROOF": {"ext": True, "subs": ["TELESCOPE PLATFORM"]},
        "SECURITY OFFICE": {"ext": False, "subs": []},
        "OSIP'S CAR": {"ext": False, "subs": [], "prefix": ["INT./EXT.", "I/E"]},
        "RIVER EMBANKMENT": {"ext": True, "subs": ["BANDSTAND"]},
        "ALL-NIGHT CAFE": {"ext": False, "subs": ["BACK BOOTH"]},
        "OBSERVATORY HILL": {"ext": True, "subs": ["OLD DOME"]},
        "ROSS'S FLAT": {"ext": False, "subs": ["BALCONY"]},
    },
    "openings": {
        "CITY PLANETARIUM": ["A great dark dome, stars switched off, the projector crouched in the middle like an insect. {sound}",
                             "Marble floors, brass rails, a pendulum that never stops. {weather}"],
        "PLANETARIUM ROOF": ["Copper roof, green with age, the city orange below. {weather}",
                             "A telescope under a tarpaulin, flapping. {sound}"],
        "SECURITY OFFICE": ["Nine monitors, eight of them working. A kettle, a radio, a cactus. {sound}"],
        "OSIP'S CAR": ["An old estate car that smells of dog and peppermints. {weather}"],
        "RIVER EMBANKMENT": ["Lamps in a row along the black river. {weather}", "Joggers, cyclists, nobody looking up. {sound}"],
        "ALL-NIGHT CAFE": ["Strip lights, steamed windows, a waitress doing a crossword. {sound}"],
        "OBSERVATORY HILL": ["A bald hill above the city, the old observatory dome cracked open. {weather}"],
        "ROSS'S FLAT": ["Books in towers, a star chart taped to the fridge, a cat nobody feeds. {sound}"],
    },
    "weather": ["A clear sky, for once.", "Drizzle beads on every surface.", "The moon is nearly full.",
                "Cloud low enough to touch.", "Frost on the railings."],
    "sounds": ["The radio murmurs a late show.", "A night bus sighs past.", "The pendulum ticks.",
               "Somewhere, a fire door bangs.", "Sirens, far off."],
    "things": ["the torch", "a star chart", "the master key", "a reel of film", "Pip's school tie",
               "the donation box", "a photograph of the 1996 comet", "the projector's bulb", "a paperback western",
               "the guest list"],
    "places_small": ["the dark dome", "the rows of empty seats", "the monitors", "the meteorite cases",
                     "the gift shop shelves", "the rooftop telescope"],
    "reveals": ["the whole city laid out below, orange and sleepless", "the dome full of stars",
                "a hundred guests in evening dress frozen mid-toast", "the river, black and wide",
                "the projector, lit up like a lighthouse"],
    "insert_details": ["The time-stamp reads 02:14 and keeps reading 02:14.", "A name has been scratched out.",
                       "The reel is labelled in a child's handwriting."],
    "pov_views": ["The dome above, stars coming on one at a time.", "A monitor: a small figure crossing the rotunda.",
                  "Through the telescope, the moon, and a shadow crossing it."],
    "tracking": ["he walks his rounds along the gallery", "she runs down the spiral ramp",
                 "she darts between the meteorite cases", "he pushes the trolley through the rotunda"],
    "actions_with": ["{who} clicks the torch on, off, on.", "{who} hands {thing} to {other} without a word.",
                     "{who} sits in the front row and looks up.", "{who} checks the monitors. {sound}",
                     "{who} hides {thing} behind a display case.", "{who} and {other} freeze. {sound}",
                     "{who} reads aloud from {thing}, badly.", "{who} pours two cups from the flask.",
                     "{who} stares at {other} for a long moment.", "{who} tries the door. Locked."],
    "actions_alone": ["The stars wheel overhead.", "Silence, except for the pendulum.", "{sound}",
                      "A light goes out on the far side of the dome.", "{weather}"],
    "dialogue": ["Nobody's supposed to be in here after midnight.", "I'm not nobody. I'm Pip.",
                 "The gala's in two hours and the projector's dead.", "Do you know how old that light is?",
                 "You can't stay here, {who}.", "I've worked nights for thirty years. I know every noise this place makes.",
                 "That wasn't one of them.", "The comet came back. Nobody believed me in 1996 either.",
                 "Lund wants the dome sold by spring.", "Have you eaten anything today?",
                 "Say it plainly, {who}.", "If the board sees this, I'm finished.",
                 "The stars don't care about your board.", "Where are your parents?",
                 "I could ask you the same thing.", "Turn it on. Just once.", "That reel's been missing for years.",
                 "He's lying, and he's not even good at it.", "Give me the key.",
                 "I'll fix it. I always fix it.", "We have until dawn.", "My mother used to bring me here.",
                 "You're shaking.", "Look up. No, really look.", "It's a planetarium, not a hotel.",
                 "Lund knew. He always knew.", "This is the worst gala in the history of galas.",
                 "What did you see on the monitor?", "Stay behind me.", "Is that thing supposed to smoke?"],
    "offscreen": ["{who}! {who}, pick up!", "Hello? Security?", "Doors open in ten minutes!",
                  "Who turned the stars on?", "{who}, come out. It's all right."],
    "parentheticals": ["whispering", "into the radio", "beat", "too loud", "smiling", "sotto"],
    "narration": ["Good evening, insomniacs, night workers, and whoever's listening from a dark room.",
                  "This is the Night Owl, and the sky over the city is clear for the first time in a month.",
                  "They say the comet comes back every twenty-nine years. Some of us are still waiting.",
                  "Somewhere tonight a man is walking his rounds in a building full of stars.",
                  "Here's one for the night guards. You know who you are.",
                  "It's three in the morning, the hour when everything sounds true.",
                  "Keep your eyes up, listeners. The sky is doing something it hasn't done since 1996."],
}


def main():
    for spec in (LOW_WATER, NIGHT_SHIFT):
        film = Film(spec)
        text = film.write()
        with open(os.path.join(HERE, spec["file"]), "w", encoding="utf-8") as f:
            f.write(text)
        print(spec["file"], len(text.splitlines()), "lines")


if __name__ == "__main__":
    main()
