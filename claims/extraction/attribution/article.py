"""Stage 8: the article-level passes.

Every sentence is analysed (a sentence whose analysis fails costs only itself); overlapping
contents are resolved so that each token belongs to one attribution, as in PolNeAR; a quotation
attributed once continues over the quotations that follow it ('"A," she said. "B. C."').
"""

import logging
import re

from .. import lexicon as lx
from ..sentences import split_sentences
from .contents import Attribution, describes_its_noun
from .non_claims import why_no_claim
from .quotes import Quotes
from .rules import analyse
from .tokens import Sentence, has_verb, is_cue_word, plain_spaces

log = logging.getLogger(__name__)


def find_attributions(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> list[Attribution]:
    """All attributions of ``text``, ordered by content start, non-overlapping."""
    if sentences is None:
        sentences = split_sentences(text)
    text = plain_spaces(text)  # (the spans point into the text as given all the same)
    quotes = Quotes(text)
    found: list[Attribution] = []
    for ss, se in sentences:
        try:
            found.extend(analyse(Sentence(text, quotes, ss, se)))
        except Exception:  # noqa: BLE001 - one unreadable sentence must not cost the article
            log.exception("attribution failed for the sentence at %d-%d; skipped", ss, se)
    found = _screened(text, found)
    found.sort(key=lambda a: (a.start, -a.end))
    # Keep content spans disjoint: a quotation attributed at its end may have been picked up
    # again from an inner sentence.
    kept: list[Attribution] = []
    for att in found:
        if kept and att.start < kept[-1].end:
            prev = kept[-1]
            if (att.end - att.start) > (prev.end - prev.start) and att.source and not prev.source:
                kept[-1] = att
            elif (
                _inside(prev.cue, prev)
                and att.source
                and not _inside(att.cue, att)
                and att.start <= prev.start + 2
                and att.end >= prev.end - 2
            ):
                kept[-1] = att  # '“A, according to X. B,” Y reported.': the outer speaker
            continue
        kept.append(att)
    try:
        _continue_quotes(text, quotes, kept)
    except Exception:  # noqa: BLE001 - the attributions found so far still stand
        log.exception("continuing quotations failed; attributions kept as found")
    for att in kept:
        att.no_claim = why_no_claim(text, att)
        att.claim = att.no_claim is None
    return kept


def _screened(text: str, found: list[Attribution]) -> list[Attribution]:
    """The attributions that report something said, without a source that names no one."""
    kept = [
        att
        for att in found
        if not (
            describes_its_noun(text, att)
            or _continues_an_action(text, att)
            or _a_reaction(text, att)
            or _a_name_given(text, att)
            or _a_side_taken_in_an_aside(text, att)
            or _without_its_particle(text, att)
            or _a_passive_of_no_words(text, att)
        )
    ]
    for att in kept:
        if _expletive_it(text, att):
            att.source = None  # "it was widely reported that C": no one is named
    return kept


def _a_side_taken_in_an_aside(text: str, att: Attribution) -> bool:
    """ "Reid, who endorsed Lee in May, said ...", "the union, which backs the levy, ...", "a
    group backing Lee raised $2 million": a relative clause or participle telling whom someone
    supports or opposes describes them; it reports nothing they said ("Reid, who said the levy
    was fair, ..." does)."""
    if att.kind == "direct" or att.source is None:
        return False
    cue = att.cue_words(text)
    if not cue or cue[-1] not in lx.SIDE_VERBS:
        return False
    if any(mark in text[att.start : att.end] for mark in lx.QUOTE_TOKENS):
        return False
    source = text[att.source[0] : att.source[1]].lower()
    if source in ("who", "which", "that"):
        return True
    # "a group backing Lee raised $2 million": a participle right after its noun (no comma
    # between) whose object runs on into the sentence's own predicate
    return (
        len(cue) == 1
        and cue[0].endswith("ing")
        and not text[att.source[1] : att.cue[0]].strip()
        and source not in lx.PERSONAL_PRONOUNS
        and has_verb(_NAME_WORD.findall(text[att.start : att.end]))
    )


def _without_its_particle(text: str, att: Attribution) -> bool:
    """ "the attacks laid bare the rift", "who laid low in 2008", "will be laid to rest": a verb
    that reports words only with its particle ("laid out a plan") used in another sense."""
    cue = att.cue_words(text)
    particle = lx.SPEECH_ONLY_WITH.get(cue[-1]) if cue else None
    if particle is None or att.kind == "direct":
        return False
    words = text[att.start : att.end].split(maxsplit=1)
    return not words or words[0].lower() != particle


def _a_passive_of_no_words(text: str, att: Attribution) -> bool:
    """ "Lee was pressed on the levy", "the plan is intended to cut fares": the subject of the
    passive was asked or is a purpose; nothing it said is reported ("Lee pressed the council to
    act" is)."""
    cue = att.cue_words(text)
    if not cue or cue[-1] not in lx.PASSIVES_OF_NO_WORDS or att.kind == "direct":
        return False
    return any(word in lx.BE_FORMS for word in cue[:-1])


def _continues_an_action(text: str, att: Attribution) -> bool:
    """ "Lee continued his attacks on the plan", "the search continued to the lake": "continue"
    reports speech only before a quotation, "that C" or "to" and a verb of saying ("continued
    to insist that C")."""
    cue = att.cue_words(text)
    if not cue or cue[-1] not in lx.CONTINUE_FORMS or att.kind == "direct":
        return False
    words = text[att.start : att.end].split(maxsplit=2)
    first = words[0].lower() if words else ""
    if first == "that" or (first == "to" and len(words) > 1 and is_cue_word(words[1].lower())):
        return False
    return att.cue[0] < att.start  # (after its content, "..., Lee continued." still reports)


_AFTER_A_REACTION = re.compile(r"""\s*(?:[.,;:!?"“”]|(?:as|when|while|and|on|wildly|loudly)\b)""")


def _a_reaction(text: str, att: Attribution) -> bool:
    """ "..., as the crowd cheered.", "aides cheered when she won": a crowd's cheering,
    applause or laughter with no object reports nothing it said ("cheered the plan" does)."""
    cue = att.cue_words(text)
    if not cue or cue[-1] not in lx.REACTION_VERBS:
        return False
    return _AFTER_A_REACTION.match(text, att.cue[1]) is not None


_NAME_WORD = re.compile(r"#?[\w’'.&-]+")
_RELATIVE_AFTER_COMMA = re.compile(r",\s*(?:which|who|whose|where|that|\w+ed\b)")


def _a_name_given(text: str, att: Attribution) -> bool:
    """ "a group called Open Doors", "Obama called Ames on Monday.": a name given or a telephone
    call, when the object is a bare name, maybe with a relative clause after it ("a firm called
    Acme, which sells ..."); quoted words or a second complement after an appositive report
    ("called Lee, his rival, a liar")."""
    cue = att.cue_words(text)
    if not cue or att.kind == "direct" or att.cue[0] >= att.start:
        return False
    if cue[-1] not in lx.NAMING_VERBS:
        return False
    rest = text[att.end : att.sentence[1]].lstrip()
    if rest[:1] == "," and not _RELATIVE_AFTER_COMMA.match(rest):
        return False
    words = _NAME_WORD.findall(text[att.start : att.end])
    while words and words[-1].lower() in lx.TIME_WORDS | lx.TIME_NOUNS | {"on", "night"}:
        words.pop()
    return 0 < len(words) <= 5 and all(
        w.lstrip("#")[:1].isupper() or w[:1].isdigit() for w in words
    )


_PASSIVE_CUE = re.compile(r"(?:is|was|were|be|been|being|['’]s)\b.*\b\w+(?:ed|en|wn)$")


def _expletive_it(text: str, att: Attribution) -> bool:
    """ "it was widely reported that C", "It's been reported that C": "it" stands for the
    clause, not for a speaker."""
    if att.source is None or text[att.source[0] : att.source[1]].lower() != "it":
        return False
    cue = " ".join(att.cue_words(text))
    content = text[att.start : att.end].lower()
    return content.startswith("that ") and _PASSIVE_CUE.search(cue) is not None


def _inside(cue: tuple[int, int] | None, att: Attribution) -> bool:
    """Whether the cue lies within the attribution's own content."""
    return cue is not None and att.start <= cue[0] < att.end


def _continue_quotes(text: str, quotes: Quotes, atts: list[Attribution]) -> None:
    """Extend '“A,” she said.', 'A, she said.' and 'She said A.' over the quotations after them.

    Reporters attribute a long quotation once, after its first sentence: '“A,” she said. “B. C.”'
    The speaker of B and C is the same, and PolNeAR annotates them as one content (quoted, so
    the claim becomes direct).
    """
    for idx, att in enumerate(atts):
        if not (
            _quote_speaker_before(text, att)
            or _said_then_quote(text, att)
            or _said_at_the_end(text, att)
        ):
            continue
        # The next attribution after this sentence ('“A,” said X, referring to Y. “B.”': the
        # participle's attribution inside the sentence does not stop the quotation).
        pos = att.sentence[1]
        limit = next((a.start for a in atts[idx + 1 :] if a.start >= pos), len(text))
        _extend_over_quotes(text, quotes, att, limit)


def _extend_over_quotes(text: str, quotes: Quotes, att: Attribution, limit: int) -> None:
    """Extend ``att`` over the quotations (a few at most) that follow its sentence, each ending
    its own sentence and none of them past ``limit``."""
    pos = att.sentence[1]
    first_len = att.end - att.start
    quoted = 0
    first_q = None
    for _ in range(4):
        q = _quote_after(text, quotes, pos, quoted == 0, limit)
        if q is None:
            break
        att.end = q[1]
        att.kind = "direct"
        att.sentence = (att.sentence[0], max(att.sentence[1], q[1]))
        pos = q[1]
        quoted += q[1] - q[0]
        if first_q is None:
            first_q = q[0]
    if first_q is not None:
        _tighten_interrupted_quote(att, first_len, first_q, quoted)


def _quote_after(text: str, quotes: Quotes, pos: int, first: bool, limit: int):
    """The quotation that opens after ``pos`` (in the same paragraph or the next one; after a
    few lead words when it is the ``first``) and ends its sentence; None when there is none."""
    j = pos
    newlines = 0
    while j < len(text) and text[j].isspace():
        newlines += text[j] == "\n"
        j += 1
    # (the next paragraph too: '“A,” she said.\n\n“B.”')
    if newlines == 0 and first:
        # (a few words may lead into it: '“A,” he said. But “B.”', 'That makes her “B.”')
        j += _lead_into_quote(text, j)
    if j >= len(text) or newlines > 2 or text[j] not in lx.OPEN_QUOTES and text[j] != "'":
        return None
    q = quotes.at(j)
    if q is None or q[0] != j or q[1] > limit:
        return None
    # The quotation must end its sentence: '“B.” Then she left.' is fine,
    # '“B,” he added.' has its own cue and is left alone.
    k = q[1]
    while k < len(text) and text[k] in " \t\xa0":
        k += 1
    if (
        k < len(text)
        and text[k] not in '\n“"'
        and text[q[0] : q[1]].rstrip("”\"'’ ")[-1:] not in ".!?"
    ):
        return None
    return q


_LEAD_INTO_QUOTE = re.compile(r"(?:[\w’']+ ){1,4}(?=[“\"])")


def _lead_into_quote(text: str, j: int) -> int:
    """Length of up to four words at ``j`` that run into a quotation, none of them a cue."""
    m = _LEAD_INTO_QUOTE.match(text, j, j + 60)
    if m is None or any(is_cue_word(w.lower()) for w in m.group().split()):
        return 0
    return m.end() - j


def _quote_speaker_before(text: str, att: Attribution) -> bool:
    """'“A,” she said.': a quotation attributed after it."""
    return (
        att.kind == "direct"
        and att.cue is not None
        and att.cue[0] >= att.end
        and text[att.end - 1] in "”\"'"
    )


def _said_at_the_end(text: str, att: Attribution) -> bool:
    """'A, Lee said.' / 'A, said Lee.': a plain speech verb and its speaker end the sentence."""
    if att.cue is None or att.cue[0] < att.end or not _plain_speech(text, att.cue):
        return False
    last = att.source[1] if att.source is not None and att.source[0] > att.cue[0] else att.cue[1]
    tail = text[last : att.sentence[1]].strip(" .").split()
    # (or a short adjunct after them: 'A, he said in an interview.')
    return not tail or len(tail) <= 6 and (tail[0] in lx.PREPOSITIONS or tail[0] in lx.TIME_WORDS)


def _said_then_quote(text: str, att: Attribution) -> bool:
    """'She said A. “B.”': a plain speech verb whose content ends the sentence."""
    return (
        att.cue is not None
        and att.cue[1] <= att.start
        and not text[att.end : att.sentence[1]].strip()
        and _plain_speech(text, att.cue)
    )


def _plain_speech(text: str, cue: tuple[int, int]) -> bool:
    return text[cue[0] : cue[1]].split()[-1].lower() in lx.PLAIN_SPEECH


def _tighten_interrupted_quote(att: Attribution, first_len: int, first_q: int, quoted: int):
    """Keep the larger quotation alone when the words between them outweigh them.

    '“A,” X said in L, recalling M at length. “B.”': the content is A and B, but a claim is one
    span; A through B carries the interruption along, so the claim is whichever single span
    holds the larger share of the quoted words: the whole when the interruption is short, the
    longer of A and B when the interruption dominates. (A small margin keeps '“A,” the mayor
    said. “B.”' whole, which a reader expects, for about 6 attributions on PolNeAR train.)
    """
    both = first_len + quoted
    if max(first_len, quoted) / both <= both / (att.end - att.start) + 0.05:
        return
    if first_len >= quoted:
        att.end = att.start + first_len
    else:
        att.start = first_q
