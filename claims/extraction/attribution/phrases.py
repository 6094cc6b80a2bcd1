"""Stage 6b: cues that are not a verb with its subject: phrases and nouns.

"according to X", "As reported by X, C", "reportedly", "it was reported that C", "questions about
whether C", "Lee's claim that C", "complaints that C", "Her answer was that C", "with new polls
showing C", "Asked whether C, ...", "In the poll, C", "Lee leads in the polls".
"""

from bisect import bisect_left

from .. import lexicon as lx
from .clauses import clause_end, complement_that, subject_clause_end
from .contents import (
    Attribution,
    content_span,
    forward_end,
    make_attribution,
    without_conjunction,
)
from .cues import cue_modifiers_before
from .quotes import outside_quote
from .subjects import appositive_at, stance_holder
from .tokens import Sentence, has_verb, is_cue_word, possessive, verb_like, verb_like_or_finite


def evidence_participle(sent: Sentence, i: int) -> Attribution | None:
    """ "..., with new polls showing Lee ahead": the poll is the source of what follows."""
    n = len(sent)
    if i + 1 >= n:
        return None  # the sentence ends at the participle
    a = i - 1  # the evidence noun phrase: up to four words before the participle
    while a > 0 and i - a < 5 and sent.words[a - 1].isalpha():
        before = sent.lower[a - 1]
        if before in lx.NOT_IN_EVIDENCE_PHRASE or before in lx.PREPOSITIONS or verb_like(before):
            break
        a -= 1
    k = forward_end(sent, i + 1, sent.lower[i])
    end = sent.end if k >= n else sent.starts[k]
    source = (sent.starts[a], sent.ends[i - 1])
    return make_attribution(sent, (sent.starts[i + 1], end), source, (sent.starts[i], sent.ends[i]))


def in_phrase(sent: Sentence) -> Attribution | None:
    """An opening "In ...," phrase that names where the clause comes from: 'In the new
    poll, 40 percent back Lee' (the poll is the source) or 'In their view, C' (the owner
    of the view is)."""
    n = len(sent)
    i = 0
    while i < n and sent.lower[i] in lx.LEADING_CONNECTIVES:
        i += 1
    if i >= n or sent.lower[i] != "in":
        return None
    k = i + 1
    while k < n and sent.words[k] != "," and k - i <= 14:
        k += 1
    if k >= n - 3 or sent.words[k] != ",":
        return None
    if k - i in (3, 4) and possessive(sent.words[k - 2]) and sent.lower[k - 1] in lx.OPINION_NOUNS:
        # "In their view, C" / "In Mr. Lee's opinion, C": the owner is the source
        owner = (sent.starts[i + 1], sent.ends[k - 2])
        return make_attribution(
            sent, (sent.ends[k], sent.end), owner, (sent.starts[k - 1], sent.ends[k - 1])
        )
    if not any(sent.lower[m] in lx.EVIDENCE_NOUNS for m in range(i + 1, k)):
        return None
    # an apposition after the poll ("In the poll, conducted March 1-3, ...")
    m = k + 1
    if sent.lower[m].endswith("ed") and sent.lower[m] != "led":
        while m < n and sent.words[m] != ",":
            m += 1
        k = m if m < n - 3 else k
    cue = (sent.starts[i], sent.ends[i])
    return make_attribution(
        sent, (sent.ends[k], sent.end), (sent.starts[i + 1], sent.ends[k - 1]), cue
    )


def in_poll_after(sent: Sentence) -> Attribution | None:
    """A clause that ends in "in" a poll named by its own kind: 'Ames has 40 percent support in
    a new survey released Monday' (the poll is the source of the clause before it, as in 'In the
    new poll, C'); the clause starts after the last comma, dash or subordinator before
    "in" ('where she trails in the polls'), and must hold a verb ('Lee's lead in the poll'
    is none). Tried only when no cue of the sentence gave an attribution."""
    n = len(sent)
    for i in range(2, n - 2):
        if sent.lower[i] != "in":
            continue
        k = i + 1  # the poll phrase: to a clause break or "by" ('in the poll by 9 points')
        while k < n and sent.words[k] not in lx.CLAUSE_END and sent.lower[k] != "by":
            k += 1
        if k - i > 12:
            continue
        head = next((m for m in range(i + 1, k) if sent.lower[m] in lx.POLL_NOUNS), None)
        if head is None or has_verb(sent.words[i + 1 : head]):
            continue
        if sent.lower[i + 1] not in ("a", "an"):
            # "he rose in the polls", "is ahead in national polls": PolNeAR leaves these as the
            # reporter's own words about as often as it attributes them to the polls
            return None
        a = i
        while a > 0 and not (
            sent.words[a - 1] in lx.CLAUSE_END or sent.lower[a - 1] in lx.POLL_CLAUSE_OPENERS
        ):
            a -= 1
        if i - a < 2 or not has_verb(sent.words[a:i]):
            return None
        source = (sent.starts[i + 1], sent.ends[k - 1])
        cue = (sent.starts[i], sent.ends[i])
        return make_attribution(sent, (sent.starts[a], sent.starts[i]), source, cue)
    return None


def after_own_speaker(sent: Sentence, att: Attribution, found: list) -> Attribution | None:
    """ "Officials confirmed that A, but B, according to Axios.": A has its own speaker, so
    "according to" covers only what follows it (as ``_prefer_outer`` decides for cues
    inside a content)."""
    for last in reversed(found):
        if last.cue is None or not (att.start <= last.cue[0] < last.end <= att.cue[0]):
            continue
        inner = sent.text[last.cue[0] : last.cue[1]].split()[-1].lower()
        if inner not in lx.CLAUSE_VERBS:
            continue
        span = content_span(sent, last.end, att.cue[0])
        if span is None:
            return None
        att.start, att.end = without_conjunction(sent, *span), span[1]
        break
    return att


def possessive_copula(sent: Sentence, i: int) -> Attribution | None:
    """ "Her answer was that C", "Lee's main goal is to C", "My advice is: C": the
    possessor is the source; the noun phrase and the verb are the cue."""
    n = len(sent)
    if i + 2 >= n or sent.quotes.at(sent.starts[i]) is not None:
        return None
    nxt = sent.lower[i + 1]
    if not (nxt in ("that", "to", ":") or sent.words[i + 1] in lx.QUOTE_TOKENS):
        return None
    if sent.lower[i - 1] not in lx.NOUN_CUES and sent.lower[i - 1] not in lx.STATEMENT_NOUNS:
        return None  # "His car was ...": only nouns that report a view or a statement
    k = _possessor_before(sent, i)
    if k is None:
        return None
    a = k
    if sent.lower[k].endswith(("'s", "’s")):
        while a > 0 and sent.words[a - 1][:1].isupper() and sent.lower[a - 1] != "the":
            a -= 1
        if a > 0 and sent.lower[a - 1] == "the":
            a -= 1
    before = sent.lower[a - 1] if a > 0 else ","
    opens = before in lx.CLAUSE_MARKS or before in lx.LEADING_CONNECTIVES
    if not opens and before not in lx.SUBJECT_STOPS:
        return None  # the possessive phrase must open a clause
    poss_end = sent.ends[k]
    if sent.lower[k].endswith(("'s", "’s")) and len(sent.words[k]) > 2:
        poss_end = sent.ends[k] - 2
    source = (sent.starts[a], poss_end)
    cue = (sent.starts[k + 1] if poss_end == sent.ends[k] else sent.ends[k] - 2, sent.ends[i])
    start = i + 2 if nxt == ":" else i + 1
    return make_attribution(sent, (sent.starts[start], sent.end), source, cue)


def _possessor_before(sent: Sentence, i: int) -> int | None:
    """The possessive up to five words before the noun that ends at ``i``: "his", "their",
    "Lee's", "The campaign's"; None when there is none or the noun is not a lower-case noun."""
    for k in range(i - 1, max(-1, i - 7), -1):
        word = sent.words[k]
        if not word.replace("-", "").replace("’", "").replace("'", "").isalnum():
            return None
        if possessive(word) or sent.lower[k] in ("his", "her", "their", "its", "our", "my"):
            break
    else:
        return None
    if k == i - 1 or not sent.words[i - 1].islower() or verb_like_or_finite(sent.lower[i - 1]):
        return None
    return k


def noun_cue(sent: Sentence, i: int) -> Attribution | None:
    """ "Lee's claim that C", "her call for C": the possessor is the source; the content
    is what follows, to the end of its phrase (a comma, dash, semicolon, adjunct)."""
    n = len(sent)
    if i + 2 >= n or sent.quotes.at(sent.starts[i]) is not None:
        return None
    nxt = sent.lower[i + 1]
    end = i + 1
    if nxt in lx.NOUN_CUE_PARTICLES:
        end = i + 2  # the preposition belongs to the cue: "support for"
    elif nxt not in ("that", "to"):
        return None
    a = i - 2 if sent.words[i - 1] == "’" else i - 1  # ("Sanders’ claim": the name before "’")
    if sent.words[a][:1].isupper() and sent.lower[a] not in lx.PERSONAL_PRONOUNS:
        while a > 0 and sent.words[a - 1][:1].isupper() and sent.lower[a - 1] not in ("the",):
            a -= 1  # "Donald Trump's"
    clause = nxt in ("that", "to")
    k = end + 1
    while k < n and sent.words[k] not in lx.CLAUSE_MARKS and sent.words[k] not in (".", ":"):
        low = sent.lower[k]
        stop = low in lx.ADJUNCTS or (not clause and (low in lx.FINITE or verb_like(low)))
        if stop and sent.quotes.at(sent.starts[k]) is None:
            break  # "her support for the wall | was never in doubt"
        k += 1
    if clause:
        k = subject_clause_end(sent, a, end + 1, k)
    content_end = sent.starts[k] if k < n else sent.end
    cue = (sent.starts[i], sent.ends[end - 1])
    source = (sent.starts[a], sent.ends[i - 1])
    return make_attribution(sent, (sent.starts[end], content_end), source, cue)


def that_noun(sent: Sentence, i: int) -> Attribution | None:
    """ "complaints that they distort democracy", "the idea that C": a noun and its
    complement clause, to the clause's end; no source (a possessor makes ``noun_cue``).
    "warnings from his lawyer that C": the source named after "from"."""
    n = len(sent)
    if sent.lower[i + 1] == "from":
        return _that_noun_from(sent, i)
    if not _noun_use(sent, i) or not complement_that(sent, i + 1):
        return None  # ("The mayor promises that C": a verb)
    if _participle_cue(sent, i):
        return None  # ", warning that C", "has been warning that C": the verb's shapes read it
    a = i
    while a > 0 and sent.lower[a - 1] in lx.THAT_NOUN_MODIFIERS:
        a -= 1
    source = _possessor_of(sent, a) or stance_holder(sent, a)
    opening = bisect_left(sent.starts, source[0]) if source else a
    k = subject_clause_end(sent, min(opening, a), i + 2, clause_end(sent, i + 2))
    last = _last_word(sent, i + 2, k)
    # (a modal and its verb after a subject of its own: "the warning that the dam would fail")
    modal = sent.lower[last - 1] in lx.MODALS and sent.lower[i + 2] not in ("the", "a", "an")
    if _past_form(sent.lower[last]) or modal:
        return None  # "a charge that Lee has always denied": a relative clause
    end = sent.starts[k] if k < n else sent.end
    return make_attribution(sent, (sent.starts[i + 1], end), source, (sent.starts[a], sent.ends[i]))


def that_from(sent: Sentence, i: int) -> int | None:
    """The "that" after a stance noun at ``i``, "from" and a short noun phrase ("warnings from
    his lawyer that C", "a claim from Mr. Lee that C"); None when no such phrase follows."""
    if i + 1 >= len(sent) or sent.lower[i + 1] != "from":
        return None
    for j in range(i + 3, min(len(sent) - 1, i + 7)):
        if sent.lower[j] == "that":
            return j
        word = sent.words[j]
        if not word.replace(".", "").replace("'", "").replace("’", "").isalpha():
            return None
        if word.islower() and (verb_like_or_finite(sent.lower[j]) or sent.lower[j] in lx.ADJUNCTS):
            return None
    return None


def _noun_use(sent: Sentence, i: int) -> bool:
    """Whether the stance word at ``i`` is a noun: after a determiner, a modifier or a
    preposition, or the object of a past form ("stoked speculation that C", "ignored
    warnings from his lawyer that C")."""
    before = sent.lower[i - 1] if i > 0 else ""
    past = before.endswith("ed") or before in lx.IRREGULAR_PAST
    return not before or before in lx.NOUN_CONTEXT or not before.isalpha() or past


def _that_noun_from(sent: Sentence, i: int) -> Attribution | None:
    j = that_from(sent, i)
    if j is None or not _noun_use(sent, i):
        return None
    if not complement_that(sent, j):
        return None
    k = clause_end(sent, j + 1)
    if _past_form(sent.lower[_last_word(sent, j + 1, k)]):
        return None  # "warnings from the city that Lee ignored": a relative clause
    end = sent.starts[k] if k < len(sent) else sent.end
    source = (sent.starts[i + 2], sent.ends[j - 1])
    return make_attribution(sent, (sent.starts[j], end), source, (sent.starts[i], sent.ends[i]))


def _last_word(sent: Sentence, first: int, k: int) -> int:
    """The last word (letters only) of the clause [first, k), or ``first``."""
    return max((m for m in range(first, k) if sent.words[m].isalpha()), default=first)


def _past_form(low: str) -> bool:
    """A clause ending in a past form is a relative clause of the noun before "that"."""
    return low.endswith("ed") or low in lx.IRREGULAR_PAST


def _possessor_of(sent: Sentence, a: int) -> tuple[int, int] | None:
    """The possessor before a stance noun phrase starting at ``a``: "the campaign's earlier
    claim that C", "the judges’ statement that C", "the Obama administration's hopes that C"."""
    k = a - 1
    if k >= 1 and sent.lower[k] in lx.POSSESSED_NOUN_MODIFIERS:
        k -= 1
    if k >= 1 and sent.words[k] == "’" and sent.lower[k - 1].endswith("s"):
        k -= 1  # ("the judges’": the mark is a word of its own)
        end = sent.ends[k + 1]
    elif k >= 0 and len(sent.lower[k]) > 2 and sent.lower[k].endswith(("'s", "’s")):
        end = sent.ends[k]
    else:
        return None
    b = k
    while b > 0 and sent.words[b - 1][:1].isupper() and sent.lower[b - 1] != "the":
        b -= 1  # "Tulsa police’s", "the Obama administration's"
    if b > 0 and sent.lower[b - 1] == "the":
        b -= 1
    return (sent.starts[b], end)


def _participle_cue(sent: Sentence, i: int) -> bool:
    """An -ing cue word after a comma or a form of "be": a participle or a verb ("the mill said
    C, warning that D"; "the city has been warning that C"), not a noun."""
    w = sent.lower[i]
    before = sent.words[i - 1] if i > 0 else ""
    return w.endswith("ing") and is_cue_word(w) and (before == "," or before.lower() in lx.BE_FORMS)


def as_reported_by(sent: Sentence, i: int) -> Attribution | None:
    """ "As (first) reported by the Times, C": the agent is the source, the main clause after
    the comma the content."""
    a = i - 1
    while a > 0 and sent.lower[a] in lx.AS_REPORTED_ADVERBS:
        a -= 1
    if sent.lower[a] != "as":
        return None
    k = clause_end(sent, i + 2)
    if k >= len(sent) - 2 or sent.words[k] != "," or k - i > 14:
        return None
    source = (sent.starts[i + 2], sent.ends[k - 1])
    return make_attribution(sent, (sent.ends[k], sent.end), source, (sent.starts[a], sent.ends[i]))


def whether_question(sent: Sentence, i: int) -> Attribution | None:
    """ "questions about whether C", "a debate over whether C": the open question, to its
    clause's end, with the noun and preposition as the cue and no source."""
    if not sent.words[i - 2].isalpha() or sent.lower[i - 2] in lx.FUNCTION_WORDS:
        return None
    if not outside_quote(sent, i):
        return None
    k = clause_end(sent, i + 1)
    end = sent.starts[k] if k < len(sent) else sent.end
    source = stance_holder(sent, i - 2)
    return make_attribution(
        sent, (sent.starts[i], end), source, (sent.starts[i - 2], sent.ends[i - 1])
    )


def asked_opener(sent: Sentence) -> Attribution | None:
    """'Asked (by Y) whether C, X said ...': the question is an attribution of its own,
    with the interviewer as source when named; the main clause is analysed after it."""
    n = len(sent)
    i = 1 if sent.lower[0] in ("when", "if", "after") else 0
    if i + 2 >= n or sent.lower[i] != "asked":
        return None
    k = i + 1
    source = None
    if sent.lower[k] == "by":
        j = k + 1
        while j < n and sent.words[j][:1].isupper():
            j += 1
        if j == k + 1:
            return None
        source = (sent.starts[k + 1], sent.ends[j - 1])
        k = j
    end = k
    while end < n and not (sent.words[end] == "," and sent.quotes.at(sent.starts[end]) is None):
        end += 1
    if end >= n - 1 or end == k:
        return None  # no main clause after the question: not this pattern
    if sent.lower[k] not in lx.QUESTION_OPENERS:
        # "Asked at a briefing Monday about C": the question starts at "about"
        q = next((j for j in range(k + 1, end) if sent.lower[j] in lx.QUESTION_OPENERS), None)
        if q is not None and not has_verb(sent.words[k:q]):
            k = q
    cue = (sent.starts[i], sent.ends[i])
    return make_attribution(sent, (sent.starts[k], sent.starts[end]), source, cue)


def according_to(sent: Sentence, i: int) -> Attribution | None:
    n = len(sent)
    cue = (sent.starts[i], sent.ends[i + 1])
    k = i + 2
    while k < n and sent.words[k] not in (",", ";", "—", "–", ":") and k - i < 25:
        if sent.words[k] in (".", "!", "?") and k == n - 1:
            break
        k += 1
    if k == i + 2:
        return None
    content_first = not (i == 0 or _content_follows(sent, i))
    appositive = k + 1 < n and sent.words[k] == ","
    appositive = appositive and (
        sent.lower[k + 1] in lx.APPOSITION_OPENERS or appositive_at(sent, k + 1)
    )
    if appositive and sent.lower[k + 1] not in lx.APPOSITION_OPENERS:
        # "The tax, according to a study, reduced ...", "C, according to X, although D":
        # the sentence goes on after the source; the words are no description of it
        nxt = sent.lower[k + 1]
        verb = verb_like_or_finite(nxt) and nxt not in lx.CONTRAST_OPENERS
        appositive = not (verb or nxt in lx.CONCESSIVES)
    if content_first and appositive:
        # "C, according to Jo Lee, who advised the campaign.": the rest is about the source,
        # unless the sentence goes on after the description ("C, according to Lee, an
        # envoy, was D")
        k = _after_description(sent, k + 1)
    source = (sent.starts[i + 2], sent.ends[k - 1])
    if not content_first:
        # "According to X, C." (maybe after a short introductory phrase)
        k = _after_participle_aside(sent, k)
        start = sent.ends[k] if k < n else sent.end
        content = (start, sent.end) if k < n else None
        if content is None and i > 0:
            content = (sent.start, sent.starts[i])
    else:
        # "C, according to X." or "C according to X, D": content before the cue
        content = (sent.start, sent.starts[i])
        if k < n - 2:
            content = (sent.start, sent.end)
    return make_attribution(sent, content, source, cue)


def _content_follows(sent: Sentence, i: int) -> bool:
    """Whether "according to X" at ``i`` (not first) comes before its content: after a short
    introductory phrase ("In May, according to X, C") or a word that opens a clause ("Lee said
    that, according to X, C"); not after a clause ("The levy failed, according to Lee.")."""
    comma = sent.words[i - 1] == ","
    opener = sent.lower[i - 2] if i > 1 and comma else sent.lower[i - 1]
    if opener in lx.CONTENT_OPENERS_BEFORE_ACCORDING:
        return True
    short = sent.starts[i] - sent.start < 25
    return short and comma and not has_verb(sent.words[: i - 1])


def _after_participle_aside(sent: Sentence, k: int) -> int:
    """ "According to the report, | published in March, | C": the comma after a participle
    phrase that describes the source (``k`` itself when there is none)."""
    n = len(sent)
    if k + 1 >= n or sent.words[k] != "," or not sent.lower[k + 1].endswith("ed"):
        return k
    for m in range(k + 2, min(n - 3, k + 10)):
        if sent.words[m] in lx.CLAUSE_MARKS:
            return m if sent.words[m] == "," else k
    return k


def _after_description(sent: Sentence, a: int) -> int:
    """Where a description of a source that starts at ``a`` ends: at the clause mark after it
    when the sentence goes on there with a verb ("..., an envoy, was D"), else at the end."""
    n = len(sent)
    end = n - 1 if sent.words[n - 1] in (".", "!", "?") else n
    for k in range(a + 1, min(end - 1, a + 20)):
        if sent.words[k] in lx.CLAUSE_MARKS:
            return k if verb_like_or_finite(sent.lower[k + 1]) else end
    return end


def reportedly(sent: Sentence, i: int) -> Attribution | None:
    """ "The FBI is reportedly making arrangements ...": the clause around the adverb, from
    the clause mark before it to the one after it ("With Lee reportedly considering a run,
    a poll found ..."); "Lee reportedly said" is left to the verb."""
    n = len(sent)
    if i + 1 < n and is_cue_word(sent.lower[i + 1]):
        return None
    a = cue_modifiers_before(sent, i, 0)
    cue = (sent.starts[a], sent.ends[i])
    first = _clause_start(sent, a)
    if first == a and sent.words[a - 1] == ",":
        first = _subject_before_apposition(sent, a - 1)
    end = sent.end
    if first + 1 < a and sent.lower[first] in lx.REPORTEDLY_LEADS:
        first += 1  # "With Lee reportedly eyeing a run, ..."
    k = clause_end(sent, i + 2)  # ("Reportedly, he made ...": not the comma after it)
    if k < n:
        end = sent.starts[k]
    start = sent.start if first == 0 else sent.starts[first]
    return make_attribution(sent, (start, end), None, cue)


def _clause_start(sent: Sentence, a: int) -> int:
    """First token of the clause that token ``a`` is in: after the last clause mark before it
    outside quotation marks (0: the sentence's start)."""
    for k in range(a - 1, 0, -1):
        if sent.words[k] in lx.CLAUSE_END_MARKS and outside_quote(sent, k):
            return k + 1
    return 0


def _subject_before_apposition(sent: Sentence, comma: int) -> int:
    """ "One of them, Joseph Tater, reportedly left": the subject and its apposition before
    the comma at ``comma``, two verbless phrases at most, are the clause's start."""
    first = comma + 1
    for _ in range(2):
        start = _clause_start(sent, first - 1)
        if start >= first - 1 or has_verb(sent.words[start : first - 1]):
            break
        first = start
        if first == 0 or sent.words[first - 1] != ",":
            break
    return first


def it_passive(sent: Sentence, i: int) -> Attribution | None:
    # "it was reported that", "it is believed that", "it has been announced that"
    n = len(sent)
    k = i + 1
    while k < n and k - i <= 3 and sent.lower[k] in ("is", "was", "has", "had", "been", "being"):
        k += 1
    if k == i + 1 or k >= n or sent.lower[k] not in lx.PASSIVE_CUES:
        return None
    if k + 1 >= n or sent.lower[k + 1] not in ("that", "by"):
        return None
    cue = (sent.starts[i], sent.ends[k])
    return make_attribution(sent, (sent.starts[k + 1], sent.end), None, cue)
