"""Compare ways of reading a text file that is not UTF-8.

    .venv/bin/python -m tests.bench.charsets

Sentences written for this bench in 13 languages, each saved in the code page its language used
before UTF-8, one sentence and eight sentences long, plus five kinds of junk bytes that must be
refused. Readers:
- before: UTF-8, else cp1252 when at most a third of the characters come out non-ASCII (the
  desk's hand-written guess before charset-normalizer);
- charset-normalizer: its best guess alone;
- desk: claims.ingest.charset.decode (charset-normalizer's guesses, checked).
A case counts when the text comes back exactly (or the junk is refused). These sentences were
written while choosing the checks: not a held-out measure.
"""

import random

from charset_normalizer import from_bytes

from claims.ingest import IngestError
from claims.ingest.charset import decode

SENTENCES = {
    "English": ("cp1252", "The minister said the “new” scheme would cost £4m – about €4.7m – "
                "and open in 2025. Critics called it naïve."),
    "French": ("cp1252", "Le ministre a déclaré que la réforme « était nécessaire » et qu'elle "
               "entrerait en vigueur à l'été."),
    "German": ("cp1252", "Der Bürgermeister sagte, die Straße werde im März gesperrt. Außerdem "
               "würden die Gebühren erhöht."),
    "Spanish": ("cp1252", "El alcalde señaló que la inversión del año próximo será «histórica» y "
                "que la obra comenzará en otoño."),
    "Polish": ("cp1250", "Minister powiedział, że czas oczekiwania skrócił się o 40 procent. "
               "Związkowcy zapowiedzieli protest."),
    "Czech": ("cp1250", "Ministr řekl, že čekací doby se zkrátily o čtyřicet procent. Odbory "
              "ohlásily stávku před úřadem."),
    "Russian": ("cp1251", "Министр заявил, что программа сократила время ожидания на 40 "
                "процентов. Профсоюзы объявили забастовку."),
    "Ukrainian": ("cp1251", "Міністр заявив, що програма скоротила час очікування на 40 "
                  "відсотків. Профспілки оголосили страйк."),
    "Greek": ("cp1253", "Ο υπουργός δήλωσε ότι το πρόγραμμα μείωσε τους χρόνους αναμονής κατά "
              "40 τοις εκατό."),
    "Turkish": ("cp1254", "Bakan, programın bekleme sürelerini yüzde 40 kısalttığını söyledi. "
                "Sendikalar grev ilan etti."),
    "Chinese": ("gb18030", "部长表示，该计划使等待时间缩短了百分之四十。工会宣布将举行罢工。"),
    "Japanese": ("shift_jis", "大臣は、この計画により待ち時間が４割短縮されたと述べた。"
                 "労働組合はストライキを発表した。"),
    "Hebrew": ("cp1255", "השר אמר כי התוכנית קיצרה את זמני ההמתנה ב-40 אחוז. האיגודים הכריזו "
               "על שביתה."),
}  # fmt: skip


def cases():
    """(name, bytes, the text expected, or None when the bytes must be refused)."""
    for language, (codec, sentence) in SENTENCES.items():
        for n in (1, 8):
            text = " ".join([sentence] * n)
            yield f"{language} x{n} ({codec})", text.encode(codec), text
    rng = random.Random(7)
    yield "junk: short", b"abc \xff\xfe\x81 def \x8d", None
    yield "junk: broken UTF-8", b"Caf\xc3 \xff\xfe\xfd\x80\x81 " * 50, None
    yield "junk: random 4 KB", bytes(rng.randrange(1, 256) for _ in range(4000)), None
    yield "junk: random 300 B", bytes(rng.randrange(1, 256) for _ in range(300)), None
    yield "junk: high bytes", bytes(rng.randrange(128, 256) for _ in range(500)), None


def before(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError("not recognised") from None
    if sum(ord(c) > 127 for c in text) > max(6, len(text) // 3):
        raise IngestError("not recognised")
    return text


def charset_normalizer_alone(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not recognised")
    return str(best)


READERS = {"before": before, "charset-normalizer": charset_normalizer_alone, "desk": decode}


def main() -> None:
    all_cases = list(cases())
    print(f"{len(all_cases)} cases ({len(all_cases) - 5} texts, 5 junk)")
    for name, read in READERS.items():
        wrong = []
        for case, data, expected in all_cases:
            try:
                got = read(data)
            except IngestError:
                got = None
            if got != expected:
                wrong.append(case)
        print(f"{name:20} {len(all_cases) - len(wrong):3}/{len(all_cases)} right")
        print(f"{'':20} wrong: {', '.join(wrong) or '-'}")


if __name__ == "__main__":
    main()
