"""Run Microsoft Presidio's analyzer offline on postguard's corpus (a peer, not a dependency).

Run with the Presidio venv made by setup_peers.sh:

    benchmarks/out/peers/presidio/bin/python benchmarks/peers/run_presidio.py --out p.json
    benchmarks/out/peers/presidio/bin/python benchmarks/peers/run_presidio.py --cold

Offline set-up (see ../shared/NOTES.md): a blank English spaCy pipeline given as a path
(benchmarks/out/peers/spacy_blank_en, written by setup_peers.sh), every predefined English
recognizer the default configuration loads, plus the UK recognizers it ships disabled
(postcode, vehicle registration, NHS, NINO, passport, driving licence); PhoneRecognizer keeps
its default regions (US, GB, DE, FR, IL, IN, CA, BR). tldextract, which the email recognizer
calls, is given an extractor with no suffix-list URLs so it never goes to the network (it
uses the snapshot bundled with tldextract). Default score threshold (0: every result).

Mapping to postguard's categories (only what is fair):
    PHONE_NUMBER -> phone, EMAIL_ADDRESS -> email, UK_POSTCODE -> address,
    UK_VEHICLE_REGISTRATION -> vehicle_plate, PERSON -> person_name,
    LOCATION/GPE -> location, URL -> social_handle only when its host is a social
    platform (SOCIAL_HOSTS below), as postguard flags profile links.
    DATE_TIME is not mapped (a date is not a date of birth); NHS/NINO/IBAN/card/IP/US_* and
    other URLs have no postguard category and are counted under "unmapped".
Written by the postguard project.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

T_START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from peerlib import COLD_POST, common_args, emit, load_posts, throughput  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BLANK_SPACY = REPO / "benchmarks" / "out" / "peers" / "spacy_blank_en"

ENTITY_MAP = {
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "UK_POSTCODE": "address",
    "UK_VEHICLE_REGISTRATION": "vehicle_plate",
    "PERSON": "person_name",
    "LOCATION": "location",
    "GPE": "location",
}
SOCIAL_HOSTS = ("instagram.com", "tiktok.com", "facebook.com", "fb.com", "twitter.com",
                "x.com", "snapchat.com", "youtube.com", "linkedin.com", "threads.net",
                "wa.me", "t.me")
UK_RECOGNIZERS = ("UkPostcodeRecognizer", "UkVehicleRegistrationRecognizer", "UkNhsRecognizer",
                  "UkNinoRecognizer", "UkPassportRecognizer", "UkDrivingLicenceRecognizer")


def _offline_tldextract() -> None:
    import tldextract

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = offline  # the email recognizer calls tldextract.extract(...)


def build_analyzer() -> Any:
    """Presidio's AnalyzerEngine, offline, with its UK recognizers on."""
    if not BLANK_SPACY.is_dir():
        raise SystemExit(f"run_presidio: {BLANK_SPACY} is missing; run setup_peers.sh")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    _offline_tldextract()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer import predefined_recognizers as pr
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": str(BLANK_SPACY)}],
    }).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    loaded = {r.name for r in registry.recognizers}
    for name in UK_RECOGNIZERS:
        cls = getattr(pr, name, None)
        if cls is not None and name not in loaded:
            registry.add_recognizer(cls())
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def map_result(text: str, entity: str, start: int, end: int) -> str | None:
    if entity == "URL":
        value = text[start:end].lower()
        return "social_handle" if any(h in value for h in SOCIAL_HOSTS) else None
    return ENTITY_MAP.get(entity)


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {p: version(p) for p in ("presidio-analyzer", "spacy", "phonenumbers", "tldextract")}


def main() -> int:
    ap = common_args("Presidio analyzer on the corpus, mapped to postguard categories.")
    args = ap.parse_args()
    analyzer = build_analyzer()
    if args.cold:
        results = analyzer.analyze(text=COLD_POST, language="en")
        print(f"presidio: {len(results)} results in {time.perf_counter() - T_START:.3f} s")
        return 0
    startup = time.perf_counter() - T_START
    posts = load_posts(args.files)
    texts = [p.text for p in posts]
    outputs: list[Any] = []
    speed = throughput(texts, lambda t: analyzer.analyze(text=t, language="en"), args.runs,
                       keep=outputs)
    predictions: dict[str, list[list[Any]]] = {}
    unmapped: Counter[str] = Counter()
    recognised: Counter[str] = Counter()
    for p, results in zip(posts, outputs, strict=True):
        rows = []
        for r in results:
            recognised[r.entity_type] += 1
            cat = map_result(p.text, r.entity_type, r.start, r.end)
            if cat is None:
                unmapped[r.entity_type] += 1
            else:
                rows.append([cat, r.start, r.end])
        predictions[p.id] = rows
    emit({"peer": "presidio", "versions": versions(), "startup_s": round(startup, 3),
          "predictions": predictions, "throughput": speed, "unmapped": dict(unmapped),
          "recognised": dict(recognised),
          "recognizers": sorted(r.name for r in analyzer.registry.recognizers)}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
