#!/usr/bin/env python3
"""Deterministic EN/FR JSONL corpus for scripts/bench-clean, with ground truth.

Usage: gen_corpus.py OUT.jsonl TRUTH.json [DOCS] [SEED]

Documents are template prose over vocabulary sampled from /usr/share/dict. Some carry
injected PII (every type PortalCleaning knows, OCR-damaged forms included) and near-misses
that must survive (dates, versions, ISBNs, Luhn-failing cards, bad-checksum IBANs, times,
prices, page ranges); some are junk (Gopher rules), exact copies, or near-duplicates (a
few words changed). The truth file lists, per document id, the PII strings by type, the
near-miss strings, and which document a copy was made from.
"""
import json
import random
import sys

OUT, TRUTH = sys.argv[1], sys.argv[2]
DOCS = int(sys.argv[3]) if len(sys.argv) > 3 else 32000
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 42
rng = random.Random(SEED)


def vocabulary(path, size):
    words = sorted({w.strip() for w in open(path, encoding="utf-8", errors="ignore")
                    if w.strip().isalpha() and w.strip().islower() and 3 <= len(w.strip()) <= 9})
    return random.Random(SEED).sample(words, size)


EN = vocabulary("/usr/share/dict/american-english", 6000)
FR = vocabulary("/usr/share/dict/french", 6000)
EN_T = [
    "The {w} {w} of the {w} was {w} by the {w} in {W}.",
    "In {W}, the {w} and the {w} have {w} a {w} {w} with the {w}.",
    "They said that the {w} {w} would {w} the {w} of {w} {w}.",
    "A {w} {w} is to be {w} with the {w} before the {w} {w}.",
    "Most of the {w} had {w} their {w} to the {w} {w} of {W}.",
    "It is not {w} that the {w} {w} will {w} any {w}.",
    "The {w} from {W} and the {w} {w} were {w} for the {w}.",
    "We have {w} the {w} {w} and {w} it with the {w} {w}.",
]
FR_T = [
    "Le {w} de la {w} a été {w} par le {w} à {W}.",
    "À {W}, les {w} et la {w} ont {w} une {w} {w} avec le {w}.",
    "Ils ont dit que le {w} {w} allait {w} la {w} des {w}.",
    "Une {w} est {w} dans le {w} pour la {w} du {w} {w}.",
    "La plupart des {w} ont {w} leur {w} au {w} de {W}.",
    "Il n'est pas {w} que le {w} {w} puisse {w} une {w}.",
    "Les {w} de {W} et le {w} {w} sont {w} pour la {w}.",
    "Nous avons {w} le {w} et la {w} avec les {w} du {w}.",
]


def sentence(lang):
    vocab, templates = (EN, EN_T) if lang == "en" else (FR, FR_T)
    out = rng.choice(templates)
    while "{w}" in out:
        out = out.replace("{w}", rng.choice(vocab), 1)
    while "{W}" in out:
        out = out.replace("{W}", rng.choice(vocab).capitalize(), 1)
    return out


def prose(lang):
    return "\n\n".join(" ".join(sentence(lang) for _ in range(rng.randint(4, 9)))
                       for _ in range(rng.randint(3, 7)))


def digits(n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def luhn_complete(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def iban(country, length, valid=True):
    bban = digits(length - 4)
    numeric = "".join(str(int(c, 36)) for c in bban + country) + "00"
    check = 98 - int(numeric) % 97
    if not valid:
        check = (check + 1) % 97 or 2
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def nir():
    dept = rng.choice(["75", "69", "13", "2A", "2B", "33"])
    body = f"{rng.choice('12')}{rng.randint(40, 99)}{rng.randint(1, 12):02d}{dept}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    number = int(body.replace("2A", "19").replace("2B", "18"))
    key = 97 - number % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def ahv():
    body = "756" + digits(9)
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    full = body + str((10 - total % 10) % 10)
    return f"{full[:3]}.{full[3:7]}.{full[7:11]}.{full[11:]}"


def name():
    return rng.choice(["jean", "marie", "anna", "paul", "lea", "tom", "nora"]) + "." + rng.choice(
        ["dupont", "martin", "meier", "smith", "rossi", "keller"])


def pii_item():
    kind = rng.choice(["EMAIL", "EMAIL", "PHONE", "PHONE", "PHONE", "IP", "CARD", "IBAN", "SSN", "NIR", "AHV",
                       "URL_CREDENTIALS"])
    if kind == "EMAIL":
        domain = rng.choice(["exemple.fr", "example.com", "firma.de", "beispiel.ch"])
        form = rng.random()
        if form < 0.15:
            left, tld = domain.split(".")
            return kind, f"{name()}@{left}. {tld}"
        if form < 0.25:
            first, last = name().split(".")
            return kind, f"{first} . {last} @ {domain}"
        return kind, f"{name()}@{domain}"
    if kind == "PHONE":
        return kind, rng.choice([
            f"+33 6 {digits(2)} {digits(2)} {digits(2)} {digits(2)}", f"0{rng.randint(1, 9)} {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
            f"0{rng.randint(1, 9)}.{digits(2)}.{digits(2)}.{digits(2)}.{digits(2)}", f"+41 44 {digits(3)} {digits(2)} {digits(2)}",
            f"044 {digits(3)} {digits(2)} {digits(2)}", f"+49 30 {digits(6)}", f"030 {digits(6)}",
            f"+44 20 {digits(4)} {digits(4)}", f"020 {digits(4)} {digits(4)}",
            f"({rng.randint(2, 9)}{digits(2)}) {digits(3)}-{digits(4)}", f"{rng.randint(2, 9)}{digits(2)}-{digits(3)}-{digits(4)}",
            f"({rng.randint(2, 9)}{digits(2)}) {digits(3)}- {digits(4)}",
        ])
    if kind == "IP":
        if rng.random() < 0.2:
            return kind, f"2001:db8:{rng.randint(1, 0xffff):x}::{rng.randint(1, 0xffff):x}"
        return kind, f"{rng.randint(11, 99)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "CARD":
        number = luhn_complete("4" + digits(14))
        sep = rng.choice([" ", "-"])
        return kind, sep.join(number[i:i + 4] for i in range(0, 16, 4))
    if kind == "IBAN":
        return kind, iban(*rng.choice([("FR", 27), ("DE", 22), ("CH", 21), ("GB", 22)]))
    if kind == "SSN":
        area = rng.choice([rng.randint(1, 665), rng.randint(667, 899)])
        return kind, f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    if kind == "NIR":
        return kind, nir()
    if kind == "AHV":
        return kind, ahv()
    return kind, f"https://{name().split('.')[0]}:{digits(6)}x@intranet.example.com"


def near_miss():
    bad_card = luhn_complete("4" + digits(14))
    bad_card = bad_card[:-1] + str((int(bad_card[-1]) + 1) % 10)
    return rng.choice([
        f"{rng.randint(1990, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(1990, 2024)}",
        f"version {rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        "ISBN 978-3-16-148410-0", " ".join(bad_card[i:i + 4] for i in range(0, 16, 4)),
        iban("FR", 27, valid=False), f"{rng.randint(0, 23)}:{rng.randint(0, 59):02d}",
        f"{rng.randint(1, 9)} {rng.randint(100, 999)},{rng.randint(0, 99):02d} €",
        f"pp. {rng.randint(10, 200)}-{rng.randint(201, 400)}", str(rng.randint(1900, 2030)),
    ])


def junk(lang):
    kind = rng.randrange(5)
    if kind == 0:
        return "Click here to subscribe."
    if kind == 1:
        return "\n".join(f"- {rng.choice(EN)} {rng.choice(EN)}" for _ in range(40))
    if kind == 2:
        line = sentence(lang)
        return "\n".join(line if i % 2 else sentence(lang) for i in range(30))
    if kind == 3:
        return " ".join(f"#{rng.choice(EN)}" for _ in range(120))
    return " ".join(str(rng.randint(0, 99999)) for _ in range(300))


truth = {"pii": {}, "near_miss": {}, "exact_dup_of": {}, "near_dup_of": {}, "junk": []}
texts = []
with open(OUT, "w", encoding="utf-8") as out:
    for doc_id in range(DOCS):
        lang = "en" if rng.random() < 0.6 else "fr"
        roll = rng.random()
        if doc_id > 50 and roll < 0.03:
            source = rng.randrange(len(texts))
            text = texts[source]
            truth["exact_dup_of"][doc_id] = source
        elif doc_id > 50 and roll < 0.08:
            source = rng.randrange(len(texts))
            words = texts[source].split(" ")
            for _ in range(max(1, len(words) // 40)):
                words[rng.randrange(len(words))] = rng.choice(EN if lang == "en" else FR)
            text = " ".join(words)
            truth["near_dup_of"][doc_id] = source
        elif roll < 0.13:
            text = junk(lang)
            truth["junk"].append(doc_id)
        else:
            text = prose(lang)
            if rng.random() < 0.35:
                items = [pii_item() for _ in range(rng.randint(1, 3))]
                lead = "Contact:" if lang == "en" else "Contact :"
                text += "\n\n" + " ".join(f"{lead} {value} ." for _, value in items)
                truth["pii"][doc_id] = items
            if rng.random() < 0.2:
                misses = [near_miss() for _ in range(rng.randint(1, 2))]
                word = "See" if lang == "en" else "Voir"
                text += "\n\n" + " ".join(f"{word} {value} ." for value in misses)
                truth["near_miss"][doc_id] = misses
        texts.append(text)
        out.write(json.dumps({"id": doc_id, "text": text, "metadata": {"language": lang, "doc_id": doc_id}}, ensure_ascii=False) + "\n")
json.dump(truth, open(TRUTH, "w"))
