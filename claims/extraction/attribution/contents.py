"""Stage 5b: content spans: what was said, and the ``Attribution`` record built from the spans.

``forward_content`` reads the content after a cue ("X said (that) C", "X said:" and the quotation
after it), ``content_before`` the content before an inverted cue ("C, X said."), and
``make_attribution`` trims a span, grows it over the quotations it opens or closes, and refuses
one that holds no content ("Lee said Tuesday.").
"""

from dataclasses import dataclass

from .. import lexicon as lx
from ..junk import without_edge_markup
from .clauses import (
    after_opening_aside,
    but_goes_on,
    clause_end,
    compound_break,
    continues_noun_phrase,
    figures_compared,
    in_opening_phrase,
    list_tail,
    main_clause_comma,
    main_verb_after_participle,
    medium_adjunct_at,
    new_clause_at,
    participle_clause_at,
    short_aside,
    sibling_speaker,
    that_after_adjunct,
    time_adjunct_at,
)
from .quotes import after_comma_quote, following_paragraph, following_quote, long_quote_in
from .subjects import (
    can_speak,
    headline_source,
    name_before_participle_aside,
    possessor_subject,
    tidy_source,
    without_cleft_opening,
    without_final_verb,
    without_opening_preposition,
)
from .tokens import (
    Sentence,
    has_verb,
    is_cue_word,
    past_intensifier,
    plural_noun,
    possessive,
    s_form,
    verb_like,
    verb_like_or_finite,
)


@dataclass
class Attribution:
    start: int
    end: int
    kind: str  # "direct" or "indirect"
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    sentence: tuple[int, int]
    claim: bool = True  # False: found, but no claim to check (``non_claims``)
    no_claim: str | None = None  # why not, when ``claim`` is False

    def cue_words(self, text: str) -> list[str]:
        """The cue's words in lower case ("has also said" -> ["has", "also", "said"])."""
        return text[self.cue[0] : self.cue[1]].lower().split() if self.cue else []


def content_span(sent: Sentence, s: int, e: int) -> tuple[int, int] | None:
    """Trim whitespace and a leading comma/colon; None when nothing is left."""
    text = sent.text
    while s < e and (text[s].isspace() or text[s] in ",:;—–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–"):
        e -= 1
    dateline = lx.DATELINE.match(text, s, e) if s == 0 or text[s - 1] == "\n" else None
    if dateline is not None:
        s = dateline.end()  # "MIAMI — C", "Westhaven, March 14 - C": the place is no content
    if "<" in text[s:e]:
        s, e = without_edge_markup(text, s, e)  # '<tweet id="1">C<tweet/>': the tweet's words
    if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return s, e


def without_conjunction(sent: Sentence, s: int, e: int) -> int:
    """Start of a reported content [s, e) without an opening "but" or "and" inside the sentence:
    "A, but B, according to Lee" reports B; the conjunction is the reporter's ("But B, Lee
    said" keeps it: it opens the sentence that reports Lee)."""
    first, _, rest = sent.text[s:e].partition(" ")
    if s > sent.start and first.lower() in ("but", "and") and rest[:1].isalpha():
        return e - len(rest.lstrip())
    return s


def _extend_with_quote(sent: Sentence, s: int, e: int) -> tuple[int, int]:
    """Grow a content span to cover quotations it opens or closes."""
    text = sent.text
    while s < e and text[s] in " \t,:;—–":
        s += 1
    q = sent.quotes.at(s)
    if q and q[0] < s and text[q[0] : s].strip() in ("", "“", '"', "''"):
        s = q[0]
    q = sent.quotes.at(s)
    if q and q[1] > e:
        e = q[1]
    q = sent.quotes.at(max(s, e - 1))
    if q and q[0] < s:
        s = q[0]
    elif q and q[1] > e and q[1] - e < 600:
        e = q[1]  # 'X said the vote "was rigged. We will appeal."': the quotation goes on
    return s, e


def _about_stays(rest: str, gap: str) -> bool:
    """Whether the words after "about" (or "against") are an amount ("about 40 jobs"), or so bare
    that without "about" they would be no claim ("asked about the merger", "about it"), or the
    cue is kept from "about" by more than a name or a word ("was asked a question about")."""
    from .non_claims import _no_predicate  # (non_claims imports this module)

    lower = [w for w in gap.split() if w.islower()]
    if len(lower) > 1 or any(w in lx.DETERMINERS for w in lower):
        return True  # ("reminded viewers about", "asked him about" stay)
    if not any(ch.isalnum() for ch in rest):
        return True  # "tweeted about ..."
    word = rest.lstrip(" $").split(" ", 1)[0].lower()
    if word[:1].isdigit() or word.split("-", 1)[0] in lx.ABOUT_AMOUNTS:  # "one-third"
        return True
    return _no_predicate(rest)


def make_attribution(sent: Sentence, content, source, cue) -> Attribution | None:
    if content is None:
        return None
    s, e = content
    s, e = _extend_with_quote(sent, s, e)
    span = content_span(sent, s, e)
    if span is None:
        return None
    s, e = span
    piece = sent.text[s:e]
    if piece.strip(" .,;:!?").lower() in lx.NO_CONTENT_WORDS:
        return None  # "Lee said Tuesday.", "... said that."
    first, _, rest = piece.partition(" ")
    if (
        first.lower() in lx.CUE_PARTICLES
        and rest.strip()
        and cue is not None
        and cue[1] <= s
        and not (
            first.lower() in lx.GUARDED_PARTICLES and _about_stays(rest, sent.text[cue[1] : s])
        )
    ):
        # "agrees with Dean", "wrote of living under his reign": the particle is the cue's
        cue = (cue[0], s + len(first))
        s = e - len(rest.lstrip())
        piece = sent.text[s:e]
    direct = any(ch in '“”"' for ch in piece) or "''" in piece
    if not direct:
        s = without_conjunction(sent, s, e)
        piece = sent.text[s:e]
    word = piece.strip(" .,;:!?").lower()
    if word.endswith("ing") and is_cue_word(word):
        return None  # "He continued, saying, “A.”": the participle has the content
    if not direct and cue is not None and cue[1] <= s and _adjunct_only(piece):
        return None  # "Lee reported from Los Angeles.", "Cruz continued on Saturday."
    sentence = (min(sent.start, s), max(sent.end, e))
    if source is not None:
        source = _without_leading_marks(sent.text, source)
        source = (
            possessor_subject(sent, tidy_source(sent, source)) if can_speak(sent, source) else None
        )
        source = without_opening_preposition(sent, source) if source is not None else None
        source = without_cleft_opening(sent, source) if source is not None else None
        source = without_final_verb(sent, source) if source is not None else None
        source = name_before_participle_aside(sent, source) if source is not None else None
        source = headline_source(sent, source) if source is not None else None
    return Attribution(s, e, "direct" if direct else "indirect", source, cue, sentence)


def _without_leading_marks(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """A source without the marks left at its edges: what an embed left before it
    (">Sanders aide Jeff Weaver", ">.@BernieSanders"), a comma or dash before it (", the
    Democratic Party", "-David Rothschild") or a dash after it ("Democrats -")."""
    s, e = source
    while s < e - 1 and (text[s] in lx.SOURCE_EDGE_MARKS or text[s] == "." or text[s].isspace()):
        s += 1
    while e > s + 1 and (text[e - 1] in lx.SOURCE_EDGE_MARKS or text[e - 1].isspace()):
        e -= 1
    return s, e


def continues_after_cue(sent: Sentence, k: int, content: tuple[int, int]) -> bool:
    """Whether the words at ``k``, after "C, X said,", go on with the content: after a
    quotation only a second quotation does ('“A,” she said, “B.”'; not '“A,” she said, in
    reply to a question.')."""
    return sent.text[content[1] - 1] not in "”\"'" or sent.words[k] in lx.QUOTE_TOKENS


def forward_content(sent: Sentence, after: int, source, cue, verb: str = ""):
    """Content after the cue: to the end of the sentence or clause (``forward_end``), or
    the quotation after "X said:"."""
    n = len(sent)
    if after >= n or all(sent.words[k] in ".:!?,;" for k in range(after, n)):
        return _after_lead_in(sent, source, cue)
    if sent.lower[after] == "by" and (
        any(w in lx.BE_FORMS for w in sent.within(cue))
        or (after + 1 < n and sent.lower[after + 1].endswith("ing"))
    ):
        # "Lee was asked by a host", "Lee responded by shouting": no content here
        return _asked_by(sent, after, cue) if verb in ("asked", "pressed", "questioned") else None
    if sent.words[n - 1] == ":" and verb in lx.STRONG:
        nxt = following_quote(sent)
        if nxt is not None:
            return make_attribution(sent, nxt, source, cue)  # 'Lee said of the plan: “C.”'
    after = _skip_adjunct(sent, after, n)
    after, cue = _light_verb_object(sent, after, n, verb, cue)
    if verb in lx.FEELINGS and after + 1 < n and sent.lower[after] in lx.FEELING_PARTICLES:
        cue = (cue[0], sent.ends[after])  # "are concerned about | C"
        after += 1
    k = forward_end(sent, after, verb)
    if in_opening_phrase(sent, after):
        # "In a statement announcing the pick, the union called ...": the opening phrase
        # ends at its comma
        comma = main_clause_comma(sent, after, n)
        if comma is not None and comma < k:
            k = comma
    k = _fronted_clause_end(sent, after, k)
    end = sent.end if k >= n else sent.starts[k]
    return make_attribution(sent, (sent.starts[after], end), source, cue)


def _fronted_clause_end(sent: Sentence, after: int, k: int) -> int:
    """Where a content inside a fronted clause ends: at the comma before the main clause
    ("While the mayor has said C | , her aides have drafted ...", "When Lee announced C | ,
    some workers ..."); ``k`` when the cue is in no such clause."""
    first = 0
    while first < after and sent.lower[first] in lx.LEADING_CONNECTIVES:
        first += 1
    first = past_intensifier(sent, first)  # ("Just when Lee said C, ...")
    if sent.lower[first] not in lx.FRONTED_SUBORDINATORS:
        return k  # ("As Lee said in May, C": the main clause is what was said)
    if any(w in (",", ";", ":") or w in lx.QUOTE_TOKENS for w in sent.words[first : after + 1]):
        return k
    for j in range(after + 1, min(k, len(sent) - 1)):
        if (
            sent.words[j] == ","
            and sent.quotes.at(sent.starts[j]) is None
            and new_clause_at(sent, j + 1, len(sent))
        ):
            return j
    return k


def _after_lead_in(sent: Sentence, source, cue) -> Attribution | None:
    """ "X said:" then the quotation (or the paragraph: a block quotation) that follows; not
    after "... as he replied." a quotation that names its own speaker ('“A,” Lee said.')."""
    colon = sent.words[len(sent) - 1] == ":"
    nxt = following_quote(sent)
    if nxt is None and colon:
        nxt = following_paragraph(sent)
    if nxt is None:
        return None
    if not colon and sent.text[nxt[0] : nxt[1]].rstrip("”\"' ")[-1:] == ",":
        return None
    return make_attribution(sent, nxt, source, cue)


def _asked_by(sent: Sentence, after: int, cue) -> Attribution | None:
    """ "Lee was asked by a host whether C": the host asks C."""
    n = len(sent)
    q = next(
        (j for j in range(after + 2, min(n - 1, after + 8)) if sent.lower[j] in lx.WH_OR_IF),
        None,
    )
    if q is None or has_verb(sent.words[after + 1 : q]):
        return None
    host = (sent.starts[after + 1], sent.ends[q - 1])
    return make_attribution(sent, (sent.starts[q], sent.end), host, cue)


def quote_after_source(sent: Sentence, content: tuple[int, int], src_end: int):
    """'“A,” said Jo Lee, a nurse, “B.”': a quotation that goes on after the source (and
    its apposition or a participle phrase) in the same sentence belongs to the content."""
    if sent.text[content[0] : content[1]].rstrip("”\"' ")[-1:] != ",":
        return content
    for k in range(len(sent)):
        if sent.starts[k] < src_end:
            continue
        if sent.words[k] in lx.QUOTE_TOKENS:
            q = sent.quotes.at(sent.starts[k])
            if q is None or q[0] != sent.starts[k] or sent.words[k - 1] != ",":
                return content
            return content[0], q[1]
    return content


def _light_verb_object(sent: Sentence, after: int, n: int, verb: str, cue):
    """ "Lee expressed his condolences over C", "voiced skepticism that C": the noun after
    a verb of expressing belongs to the cue; the content is what follows its preposition."""
    if verb not in lx.LIGHT_VERBS:
        return after, cue
    k = after
    if k < n and (sent.lower[k] in lx.DETERMINERS or possessive(sent.words[k])):
        k += 1
    for m in range(k + 1, min(n - 1, k + 3)):
        w = sent.lower[m]
        if w in lx.LIGHT_PARTICLES and all(x.isalpha() and x.islower() for x in sent.words[k:m]):
            start = m if w == "that" else m + 1
            return start, (cue[0], sent.ends[m - 1] if w == "that" else sent.ends[m])
    return after, cue


def _skip_adjunct(sent: Sentence, after: int, n: int) -> int:
    """Index after an adverb or phrase that stands between the cue and its content: 'Lee
    replied evenly, “C.”', 'as Lee pointed out in December, “C.”', 'Lee described, in
    blistering terms, a set of ...'; ``after`` itself when there is none."""
    after = _after_as_clause_adjunct(sent, after, n)
    if sent.words[after] in ("—", "–", "-", "--"):
        # 'Lee said — on Twitter, as it happens — that C'
        for k in range(after + 2, min(n - 2, after + 12)):
            if sent.words[k] == sent.words[after]:
                return k + 1
    if (
        sent.words[after] == ","
        and after + 1 < n
        and (sent.lower[after + 1] in lx.PREPOSITIONS or sent.lower[after + 1].endswith("ly"))
    ):
        for k in range(after + 2, min(n - 2, after + 10)):
            if sent.words[k] == ",":
                return after if has_verb(sent.words[after + 1 : k]) else k + 1
    quote = _quote_after_adjunct(sent, after, n)
    if quote is not None:
        return quote
    # 'Lee said on Friday that C', 'Lee announced last week that C'
    that = that_after_adjunct(sent, after, n)
    first = sent.lower[after]
    adjunct = first in lx.PREPOSITIONS or first in lx.TIME_WORDS or first in lx.WEEKDAYS
    if adjunct and that is not None and not has_verb(sent.words[after:that]):
        return that
    return after


def _after_as_clause_adjunct(sent: Sentence, after: int, n: int) -> int:
    """ "As the mayor said in May, C": the adjunct after the cue of an opening "as" clause
    is the cue's; the content is the main clause after its comma (``after`` otherwise)."""
    first = 0
    while first < after and sent.lower[first] in lx.LEADING_CONNECTIVES:
        first += 1
    if sent.lower[first] != "as" or any(
        w in lx.CLAUSE_END_MARKS or w in lx.QUOTE_TOKENS for w in sent.words[first:after]
    ):
        return after
    comma = next((k for k in range(after + 1, min(n - 2, after + 9)) if sent.words[k] == ","), None)
    if comma is None or not _short_time_or_place(sent, after, comma):
        return after
    return comma + 1


def _short_time_or_place(sent: Sentence, i: int, hi: int) -> bool:
    """Tokens [i, hi) are a short adjunct without a verb or a pronoun ("in May", "last week",
    "on Twitter"; "in May" is a name there, not the auxiliary)."""
    opens = sent.lower[i] in lx.PREPOSITIONS or sent.lower[i] in lx.TIME_WORDS
    return (
        opens
        and hi - i <= 8
        and not has_verb(sent.words[i:hi])
        and not any(w in lx.PERSONAL_PRONOUNS for w in sent.lower[i:hi])
    )


def _quote_after_adjunct(sent: Sentence, after: int, n: int) -> int | None:
    """'Lee replied evenly, “C.”': the index of the quotation after a short adjunct (``after``
    itself when a verb stands between them); None when no quotation follows it."""
    for k in range(after + 1, min(n - 1, after + 16)):
        w = sent.words[k]
        if w in (",", ":") and sent.quotes.opens(sent.starts[k + 1]):
            if not long_quote_in(sent, k + 1, k + 2):
                return None  # 'said in his book, “River Town,” that C': a title, not the content
            return after if has_verb(sent.words[after:k]) else k + 1
        if w in lx.QUOTE_TOKENS or w in (";", "."):
            return None
    return None


def forward_end(sent: Sentence, after: int, verb: str) -> int:
    """Token index where the content of a forward cue ends (``len(sent)``: the sentence end).

    Ends: a semicolon; a second cue verb of the same subject ("declined to comment but
    said ..."); a quotation closed by a comma ('said "A," but in fact ...'); and, for verbs
    whose object is a noun phrase ("called the plan a disgrace in a tweet"), the first
    comma, adjunct preposition or "and" + verb after that phrase.
    """
    n = len(sent)
    k = compound_break(sent, after + 1, n)
    stop = n if k is None else (k - 1 if sent.words[k - 1] == "," else k)
    object_np = verb not in lx.CLAUSE_VERBS and sent.lower[after] not in lx.CLAUSE_OPENERS
    sibling = sibling_speaker(sent, after, stop, object_np)
    if sibling is not None:
        stop = sibling
    if sent.words[after] in lx.QUOTE_TOKENS:
        q = sent.quotes.at(sent.starts[after])
        if q is not None and sent.text[q[0] : q[1]].rstrip("”\"' ")[-1:] == ",":
            j = after
            while j < stop and sent.starts[j] < q[1]:
                j += 1
            return j
    for j in range(after_opening_aside(sent, after, stop), stop):
        if object_np and _noun_phrase_ends_at(sent, after, j, stop, verb):
            return j
        w = sent.lower[j]
        if (
            j - 2 > after
            and after_comma_quote(sent, j)
            and (w in lx.CONTRAST_OPENERS or participle_clause_at(sent, j))
        ):
            return j  # 'said it was “dead,” adding ...' / '“dead,” but ...'
        contrast = (
            (w in lx.CONTRAST_OPENERS or _even_clause_at(sent, j, stop))
            and sent.words[j - 1] in lx.CLAUSE_MARKS
            # ("said that A, but that B": a second complement of the same cue)
            and not (w == "but" and j + 1 < stop and sent.lower[j + 1] == "that")
            and not short_aside(sent, j, stop)
            and not (w == "but" and but_goes_on(sent, after, j, stop))
            and not (w == "while" and figures_compared(sent, after, j, stop))
        )
        mark = w in (";", ",", "—", "–", "and") or (
            object_np and w in lx.ADJUNCTS and not _reason_goes_on(sent, after, j)
        )
        if (mark or contrast) and sent.quotes.at(sent.starts[j]) is None:
            end = _mark_ends(sent, after, j, stop, object_np, contrast, verb)
            if end is not None:
                return end
    return stop


def _bare(content: str) -> bool:
    """Whether ``content`` alone would be no claim ("the levy", "it")."""
    from .non_claims import _no_predicate  # (non_claims imports this module)

    return _no_predicate(content)


def _reason_goes_on(sent: Sentence, after: int, j: int) -> bool:
    """Whether "because" at ``j`` gives the reason of a judgement in a noun-phrase content, which
    PolNeAR keeps in it ("called the plan \"a mistake\" | because ...", "accused Lee of hiding
    it because ..."); not after a name or pronoun alone ("is backing Ann Lee because ..."), nor
    after a bare noun phrase, which stays no claim ("skipped the hearing because ..."), after "in
    part" (the reporter's reason) or before a cue of the clause's own ("because it pays: He said
    C")."""
    return (
        sent.lower[j] == "because"
        and j > after
        and any(
            w.isalpha() and w.islower() and w not in lx.PERSONAL_PRONOUNS
            for w in sent.words[after:j]
        )
        and not _bare(sent.text[sent.starts[after] : sent.ends[j - 1]])
        and sent.lower[j - 1] != "part"  # ("in part because": the reporter's own reason)
        and not any(is_cue_word(x) for x in sent.lower[j + 1 :])
    )


def _subordinate_clause_at(sent: Sentence, k: int, stop: int) -> bool:
    """Whether a clause with its own subject and verb starts at ``k`` (after "after", "as",
    "when", "before"): a pronoun or a noun phrase of up to four words (a determiner, a
    possessive or a name first), then a past, finite or -s verb."""
    if k >= stop:
        return False
    low = sent.lower[k]
    if low in ("he", "she", "they", "we", "i", "it"):
        v = k + 1
    elif low in lx.DETERMINERS or sent.words[k][:1].isupper():
        v = k + 1
        while v < stop and v - k < 5 and sent.words[v].isalpha():
            if sent.words[v].islower() and verb_like_or_finite(sent.lower[v]):
                break
            v += 1
    else:
        return False
    if v >= stop or not sent.words[v].isalpha() or not sent.words[v].islower():
        return False
    verb = sent.lower[v]
    return verb_like_or_finite(verb) or (v == k + 1 and s_form(verb))


def _even_clause_at(sent: Sentence, j: int, stop: int) -> bool:
    """ "even as" or "even though" and a clause at ``j``: the reporter's contrast, as "while" is
    ("has said he will back the nominee | , even as he criticizes him"); "even if" mostly goes
    on with what was said."""
    return sent.lower[j] == "even" and j + 2 < stop and sent.lower[j + 1] in ("as", "though")


def _noun_phrase_ends_at(sent: Sentence, after: int, j: int, stop: int, verb: str) -> bool:
    """Whether a noun-phrase content from ``after`` ends before token ``j``: at the main verb
    after a participle phrase, at where or when it was said, at a clause of when or why
    ("after her son came out against it"; not after a bare noun, nor with a cue of its own)."""
    if verb.endswith("ing") and main_verb_after_participle(sent, after, j, stop):
        return True  # "Democrats supporting Mrs. Clinton | have pointed to ..."
    if medium_adjunct_at(sent, j) and not any(
        x in lx.GOES_ON or x in lx.FINITE for x in sent.lower[j:stop]
    ):
        return True  # "blamed local officials | on Twitter before the speech."
    if (
        sent.lower[j] in lx.TIME_SUBORDINATORS
        and not _reason_goes_on(sent, after, j)
        and _subordinate_clause_at(sent, j + 1, stop)
        and not _bare(sent.text[sent.starts[after] : sent.ends[j - 1]])
        and not any(is_cue_word(x) for x in sent.lower[j + 1 : stop])
    ):
        return True  # "endorsed the new levy plan | after her son came out against it"
    # (up to the next comma or the end: "endorsed Lee | in early June, but only after ...")
    end = next((k for k in range(j, stop) if sent.words[k] in (",", ";", "—", "–")), stop)
    if end + 1 < stop and sent.words[end + 1][:1].isupper():
        return False  # ("Tuesday in Texas, Oklahoma and Alaska": a list goes on)
    return (
        time_adjunct_at(sent, j)
        and sent.quotes.at(sent.starts[j]) is None
        and all(x.isalnum() or x in ".," for x in sent.words[j:end])
        and len([x for x in sent.words[j:end] if x.isalnum()]) <= (4 if end == stop else 3)
    )  # "endorsed Lee | last week.": a time phrase that ends the clause


def _mark_ends(
    sent: Sentence, after, j, stop, object_np: bool, contrast: bool, verb: str = ""
) -> int | None:
    """Where the content ends at the mark, conjunction or contrast at ``j`` (None: it goes
    on)."""
    w = sent.lower[j]
    if w == ";":
        return j
    if (
        w in (",", "—", "–", "-", "--")
        and j + 2 < stop
        and sent.lower[j + 1] == "and"
        and new_clause_at(sent, j + 2, stop)
    ):
        return j  # "said A, and the market did nothing" / "A — and": the reporter's own clause
    if object_np and _noun_phrase_goes_on(sent, after, j, stop):
        return None
    if object_np and w == "," and list_tail(sent, j + 1, stop):
        return stop  # "called Oz a quack, fake and charlatan"
    if w == "," and _reporters_apposition(sent, after, j, stop):
        return j  # "said A, a move the council approved" / ", whose ...": the reporter's
    if w == "," and j - after >= 2 and j + 1 < stop and participle_clause_at(sent, j + 1):
        return j  # "proposed to scale back the rule, siding with its critics"
    if object_np and (w != "and" or (j + 1 < stop and verb_like(sent.lower[j + 1]))):
        return j
    if w == "and" and _second_predicate(sent, after, j, stop, verb):
        return j
    if contrast:
        return j - 1  # "said A, but B": the contrast is the reporter's
    return None


def _reporters_apposition(sent: Sentence, after: int, j: int, stop: int) -> bool:
    """Whether the comma at ``j`` opens the reporter's apposition to the whole content, the last
    phrase of the sentence: ", a move the council approved", ", whose ...", ", the first such
    vote in years" (not the next item of a list: ", the closure of loopholes and ...")."""
    if j - after < 4 or j + 2 >= stop or "," in sent.words[j + 2 : stop]:
        return False
    first = sent.lower[j + 1]
    if first == "the":
        return _the_apposition(sent, after, j, stop)
    return first in ("a", "an", "one", "whose")


def _the_apposition(sent: Sentence, after: int, j: int, stop: int) -> bool:
    """ ", the first such vote in years" at ``j``; not a list (", the closure of loopholes and
    ..."), nor the main clause after a fronted phrase ("that even in small towns, the levy
    failed", "said that while A, the B ...")."""
    if any(w in ("and", "or") for w in sent.lower[j + 2 : stop]) or new_clause_at(
        sent, j + 1, stop
    ):
        return False
    opening = after + 1 if sent.lower[after] == "that" else after
    word = sent.lower[opening]
    return not (word in lx.FRONTED_SUBORDINATORS or word in lx.PREPOSITIONS or word == "even")


def _noun_phrase_goes_on(sent: Sentence, after: int, j: int, stop: int) -> bool:
    """Whether a noun-phrase content goes on over the comma or "but" at ``j``: "proposed a
    mandate for all fuels, including ...", "Sept. 11, 2001", "backed not a rent freeze, but a
    rent holiday"."""
    w = sent.lower[j]
    if w == "," and j + 1 < stop and continues_noun_phrase(sent, j + 1):
        return True
    but = j + 1 if w == "," and j + 1 < stop and sent.lower[j + 1] == "but" else j
    return sent.lower[but] == "but" and but_goes_on(sent, after, but, stop, True)


def _second_predicate(sent: Sentence, after: int, j: int, stop: int, verb: str) -> bool:
    """Whether "and" at ``j`` opens a second predicate of the speaker after an infinitive
    content with no verb of its own ("vowed to keep the clinic open | and praised the ruling",
    "declined to be named | and is not on the staff", "looking to rest | and thinking of
    ..."): a past, finite or (after a participle cue) -ing verb does not go on with the
    infinitive."""
    to = after + 1 if sent.lower[after] == "not" else after
    if j + 1 >= stop or sent.lower[to] != "to":
        return False
    if any(
        w in lx.FINITE or w in lx.CLAUSE_MARKS or w in lx.WH_OR_IF for w in sent.lower[to + 2 : j]
    ):
        return False  # ("to say that the tax was fair and ...": the clause's own "and")
    infinitive = sent.words[to + 1]  # ("talking to voters about ...": no infinitive)
    if not infinitive.isalpha() or not infinitive.islower() or plural_noun(infinitive):
        return False
    if infinitive in lx.DETERMINERS or infinitive in lx.PERSONAL_PRONOUNS:
        return False
    nxt = sent.words[j + 1]
    low = sent.lower[j + 1]
    if not (nxt.isalpha() and nxt.islower()):
        return False  # ("and need-based aid": a compound adjective)
    if verb.endswith("ing") and low.endswith("ing"):
        return low not in lx.NP_PARTICIPLES
    return low.endswith("ed") or low in lx.IRREGULAR_PAST or low in lx.SECOND_PREDICATE_FINITE


def passive_complement(sent: Sentence, after: int, source):
    """Character span of "for C" / "as C" / "over C" after a passive cue and its agent, to
    the clause's end; None when there is none."""
    n = len(sent)
    c = after
    while source is not None and c < n and sent.starts[c] < source[1]:
        c += 1
    if c + 1 >= n or sent.lower[c] not in lx.PASSIVE_COMPLEMENTS or sent.lower[c + 1] == "well":
        return None
    k = clause_end(sent, c + 1)
    return sent.starts[c], (sent.ends[k - 1] if k < n else sent.end)


def relative_content(sent: Sentence, after: int, source, cue):
    """Content of a cue inside a relative clause: up to the clause's end (a comma, dash or
    semicolon outside quotation marks) or the end of the sentence."""
    n = len(sent)
    k = after
    while k < n:
        if sent.words[k] in lx.CLAUSE_MARKS and sent.quotes.at(sent.starts[k]) is None:
            break
        k += 1
    if k == after:
        return None
    end = sent.ends[k - 1] if k < n else sent.end
    return make_attribution(sent, (sent.starts[after], end), source, cue)


def content_before(sent: Sentence, k: int) -> tuple[int, int] | None:
    """Content ending at token ``k`` (a comma or closing quote) in an inverted sentence."""
    end = sent.ends[k] if sent.words[k] != "," else sent.starts[k]
    if sent.words[k] == "," and k > 0 and sent.words[k - 1] in lx.QUOTE_TOKENS:
        end = sent.ends[k - 1]
    # quotation ending here: the whole quotation, however many sentences it spans
    q = sent.quotes.at(end - 1)
    # Only the quotation when the reporter's words before it end in ":" or ","
    # ('In her speech she urged calm: "Stay home," Lee said.')
    lead = sent.text[sent.start : q[0]].rstrip() if q is not None else ""
    if (
        q is not None
        and q[1] >= end - 1
        and (q[0] <= sent.start or lead[-1:] in ("", ":", ","))
        and not (lead[-1:] == "," and _quoted_predicate(sent, q))
    ):
        return q[0], max(end, q[1])
    if k < 2 or all(w in lx.LEADING_CONNECTIVES for w in sent.lower[:k]):
        return None  # ("And yet, Lee said, C": no content before the speaker)
    # The content starts after a dash, colon or semicolon before it: "He had a rally that
    # night - and the permit, his aide said, was hard to get."
    start = sent.start
    for j in range(k - 1, 0, -1):
        if sent.words[j] in lx.CLAUSE_BREAKS and sent.quotes.at(sent.starts[j]) is None:
            start = sent.ends[j]
            break
    if start == sent.start and sent.lower[0].endswith("ing") and sent.words[0][:1].isupper():
        # "Emerging from the talks, the minister looked ashen, Lee said": the opening
        # participle phrase is the reporter's
        for j in range(1, min(k - 2, 16)):
            if sent.words[j] in lx.QUOTE_TOKENS:
                break
            if sent.words[j] == ",":
                start = sent.ends[j]
                break
    return start, end


def _quoted_predicate(sent: Sentence, q: tuple[int, int]) -> bool:
    """A quotation that opens with a lower-case verb, the predicate of the reporter's subject
    before it: 'The party, held every year, "allows us to get our message out," X said.'"""
    first = sent.text[q[0] + 1 : q[1]].split(None, 1)[:1]
    word = first[0] if first else ""
    return word[:1].islower() and (verb_like_or_finite(word) or s_form(word))


def _subordinate_clause(words: list[str]) -> bool:
    """Whether the words after "after", "because" ... are the clause's subject and verb and
    nothing else ("the city failed to answer"); not a phrase before what was said ("after the
    convention he would not accept", "after a long inquiry not to press charges")."""
    for n, w in enumerate(words[:6]):
        subject = w.split("’")[0].split("'")[0] in lx.NOMINATIVE
        if subject and n > 0:
            return False  # (a subject after a noun phrase: the main clause starts there)
        if w not in ("not", "that") and (w in lx.FINITE or w.endswith("ed") or "’" in w):
            return True
    return False


def _adjunct_only(piece: str) -> bool:
    """A short phrase opening with a preposition of place, time or agent, a length of time or a
    clause of time or reason: an adjunct of the verb, not what was said ("from Los Angeles", "on
    Saturday", "in a tweet", "by Japan", "for months", "after the city failed to answer")."""
    first, *rest = piece.lower().split()
    if first in lx.ADVERBIAL_SUBORDINATORS and "," not in piece:
        return _subordinate_clause(rest)  # "sued after the city failed to answer": when or why
    if first == "for" and 0 < len(rest) <= 3 and rest[-1].strip(".,;") in lx.DURATION_WORDS:
        return True  # "had sparred for months", "thought for a moment"
    if has_verb(rest):
        return False  # "said by the end of the year the plant would close"
    if first == "by":
        return len(rest) < 10  # "changes proposed by the government": the agent of a participle
    if first == "at" and rest[:1] in (["least"], ["most"]):
        return False  # "reported at least six planes": a quantity
    return len(rest) < 6 and first in lx.ADJUNCT_OPENERS


def describes_its_noun(text: str, att: Attribution) -> bool:
    """ "delegates who pledged to back him", "Americans who want easy access to guns": a
    restrictive relative clause (no comma before "who") whose verb is not one of saying or
    believing tells which people are meant; it reports nothing they said."""
    if att.source is None or text[att.source[0] : att.source[1]].lower() not in ("who", "which"):
        return False
    before = text[max(0, att.source[0] - 40) : att.source[0]]  # (not a copy of the article)
    if before.rstrip().endswith((",", "—", "–", "-", "(")):
        return False  # "Lee, who said C": an aside about a speaker
    cue = att.cue_words(text)
    verb = cue[-1] if cue else ""
    return verb not in lx.CLAUSE_VERBS or verb in lx.COMMITMENT_VERBS
