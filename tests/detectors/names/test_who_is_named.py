"""Who a name-like run is, from the words around it (issue 13, `who_is_named`): placeholders,
things named with an article, German noun phrases, slogans, sentence verbs and titles in the
students' languages are no child; a host parent is a private adult (a person's full name even
with a title); names in other scripts read by what follows them. Every table pairs the family
with traps that look like it and are a child's name. Fresh wording, written for these tests."""

from __future__ import annotations

import pytest
from found import child_names as children
from found import spans

from postguard.datafiles import load_toml
from postguard.detectors.names import PersonNameDetector
from postguard.detectors.names.who_is_named import (
    german_noun_phrase,
    korean_vocative,
    placeholder,
)

NO_CHILD: list[str] = [
    # a placeholder: a name that stands for anyone, or "example" right after it
    "Lucia Bianchi è un nome di esempio, scrivete il vostro.",
    "Sophie Martin est un simple exemple : mettez votre nom.",
    "Anna Nowak to przykładowe nazwisko, wpiszcie własne.",
    "Mehmet Kaya yalnızca bir örnek; kendi adınızı yazın.",
    "Oliver Grant is just an example, so put your own child's name.",
    "Fill in the slip like this: Joe Bloggs, Year 5, packed lunch.",
    "Im Formular steht Erika Mustermann, bitte ersetzen.",
    # Spanish and French articles before a thing, not a person
    "En clase hablamos de la Revolución Francesa y del rey.",
    "Nous avons parlé des Rois de France et de leurs châteaux.",
    "Hoy repasamos las Cruzadas Medievales en historia.",
    # a German article alone between nouns
    "Telefonnummer der Betreuerin: 0160 1234 567",
    # a German notice without function words: nouns that end like German nouns
    "Sammelpunkt Nebeneingang, Abfahrt 8 Uhr.",
    "Bitte Turnzeug mitbringen, Hallenkurs beginnt.",
    "Schulband Vorführung Hänsel und Gretel am Montag.",
    "Lesewoche Gewinnerin steht fest.",
    # a slogan of four capitalised words without a given name
    "Shout Loud Stand Tall is our assembly theme this term.",
    # a verb that starts the sentence before a given name, in the students' languages
    "Nominate Freya for the kindness award by Friday.",
    "Zapytajcie Olę o szczegóły wycieczki.",
    "Gelirseniz Emre'ye haber verin.",
    # a title after a given name, with a Turkish case ending
    "Zeynep Hanım'la toplantıdan sonra konuştuk.",
    "Murat Bey'in arabası kapıda bekliyor.",
    # a Polish title in the vocative, then a surname
    "Szanowny Panie Nowicki, dziękujemy za pomoc.",
    # a venue named after its noun
    "W piątek trening na lodowisku Srebrna Tafla.",
    # a school role before a surname
    "Grazie alla Professoressa Ferri per la gita.",
    "Spotkanie z Dyrektor Wiśniewską w piątek.",
    # a verb, then a staff title, then a name
    "Need a lift? Text Coach Mia Lowe before nine.",
    # the characters a sentence offers ("which character")
    "Which character do you like best, Mildred Hubble or Ethel Hallow?",
    "Hoje lemos o heterónimo Ricardo Reis na aula de português.",
    # famous people of history lessons
    "This week we followed the voyage of Vasco da Gama to India.",
    # Korean: a given name called out with the vocative ending
    "힘내, 서준아! 넌 할 수 있어.",
    "하나야, 고마워!",
    # Chinese: a family name and the pupil word, no given name
    "陈同学，你的作业很好。",
    # Japanese: a family name and a copula or particle in hiragana
    "高橋です。よろしくお願いします。",
    "山田から連絡がありました。",
    # an adult's title without a host-family word: staff
    "李志强先生今天给我们上课。",
    "박미경 선생님이 수업을 하셨어요.",
    "Thanks to Dr Claire Hobbs for the first aid talk.",
    # Arabic: a given name and an adjective that ends like a family name
    "برنامج سارة الصيفي يبدأ غدا",
    # events, wars and revolutions of history lessons
    "Lekcja historii: Bitwa Grunwaldzka i jej skutki.",
    "Ders notu: Malazgirt Savaşı hakkında bir paragraf yazın.",
    "Em história vimos a Revolução Industrial.",
    # a word that starts with a lowercase letter of Latin Extended-A is no name
    "Szanowna Pani Lis, Zosia świetnie napisała test.",
    # a play's act or scene; a German title in the dative; a German imperative
    "Macbeth Scene 2 rehearsal at lunch.",
    "Karte für Herrn Vogel bitte unterschreiben.",
    "Macht Fotos vom Plakat und zeigt sie der Klasse.",
    # a Korean vocative that opens the sentence, before a space
    "서준아 숙제 다 했어?",
    # a coach firm, a lodge, a town gate, a dog breed, a pet, a newsletter heading
    "The minibus comes from Larkhill Travel at eight.",
    "Emergency landline at Ravenscar Moor Lodge: ask the office.",
    "We walked from Micklegate Bar along the walls.",
    "Our class dog is a Lhasa Apso called Pickle.",
    "Honey Bun the guinea pig stays with Year 1.",
    "Spring Term Highlights from the Science Department",
]

CHILD: list[tuple[str, list[str]]] = [
    # "example" after the name with other words between: a real child
    ("Amelia Jones set a great example for everyone at sports day.", ["Amelia Jones"]),
    ("For example, Oliver Grant in Year 4 read every book on the list.", ["Oliver Grant"]),
    # the Spanish personal "a" before a child is no article
    ("Felicitamos a Martina López García por su dibujo.", ["Martina López García"]),
    ("Enhorabuena a Xiomara Quintero por el premio.", ["Xiomara Quintero"]),
    # "van den", "von der": name particles, not German articles
    ("Noah van den Berg won the race.", ["Noah van den Berg"]),
    # four words with a given name: a full name
    ("Maria José Ferreira Santos won the spelling bee.", ["Maria José Ferreira Santos"]),
    # a verb the lists do not know, or no verb: the name stays
    ("Freya Collins won the kindness award.", ["Freya Collins"]),
    # a Turkish case ending closes the school's name; the child's name after it is read
    ("Yıldız Koleji'nden Ece Polat'ı kutluyoruz!", ["Ece Polat'ı"]),
    ("Zeynep Arslan'ı tebrik ederiz!", ["Zeynep Arslan'ı"]),
    # "character" as a virtue is no story
    ("Our best character award goes to Harriet Cole.", ["Harriet Cole"]),
    # a child with a pet job, or who fed a pet: no pet's name
    ("Well done Rosie Tranter, our class hamster monitor!", ["Rosie Tranter"]),
    ("Amelia Jones fed the tortoise at lunch.", ["Amelia Jones"]),
    # a host parent: a private adult, with or without a title
    ("Huge thanks to host mum Dr Claire Hobbs for the cinema trip.", ["Claire Hobbs"]),
    ("Ein Dank an Gastmutter Ute Schreiber für das Abendessen.", ["Ute Schreiber"]),
    ("Our host dad Gary Pemberton drove the group to the coast.", ["Gary Pemberton"]),
    ("Thank you to host mum Claire Ashdown for the picnic.", ["Claire Ashdown"]),
    ("寄宿家庭的李志强先生开车送学生去机场。", ["李志强"]),
    ("홈스테이 어머니 박미경 님이 저녁을 준비해 주셨어요.", ["박미경"]),
    ("شكرا للأم المضيفة هند العتيبي على العشاء", ["هند العتيبي"]),
    # Korean: a family-name syllable first, or 아 after a vowel: a full name
    ("김민아, 축하해!", ["김민아"]),
    ("오늘 서윤아 사진 봤어", ["서윤아"]),  # not at a sentence start: no vocative
    # a capital of Latin Extended-A starts a name; a surname that is also a history word
    ("Brawo! Łucja Kamińska też wygrała.", ["Łucja Kamińska"]),
    ("Na zajęciach ćwiczenia Ola Nowak zrobiła sama.", ["Ola Nowak"]),
    ("Laura Guerra won the art prize.", ["Laura Guerra"]),
    # family names ending in -ung are names, not German nouns
    ("Well done Sophie Hartung and Jasmine Cheung!", ["Sophie Hartung", "Jasmine Cheung"]),
    ("Leonie Fischer hat den Lesewettbewerb gewonnen!", ["Leonie Fischer"]),
    # thanks or praise that opens the sentence is no part of the name
    ("Tebrikler Elif Yıldız'a!", ["Elif Yıldız'a"]),
    ("이서아, 축하해!", ["이서아"]),
    # Chinese: a family name, a given name and the pupil word; after 把
    ("陈思远同学，你的作业很好。", ["陈思远"]),
    ("请把王子涵的作业交给老师。", ["王子涵"]),
    # Japanese: a kanji family name and a hiragana given name with no space
    ("名簿：高橋ひなた（6年）", ["高橋ひなた"]),
    # Arabic: a given name and a family name of al- and -i, without a cue word
    ("نموذج التسجيل: مريم القحطاني، الصف الخامس", ["مريم القحطاني"]),
]

NO_NAME_AT_ALL: list[str] = [
    "请把手机的充电器带来。",
    "Am Tag der Offenen Tür helfen alle mit.",
]


@pytest.mark.parametrize("text", NO_CHILD)
def test_not_a_child(detector: PersonNameDetector, text: str) -> None:
    assert children(detector, text) == []


@pytest.mark.parametrize(("text", "expected"), CHILD)
def test_a_child_or_a_private_adult(detector: PersonNameDetector, text: str,
                                    expected: list[str]) -> None:
    assert children(detector, text) == expected


@pytest.mark.parametrize("text", NO_NAME_AT_ALL)
def test_no_name(detector: PersonNameDetector, text: str) -> None:
    assert spans(detector, text, "person_name") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Need a lift? Text Coach Mia Lowe before nine.", ["Mia Lowe"]),  # staff, at low
    ("Cakes go to Chair Priya Malhotra for the PTA stall.", ["Priya Malhotra"]),  # a chair
    ("Teşekkürler Öğretmenimiz Zehra Koç'a.", ["Zehra Koç'a"]),  # "our teacher"
    ("Year 12 read Anne Sexton alongside Carol Ann Duffy.",
     ["Anne Sexton", "Carol Ann Duffy"]),  # poets
    ("Which character do you like best, Mildred Hubble or Ethel Hallow?",
     ["Mildred Hubble", "Ethel Hallow"]),  # characters, at low
])
def test_reported_at_low_severity(detector: PersonNameDetector, text: str,
                                  expected: list[str]) -> None:
    found = detector.detect_text(text)
    assert [text[f.start:f.end] for f in found if f.start is not None
            and f.end is not None] == expected
    assert {f.severity.value for f in found} == {"low"}


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("Joe Bloggs lives here", 10, True),
    ("Ana Silva é só um exemplo.", 9, True),
    ("Ana Silva deu um bom exemplo.", 9, False),  # "gave a good example": a real child
    ("Ana Silva. Um exemplo de coragem.", 9, False),  # another sentence
])
def test_placeholder(text: str, end: int, expected: bool) -> None:
    assert placeholder(text, 0, end, " ".join(text[:end].lower().split())) is expected


@pytest.mark.parametrize(("words", "expected"), [
    (["Ausgang", "der", "Halle"], True),
    (["Lina", "von", "der", "Heide"], False),
    (["Ruud", "van", "den", "Berg"], False),
    (["Maria", "da", "Silva"], False),
])
def test_german_noun_phrase(words: list[str], expected: bool) -> None:
    assert german_noun_phrase(words) is expected


@pytest.mark.parametrize(("name", "after", "expected"), [
    ("지민아", "!", True),   # 민 closes with a consonant: 아
    ("하나야", ",", True),   # 나 ends in a vowel: 야
    ("이서아", ",", False),  # 서 ends in a vowel, so 아 is part of the name
    ("김민아", ",", False),  # 김 starts no given name: a family name
    ("지민아", "는", False),  # no pause after it
])
def test_korean_vocative(name: str, after: str, expected: bool) -> None:
    given_first = load_toml("names/script_full_names.toml")["ko"]["given_first"]
    assert korean_vocative(name, after, given_first) is expected


@pytest.mark.parametrize(("opens", "expected"), [(True, True), (False, False)])
def test_korean_vocative_before_a_space(opens: bool, expected: bool) -> None:
    """A space after the vocative counts only when the name opens a sentence."""
    given_first = load_toml("names/script_full_names.toml")["ko"]["given_first"]
    assert korean_vocative("서준아", " ", given_first, opens=opens) is expected
