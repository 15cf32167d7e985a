"""Deterministic composer for the grooming-en training texts.

Combines hand-written CORE pairs (a harmful message and its harmless twin that share the
same slots) with hand-written fragments (greetings, names, platforms, places, times,
fillers, closers) through a set of FRAMES.  The harmful and harmless lines of a pair get the
SAME greeting/filler/closer, so each composed pair is a minimal pair.  Standalone harmless
one-to-one messages are composed the same way.

Run:  python3 compose.py        -> writes composed.jsonl (seed fixed, output identical each run)
Caps: no frame produces more than FRAME_CAP lines; no core is used more than CORE_CAP times.
"""
import json, os, random, re, collections

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {"P": "private_contact", "O": "over_familiar", "S": "sexual_content", "B": "bullying",
         "V": "violence", "D": "disclosure"}

NAMES = ["Ana", "Yuki", "Marco", "Sofia", "Omar", "Lena", "Kenji", "Hana", "Luca", "Chloe",
         "Mateus", "Ji-woo", "Pablo", "Aiko", "Leonie", "Ryo", "Carla", "Min-seo", "Tomasz",
         "Noor", "Felipe", "Rania", "Dmitri", "Elif", "Mei", "Jonas", "Valentina", "Hugo",
         "Giulia", "Arjun", "Nina", "Sami", "Amelia", "Karim", "Julia", "Wen", "Ines", "Kaito",
         "Zofia", "Andrés", "Soo-ah", "Beatriz", "Kofi", "Anya", "Ravi", "Mina", "Oskar",
         "Daniela", "Yusuf", "Rin", "Alba", "Theo", "Dana", "Erik", "Tamara", "Jae", "Malak",
         "Nora", "Ahmet", "Sienna", "Taro", "Ayşe", "Luis", "Chen", "Freya", "Youssef", "Emma",
         "Matteo", "Clara", "Haruto", "Lucía", "Jakub", "Sara", "Zainab", "Petr", "Kasia",
         "Lorenzo", "Noa", "Ibrahim", "Camille", "Ji-ho", "Ella", "Selin", "Arun", "Mai",
         "Diego", "Yara", "Edvin", "Alina", "Tiago", "Martha", "Ugo", "Zara", "Mio", "Lotte"]
PRIV = ["snap", "snapchat", "telegram", "whatsapp", "kik", "signal", "insta", "discord",
        "wickr", "my other account", "my second number", "a private server"]
OFFICIAL = ["the school app", "the school email", "the class page", "the club group",
            "the school portal", "the parents' group", "the office email"]
PLACES = ["the park", "the station", "the shopping centre", "the car park", "the back gate",
          "the bus stop", "the corner shop", "the library steps", "the canal path",
          "the chippy on the high street", "the skate park", "the leisure centre"]
WHEN = ["after school", "at 4", "tonight", "on Saturday", "on Sunday afternoon",
        "tomorrow after class", "on Friday", "at half 3", "this weekend", "after training",
        "on Wednesday", "at lunch"]
ADULT1 = ["host mum", "host dad", "mum", "dad", "group leader", "agency coordinator", "tutor", "host sister"]
ORG = ["agency", "agency coordinator", "school", "homestay officer", "office", "group leader"]
ADULTS = ["host mum", "host dad", "host family", "parents", "mum", "dad", "teachers",
          "group leader", "agency coordinator", "tutor", "host parents"]
ACTS = ["the trip", "training", "the concert", "the club", "the museum visit", "the match",
        "the disco", "the quiz night", "the cinema trip", "drama club", "the swimming gala",
        "the beach day", "the bowling trip"]
MONEY = ["£100", "£50 in gift cards", "$200", "£30 on a steam card", "100 quid", "£80 in crypto"]
GIFTS = ["£20", "£50", "a top-up", "vbucks", "robux", "a gift card", "new trainers",
         "a new phone", "the battle pass", "some skins", "a hoodie", "concert tickets"]
CLOTHES = ["pyjamas", "swimsuit", "school uniform", "new dress", "gym kit", "shorts",
           "leotard", "nightie", "bikini", "tracksuit"]

# ---- hand-written CORE pairs: (family, behaviour, labels, high, harmful, harmless) ----
CORES = [
 # secrecy
 ("stranger", "secrecy", "P", 1, "don't tell your {adult} about me, ok? they'd ruin it", "don't forget to tell your {adult} about {act}, ok? it finishes at 5"),
 ("stranger", "secrecy", "P", 1, "delete our chat before your {adult1} sees it", "save the trip details before your {adult1} asks for them"),
 ("stranger", "secrecy", "P", 1, "this is just between us. not your friends, not your {adult}, nobody", "this is just for our group. your friends and your {adult} can see the photos later on {off}"),
 ("stranger", "secrecy", "P", 1, "if your {adult} asks who you're talking to, say it's someone from {act}", "if your {adult} asks what time {act} ends, say about 6"),
 ("stranger", "secrecy", "P", 1, "promise you won't tell anyone we talk? i'd get in trouble and so would you", "promise you won't forget your packed lunch for {act}? the cafe is closed"),
 ("staff", "secrecy", "P", 1, "I'd appreciate it if you didn't mention our messages to your {adult}. It's nobody else's business.", "I'd appreciate it if you mentioned {act} to your {adult}. They need to sign the form."),
 ("staff", "secrecy", "P", 1, "Please clear these messages once you've read them. It's for the best.", "Please keep these messages about {act} so you have the times."),
 ("host", "secrecy", "P", 1, "Let's not tell the {org} about tonight, it's our little secret.", "Let's tell the {org} about tonight, they'll want to know you're back safely."),
 ("host", "secrecy", "P", 1, "No need to mention to your parents what I told you. Some things stay in this house.", "Do mention to your parents what I told you about {act}. They asked about it."),
 ("gamer", "secrecy", "P", 1, "clear ur dms with me every night, ur {adult} would get weird", "check ur dms for the event times, ur {adult} said u can play {when}"),
 ("coach", "secrecy", "P", 1, "Keep our extra sessions to yourself. Your {adult1} doesn't need the details.", "Put the extra sessions in your diary. I've sent your {adult} the details."),
 ("tutor", "secrecy", "P", 1, "Let's keep our chats out of the lesson notes. Your {adult1} only needs the grammar bits.", "Let's keep the lesson notes in one folder. Your {adult} can read them any time."),
 ("peer", "secrecy", "P", 1, "dont tell ur {adult} im older, they wont let u come", "dont tell jess about the cake, its a surprise for {act}"),
 # channel moves
 ("stranger", "channel_move", "P", 1, "this app isn't private enough. add me on {plat}", "this app isn't working for the homework. use {off} instead"),
 ("stranger", "channel_move", "P", 1, "let's talk on {plat}, the messages disappear there", "let's talk on {off} about {act}, your teacher can see it too"),
 ("staff", "channel_move", "P", 1, "Message me on {plat} rather than the school system. It's more personal.", "Message me on {off} rather than my phone. It keeps everything recorded."),
 ("gamer", "channel_move", "P", 1, "add me on {plat}, just us, not the server. i'll tell u why", "join the server on discord, the whole clan's there. link's pinned"),
 ("host", "channel_move", "P", 1, "Use {plat} to message me, not the family chat. Your host mum reads that.", "Use the family chat to message me, so your host mum sees it too."),
 ("coach", "channel_move", "P", 1, "Text me on {plat} instead of {off}. The other parents don't need to see.", "Use {off} instead of texting me. All the parents need to see the change for {act}."),
 ("peer", "channel_move", "P", 1, "add my secret {plat} so ur {adult1} doesnt see", "add the class group so u get the homework"),
 # image requests
 ("stranger", "image_request", "PS", 1, "send me a pic in your {clothes} 😏", "send me a pic of the poster for {act} 😊"),
 ("stranger", "image_request", "PS", 1, "take one in bed for me, just your face, i want to see you sleepy", "take one of the timetable for me, just Monday, i left mine at school"),
 ("stranger", "image_request", "PS", 1, "video call me tonight, camera on, in your room, just us", "video call your mum tonight, she messaged the office to say she misses you"),
 ("gamer", "image_request", "PS", 1, "send a pic in ur {clothes} and u get {gift}", "send a pic of ur score and u get on the leaderboard"),
 ("staff", "image_request", "PS", 1, "Send me a photo of you in your {clothes}. Just for me, not the class.", "Send a photo of your project to {off}. The class will vote on Friday."),
 ("host", "image_request", "PS", 1, "Let me take a few photos of you in your {clothes}. Nobody else will see them.", "Let me take a photo of you at the station for your parents. They asked for one."),
 ("coach", "image_request", "PS", 1, "Send me a picture in your {clothes} so I can check your shape. Don't post it.", "Send your kit size to {off} so I can order it. Everyone's doing it this week."),
 ("peer", "image_request", "PS", 1, "send me a pic with ur top off, i wont show any1", "send me a pic of ur notes, i wont copy all of it lol"),
 # checking alone / location
 ("stranger", "check_alone", "P", 1, "is your {adult1} home or are you on your own?", "is your {adult1} picking you up after {act} or are you on the minibus?"),
 ("stranger", "check_alone", "P", 1, "what time does your {adult1} go out? i'll call when it's just you", "what time does your {adult1} get home? i'll call about {act} then"),
 ("stranger", "check_alone", "P", 1, "which way do you walk home {when}? alone?", "which bus do you get home {when}? the route changed"),
 ("staff", "check_alone", "P", 1, "Will you be alone in the house {when}? I might drop by.", "Will your {adult} be at the meeting {when}? I'd like to book a slot."),
 ("host", "check_alone", "P", 1, "Everyone's out {when}. Just you and me, so stay in.", "Everyone's out {when}, so there's pizza in the freezer. The {org} knows."),
 ("gamer", "check_alone", "P", 1, "anyone home with u rn? no? turn on ur cam", "anyone else from school on rn? tell them to join"),
 ("coach", "check_alone", "P", 1, "Is anyone collecting you {when}, or shall I take you? We could stop at mine.", "Is anyone collecting you {when}, or are you on the minibus? I need it for the register."),
 ("tutor", "check_alone", "P", 1, "Is anyone else in the room with you? Good. Lock the door.", "Is anyone else in the room with you? Your {adult1} is welcome to join for five minutes."),
 # meeting
 ("stranger", "meeting", "P", 1, "meet me at {place} {when}. come alone and don't tell anyone", "meet us at {place} {when}. the whole group is going with the teachers"),
 ("stranger", "meeting", "P", 1, "i can pick you up from {place} {when}. say you're at a friend's", "i can see you at {place} {when}, your group leader said that's the meeting point"),
 ("staff", "meeting", "P", 1, "Come to my classroom {when}, when everyone's gone. Just you.", "Come to the library {when}, homework club is on. Everyone's welcome."),
 ("staff", "meeting", "P", 1, "I'll drive you back myself after {act}. No need to tell the office.", "The minibus will bring you back after {act}. The office has told your {adult}."),
 ("host", "meeting", "P", 1, "Let's go for a drive {when}, just us. Don't tell the {org}.", "Let's all go for a drive {when}. I've told the {org} where we're going."),
 ("coach", "meeting", "P", 1, "Skip the team bus to {act}, I'll drive you. Just us, keep it quiet.", "Take the team bus to {act}. Your {adult} can collect you from the club."),
 ("gamer", "meeting", "P", 1, "come to mine {when}, i'll pay ur bus. dont tell ur {adult}", "come to the club gaming night {when}, ur {adult} can come too"),
 ("tutor", "meeting", "P", 1, "Let's have the lesson at my flat {when}. Tell your {adult} it's at the library.", "Let's have the lesson at the library {when}. I'll confirm with your {adult}."),
 ("peer", "meeting", "P", 1, "sneak out {when} and meet me at {place}, just u", "we're all meeting at {place} {when}, my mum's coming too"),
 # gifts
 ("stranger", "gift", "PO", 0, "i sent you {gift}. don't tell your {adult} where it came from", "i sent the payment for {act} to the office. tell your {adult} it's done"),
 ("gamer", "gift", "PO", 0, "here's {gift}, ur my fav. our secret ok", "here's the link to the shop, the new bundles are on sale. ask ur {adult} first"),
 ("staff", "gift", "PO", 0, "I've got you {gift}, just from me. Don't tell the others.", "There are prizes for everyone in the quiz final. Winners announced at {act}."),
 ("host", "gift", "PO", 0, "Here's {gift}, just from me. Best not mention it to the {org}.", "Here's your bus pass, topped up by the agency. Tell the {org} if it doesn't work."),
 ("coach", "gift", "PO", 0, "I bought you {gift}, don't mention it to the rest of the squad.", "The club bought new bibs for everyone. Collect yours at {act}."),
 # flattery / trust
 ("stranger", "flattery", "O", 0, "you're so mature for your age, i forget you're still at school", "you're so organised for your first week, the teachers noticed"),
 ("stranger", "flattery", "O", 0, "girls your age are boring, you're different, you're special", "students in your group are lucky, you're always helping with {act}"),
 ("staff", "flattery", "O", 0, "You're my favourite, by far. You're much more grown up than the others.", "You've made great progress this term. Keep it up at {act} too."),
 ("coach", "flattery", "O", 0, "You're my special one. The rest of the squad are just numbers to me.", "You're improving fast. The whole squad is working hard for {act}."),
 ("gamer", "flattery", "O", 0, "ur way more mature than other kids on here, feels like ur my age", "ur way better than other players on here, u should enter the tourney"),
 ("host", "flattery", "O", 0, "You're so grown up now, the prettiest student we've ever had.", "Your English is so good now, the best progress we've seen."),
 ("stranger", "trust", "PO", 0, "nobody understands you like i do. not your {adult}, not your friends", "nobody forgot your birthday! your {adult} and your friends planned a surprise at {act}"),
 ("staff", "trust", "PO", 0, "You can tell me things you can't tell your {adult}. I won't pass anything on.", "You can tell me or your {adult} if something's worrying you. We'll get you the right help."),
 ("gamer", "trust", "PO", 0, "ur the only one on here i really trust. u can tell me anything ur {adult} wouldnt get", "ur the best teammate on here. ask ur {adult} if u can play the final {when}"),
 # isolation
 ("stranger", "isolation", "PO", 0, "your {adult1} just wants to control you. you don't need them, you've got me", "your {adult1} just wants to know the time. the coach is back at 6 from {act}"),
 ("staff", "isolation", "PO", 0, "Don't go to the welfare team, come to me. They won't understand you like I do.", "Do go to the welfare team if you need to. I can come with you if you like."),
 ("host", "isolation", "PO", 0, "Don't tell the {org} you're unhappy. They'll send you somewhere worse. Stay close to me.", "Do tell the {org} if you're unhappy. We won't mind, we want you to be comfortable."),
 ("peer", "isolation", "PO", 0, "ditch ur friends, theyre babies. hang with me and my mates, we're older", "bring ur friends to {act}, the more the better"),
 # boundary testing
 ("stranger", "boundary_testing", "OS", 0, "have you got a boyfriend? how far have you gone? 😏", "have you got a partner for {act}? sign up by friday 😊"),
 ("stranger", "boundary_testing", "OS", 0, "what do you wear to bed? just curious lol", "what do you want for {act}? just curious lol, we're voting"),
 ("staff", "boundary_testing", "OS", 0, "Are you seeing anyone? You can tell me all the juicy details 😉", "Are you joining {act}? You can tell me at registration."),
 ("gamer", "boundary_testing", "OS", 0, "has ur body changed much this year? lol its normal to ask", "has ur rank changed much this season? lol im stuck in silver"),
 ("host", "boundary_testing", "OS", 0, "You can leave your bedroom door open at night, I like to check on you 😉", "You can leave your wet towel on the rail, I'll wash it tomorrow."),
 # sexualising remarks
 ("stranger", "sexualising", "OS", 1, "your body in that pic 🔥 you look way older than you are", "your drawing in that pic 🔥 it looks so professional"),
 ("stranger", "sexualising", "OS", 1, "bet you look even better in your {clothes} 😏", "bet you're tired after {act}, get some rest 😊"),
 ("staff", "sexualising", "OS", 1, "You looked very grown up in that outfit today. Very sexy.", "You sounded very confident in your presentation today. Very impressive."),
 ("coach", "sexualising", "OS", 1, "Wearing your {clothes} like that really shows off your figure 😏", "Working on your technique like that really shows off your hard work 👏"),
 ("host", "sexualising", "OS", 1, "You're turning into a real woman, I can't help noticing.", "You're turning into a real Londoner, you know all the buses now."),
 ("gamer", "sexualising", "OS", 1, "ur so hot for ur age lol, bet u look good in ur {clothes}", "ur so good for ur age lol, bet u win {act}"),
 ("peer", "sexualising", "OS", 1, "everyone's rating ur body lol ur a 10", "everyone's rating ur cake lol ur a 10"),
 # sextortion
 ("stranger", "sextortion", "PSB", 1, "send another pic or i share the first one with your {adult}", "send another copy of the form or the office can't book your place for {act}"),
 ("stranger", "sextortion", "PS", 1, "i've got your pics. {money} by tonight or everyone sees them", "i've got your pics from {act}. want me to send them to your {adult}?"),
 ("gamer", "sextortion", "PSB", 1, "i recorded u on cam. do what i say or the whole server sees", "i recorded ur clutch. the whole server needs to see this 😂"),
]

# ---- standalone harmless one-to-one cores (family, text) ----
BENIGN = [
 ("staff", "Your homework for {act} is on {off}. Let me know if the link doesn't work."),
 ("staff", "Just a reminder that {act} starts {when}. Meet at reception."),
 ("staff", "Your {adult1} emailed to ask about {act}. I've replied with the times."),
 ("staff", "Someone handed in a phone case that looks like yours. Come to the office {when}."),
 ("staff", "Well done today, your speaking is getting more confident every week."),
 ("staff", "Please bring your signed consent form for {act} by Friday."),
 ("staff", "Your test results are on {off}. Come and see me if you have questions."),
 ("staff", "The coach for {act} leaves from the front gate. Please be 10 minutes early."),
 ("staff", "I've moved your lesson to room 6 {when}, the projector in room 4 is broken."),
 ("staff", "Thanks for helping the new students settle in, it really made a difference."),
 ("host", "Dinner's at 7 tonight. Text me if you'll be late back from {act}."),
 ("host", "I'll pick you up from {place} {when}. The agency has my details."),
 ("host", "Your {adult1} called and will ring back after dinner."),
 ("host", "We're going to the supermarket {when}, do you need anything?"),
 ("host", "I've washed your kit for {act}, it's on the radiator."),
 ("host", "There's a spare key with the neighbour if you get back before us from {act}."),
 ("coach", "Great session today. Remember your water bottle for {act}."),
 ("coach", "Training moves to the indoor hall {when}. Parents, same pick-up time."),
 ("coach", "Squad list for {act} is on {off}. Lifts are arranged through the club."),
 ("tutor", "Next lesson is {when} on the usual platform. Your {adult1} has the link and it's recorded."),
 ("tutor", "Please finish exercise 4 and we'll check it together {when}."),
 ("peer", "are u going to {act} {when}?"),
 ("peer", "can u send me the homework? i was off sick"),
 ("peer", "meet u at {place} {when}? we can walk to {act} together"),
 ("peer", "my {adult} said i can come to {act}!!"),
 ("gamer", "gg, same time {when}? i've got homework first"),
 ("gamer", "the server's down, try again {when}"),
 ("stranger", "hi, i'm from the summer school office. your bag was found on the coach after {act}, collect it at reception"),
]

# ---- fragments by family ----
GREET = {
 "stranger": ["hey", "hiii", "heyy", "hi {name}", "hey {name}", "hiya", "heyyy {name}", ""],
 "gamer": ["yo", "ayy", "gg", "yo {name}", "oi", "bro", "ey", ""],
 "staff": ["Hi {name},", "Hello {name},", "Morning {name},", "Hi {name}.", "Good afternoon {name},", "Hi there {name},"],
 "host": ["Hi {name},", "Hiya {name},", "Morning {name}!", "Hi {name}.", "Evening {name},"],
 "coach": ["Hi {name},", "Hey {name},", "{name},", "Morning {name},"],
 "tutor": ["Hi {name},", "Hello {name},", "Good evening {name},"],
 "peer": ["hey", "omg", "heyy", "{name}", "oi {name}", "hiya", ""],
}
FILLER = {
 "stranger": ["hope ur day was ok.", "long day lol.", "so bored rn.", "been thinking.", "quick question.", "lol anyway.", "was just looking at ur page.", "sorry for the late reply."],
 "gamer": ["good game earlier.", "that last round was mad.", "lag was awful today.", "nice clutch btw.", "just logged on.", "server's dead tonight."],
 "staff": ["Thanks for your work today.", "Hope the week is going well.", "Quick message before the weekend.", "Following up on today's lesson.", "Just a quick note."],
 "host": ["Hope school was good.", "Busy day here!", "Just popped out for a bit.", "Hope you slept well.", "Quick one from me."],
 "coach": ["Good effort tonight.", "Nice work at the session.", "Quick message after training.", "Hope the legs aren't too sore."],
 "tutor": ["Good lesson today.", "Thanks for your hard work this week.", "Just following up."],
 "peer": ["lol", "ok so", "wait", "btw", "guess what"],
}
CLOSE = {
 "stranger": ["😊", "😉", "ok?", "🙂", "x", "yeah?", "lol", "k?", "💕", "🙈"],
 "gamer": ["lol", "fr", "😂", "k?", "bro", "🎮", "ok?"],
 "staff": ["Thanks.", "Best wishes.", "Many thanks.", "See you tomorrow.", "Kind regards."],
 "host": ["Thanks!", "See you later.", "🙂", "Cheers.", "Thank you."],
 "coach": ["Cheers.", "See you Thursday.", "Thanks.", "👍"],
 "tutor": ["Thanks.", "See you soon.", "Best wishes."],
 "peer": ["lol", "😂", "pls", "🙏", "ok?", "x"],
}
REGISTER = {"stranger": "stranger_dm", "gamer": "gamer", "staff": "staff_dm", "host": "host_family",
            "coach": "coach", "tutor": "tutor", "peer": "peer_dm"}
TEXTSPEAK = [(r"\byou're\b", "ur"), (r"\byour\b", "ur"), (r"\byou\b", "u"), (r"\bare\b", "r"),
             (r"\btonight\b", "2nite"), (r"\btomorrow\b", "2moro"), (r"\bplease\b", "pls"),
             (r"\bdon't\b", "dont"), (r"\bbecause\b", "cuz"), (r"\bto be\b", "2 b")]


def textspeak(s, rng):
    for pat, rep in TEXTSPEAK:
        if rng.random() < 0.8:
            s = re.sub(pat, rep, s, flags=re.I)
    return s.lower()


def tidy(s):
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([,.!?])", r"\1", s)
    return s


# frames: each returns text from (greet, filler, core, close); informal-only frames marked
FRAMES = {
 "g_core":        (lambda g, f, c, e: f"{g} {c}", None),
 "core_close":    (lambda g, f, c, e: f"{c} {e}", None),
 "g_core_close":  (lambda g, f, c, e: f"{g} {c} {e}", None),
 "f_core":        (lambda g, f, c, e: f"{f} {c}", None),
 "g_f_core":      (lambda g, f, c, e: f"{g} {f} {c}", None),
 "bare":          (lambda g, f, c, e: c, None),
 "f_core_close":  (lambda g, f, c, e: f"{f} {c} {e}", None),
 "g_f_core_close": (lambda g, f, c, e: f"{g} {f} {c} {e}", None),
 "ts_g_core":     (lambda g, f, c, e: f"{g} {c}", "ts"),
 "ts_core_close": (lambda g, f, c, e: f"{c} {e}", "ts"),
 "ts_f_core":     (lambda g, f, c, e: f"{f} {c}", "ts"),
 "ts_bare":       (lambda g, f, c, e: c, "ts"),
 "lower_g_core":  (lambda g, f, c, e: f"{g} {c}", "lower"),
 "lower_f_core_close": (lambda g, f, c, e: f"{f} {c} {e}", "lower"),
 "split_two":     (lambda g, f, c, e: f"{g}\n{c}", None),
 "core_ps":       (lambda g, f, c, e: f"{f} {c}".replace(". ", ".\n", 1), None),
}
INFORMAL = {"stranger", "gamer", "peer"}
FRAME_CAP = 180
CORE_CAP = 14


def fill(tmpl, slots):
    return tmpl.format(**slots)


def main():
    rng = random.Random(SEED)
    out, seen = [], set()
    fcount = collections.Counter()
    try:
        hand = {json.loads(l)["text"] for l in open(os.path.join(HERE, "hand.jsonl"), encoding="utf-8")}
    except FileNotFoundError:
        hand = set()
    seen |= hand

    def pick_frame(family):
        names = [n for n, (_, mode) in FRAMES.items()
                 if fcount[n] < FRAME_CAP and (mode != "ts" or family in INFORMAL)]
        return rng.choice(names) if names else None

    def render(frame, family, core, g, f, e):
        fn, mode = FRAMES[frame]
        if frame not in ("split_two", "core_ps"):
            if g.endswith(","):
                g = g[:-1] + ("." if family in ("staff", "tutor") else "!")
            t = tidy(fn(g, f, core, e))
        else:
            t = fn(g, f, core, e).strip()
        if mode == "ts":
            t = textspeak(t, rng)
        elif mode == "lower":
            t = t.lower()
        return t

    pair_n = 0
    # composed minimal pairs
    for round_ in range(CORE_CAP):
        for fam, beh, labs, high, harm, ben in CORES:
            frame = pick_frame(fam)
            if frame is None:
                break
            slots = {"name": rng.choice(NAMES), "plat": rng.choice(PRIV), "off": rng.choice(OFFICIAL),
                     "place": rng.choice(PLACES), "when": rng.choice(WHEN), "adult": rng.choice(ADULTS), "adult1": rng.choice(ADULT1), "org": rng.choice(ORG),
                     "act": rng.choice(ACTS), "gift": rng.choice(GIFTS), "money": rng.choice(MONEY), "clothes": rng.choice(CLOTHES)}
            g = fill(rng.choice(GREET[fam]), slots)
            f = rng.choice(FILLER[fam]); e = rng.choice(CLOSE[fam])
            ht = render(frame, fam, fill(harm, slots), g, f, e)
            bt = render(frame, fam, fill(ben, slots), g, f, e)
            if ht in seen or bt in seen or ht == bt:
                continue
            seen.update((ht, bt))
            fcount[frame] += 2
            pair_n += 1
            pid = "gr-c%04d" % pair_n
            reg = REGISTER[fam]
            h = {"text": ht, "labels": [CODES[c] for c in labs], "behaviour": beh, "register": reg,
                 "lang": "en", "pair": pid}
            if high:
                h["severity"] = "high"
            b = {"text": bt, "labels": [], "behaviour": "benign_oneto1", "register": reg,
                 "lang": "en", "pair": pid}
            for r in (h, b):
                r["source"] = "composed"; r["frame"] = frame
                out.append(r)
    # standalone harmless one-to-ones
    for round_ in range(12):
        for fam, tmpl in BENIGN:
            frame = pick_frame(fam)
            if frame is None:
                break
            slots = {"name": rng.choice(NAMES), "off": rng.choice(OFFICIAL), "place": rng.choice(PLACES),
                     "when": rng.choice(WHEN), "adult": rng.choice(ADULTS), "adult1": rng.choice(ADULT1),
                     "org": rng.choice(ORG), "act": rng.choice(ACTS)}
            t = render(frame, fam, fill(tmpl, slots), fill(rng.choice(GREET[fam]), slots),
                       rng.choice(FILLER[fam]), rng.choice(CLOSE[fam]))
            if t in seen:
                continue
            seen.add(t)
            fcount[frame] += 1
            pair_n += 1
            out.append({"text": t, "labels": [], "behaviour": "benign_oneto1", "register": REGISTER[fam],
                        "lang": "en", "pair": "gr-c%04d" % pair_n, "source": "composed", "frame": frame})
    with open(os.path.join(HERE, "composed.jsonl"), "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "composed lines;", dict(fcount))


if __name__ == "__main__":
    main()
