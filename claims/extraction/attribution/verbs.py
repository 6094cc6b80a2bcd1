"""Stage 6a: the shapes a verb cue takes, and the attribution each one makes.

Without a subject before the cue: inverted ("C, said X."), participle (", saying C"), compound
("X declined ... but said C"), passive ("The plan was endorsed by X"), relative ("X, who said C,
..."); with the subject before it: forward ("X said (that) C", "X told Y C", "X said:"), inverted
("C, X said."), raising ("It appears that C"). ``verb_cue`` tries them in that order.
"""

import re

from .. import lexicon as lx
from .clauses import (
    clause_end,
    clause_like,
    main_clause_comma,
    short_adjunct_tail,
    skip_prepositional_phrase,
    tail_is_adjunct,
    that_after_adjunct,
)
from .contents import (
    Attribution,
    content_before,
    continues_after_cue,
    forward_content,
    forward_end,
    make_attribution,
    passive_complement,
    quote_after_source,
    relative_content,
)
from .cues import (
    Cue,
    cue_modifier,
    cue_modifiers_before,
    is_verb_use,
    listener_end,
    passive_cue,
    phrase_cue,
    skip_time_before,
    takes_listener,
)
from .quotes import (
    after_comma_quote,
    exclaimed_quote_before,
    long_quote_in,
    quote_ending_at,
    quote_opens_clause,
)
from .subjects import (
    drop_trailing_clause,
    evidence_head,
    fronted_clause,
    initial_subject,
    main_subject,
    passive_agent,
    plausible_subject,
    source_after,
    speaker_end,
    speaker_span,
    subject_before,
)
from .tokens import Sentence, has_verb, is_cue_word, name_part, verb_like, verb_like_or_finite

# A pronoun's contracted auxiliary: "he’s hoping", "they're proposing".
_CONTRACTION = re.compile(r"[’'](?:s|re|ve|ll|d)$")


_NO_SHAPE = object()  # "no shape matched; try the next ones" (None means "not a cue here")


def quote_speaker_verb(sent: Sentence, i: int):
    """'“Denver,” he answered.' / '“Why?” asked Ms. Lee.': a quotation closed by a comma,
    question or exclamation mark, then a speaker and any past-tense verb, and nothing but
    an adjunct or a clause of its own after them ('... he barked and a guard led him out'), is
    attributed to that speaker whatever the verb."""
    n = len(sent)
    a = i - 1  # the speaker before the verb: a pronoun, a short name or "the editorial"
    if sent.lower[a] not in lx.PERSONAL_PRONOUNS:
        while a > 0 and name_part(sent.words[a - 1]) and i - a < 5:
            a -= 1
        if (
            a == i - 1
            and a > 1
            and sent.words[a].isalpha()
            and sent.lower[a - 1] in ("the", "a", "an")
        ):
            a -= 1
    end = i + 1  # after the verb and its particle ("pointed out", "shot back")
    # (not a preposition that opens an adjunct: "Lee charged in her closing remarks")
    if end < n and sent.lower[end] in lx.QUOTE_PARTICLES and tail_is_adjunct(sent, end + 1, n):
        end += 1
    if speaker_end(sent, a) == i:
        q = quote_ending_at(sent, a - 1)
        listener = takes_listener(sent.lower[i]) or _pronoun_listener(sent, end)
        after = listener_end(sent, end, n) if listener else end
        tail = tail_is_adjunct(sent, after, n) and not _infinitive_after_listener(sent, end, after)
        if q is not None and (tail or _next_clause(sent, after)):
            source = (sent.starts[a], sent.ends[i - 1])
            return make_attribution(sent, q, source, (sent.starts[i], sent.ends[end - 1]))
    b = speaker_end(sent, i + 1)  # the speaker after the verb
    q = quote_ending_at(sent, i - 1)
    if q is not None and b is not None and tail_is_adjunct(sent, b, n):
        source = (sent.starts[i + 1], sent.ends[b - 1])
        return make_attribution(sent, q, source, (sent.starts[i], sent.ends[i]))
    return None


def _pronoun_listener(sent: Sentence, k: int) -> bool:
    """'“C,” he urged them.': an object pronoun at ``k`` with nothing but an adjunct after it
    is whom the speaker addressed, whatever the verb."""
    return (
        k < len(sent)
        and sent.lower[k] in _LISTENER_PRONOUNS
        and tail_is_adjunct(sent, k + 1, len(sent))
    )


_LISTENER_PRONOUNS = frozenset(lx.words("him them us me"))


def _next_clause(sent: Sentence, k: int) -> bool:
    """ "and a guard led him out", ", and the crowd cheered": a clause of its own after "and"
    at ``k``, opening with a determiner or a pronoun."""
    if k < len(sent) and sent.words[k] == ",":
        k += 1
    return (
        k + 2 < len(sent)
        and sent.lower[k] == "and"
        and (sent.lower[k + 1] in ("the", "a", "an") or sent.lower[k + 1] in lx.NOMINATIVE)
    )


def verb_cue(sent: Sentence, i: int, prev: Attribution | None) -> Attribution | None:
    """An attribution with the verb cue at token ``i``: the ``SHAPES_WITHOUT_SUBJECT`` in order,
    then an infinitive ("refused to say"), then ``_shape_with_subject``."""
    if not is_verb_use(sent, i):
        return None
    n = len(sent)
    w = sent.lower[i]
    end = i + 1
    if end < n and (w, sent.lower[end]) in lx.COMPOUND_NOUNS:
        return None  # "a liberal think tank", "(Reporting by Jo Lee)"
    phrase = phrase_cue(sent, i)
    if phrase is not None:
        end, w = phrase
        if end < n and sent.lower[end] in lx.STATEMENT_PARTICIPLES:
            end += 1  # "issued a statement saying C"
    particles = lx.PARTICLES.get(w) or ()
    if phrase is None and end < n and sent.lower[end] in particles:
        end += 1
    elif _phrasal(sent, end, w) and phrase is None:
        return None  # "the party backed down", "voters signed up": another verb
    m = cue_modifiers_before(sent, i, 0)
    c = Cue(i, w, m, skip_time_before(sent, m, 0), end, (sent.starts[m], sent.ends[end - 1]))
    for shape in SHAPES_WITHOUT_SUBJECT:
        att = shape(sent, c, prev)
        if att is not _NO_SHAPE:
            return att
    if m > 1 and sent.lower[m - 1] == "to":
        return _infinitive(sent, c)
    return _shape_with_subject(sent, c)


def _phrasal(sent: Sentence, k: int, w: str) -> bool:
    """A particle after a cue word that is no speech verb makes another verb of it ("backed
    down", "signed up"); speech keeps it ("talked up her plan", "wrote back")."""
    return k < len(sent) and sent.lower[k] in lx.PHRASAL_PARTICLES and w not in lx.STRONG


def _infinitive(sent: Sentence, c: "Cue"):
    """ "Lee refused to say whether C", "He went on to tell reporters C": the subject of the
    verb before "to" is the source; the cue runs from that verb to the speech verb."""
    k = c.m - 2  # the token before "to": the controlling verb, maybe after an adverb
    while k > 0 and not (verb_like(sent.lower[k]) or sent.lower[k] in lx.FINITE):
        if c.m - 2 - k >= 3:
            return None
        k -= 1
    if k <= 0:
        return None
    start = cue_modifiers_before(sent, k, 0)
    subj = subject_before(sent, skip_time_before(sent, start, 0), 0)
    if subj is None or not plausible_subject(sent, subj[0], subj[1], False):
        return None
    source = (sent.starts[subj[0]], sent.ends[subj[1] - 1])
    after = listener_end(sent, c.end, len(sent), c.w) if c.w in lx.LISTENER_VERBS else c.end
    return forward_content(sent, after, source, (sent.starts[start], c.span[1]), c.w)


def _after(sent: Sentence, c: Cue) -> int:
    """Where the content may start: after the cue, and after the listener of "told X"."""
    return listener_end(sent, c.end, len(sent), c.w) if c.w in lx.LISTENER_VERBS else c.end


# Each shape below returns the attribution it reads (None when the cue reads nothing there), or
# ``_NO_SHAPE`` when the sentence does not have that shape.


def _inverted_source_after(sent: Sentence, c: Cue, prev):
    """ "C, said X." / '“C,” said X, a nurse.': the source follows the cue."""
    n = len(sent)
    m = c.m
    if not (
        c.w in lx.INVERTIBLE
        and c.w not in lx.LISTENER_VERBS
        and m > 1
        and c.end < n
        and (sent.words[m - 1] == "," or sent.quotes.closes(sent.ends[m - 1]))
    ):
        return _NO_SHAPE
    src = source_after(sent, c.end, n)
    if src is not None and _only_time(sent, src):
        return _NO_SHAPE  # '“C,” Flynn, a surrogate, said Thursday morning': no source after
    if src is not None and _clause_after_source(sent, src[1]):
        # "Ann Roe, for example, said Lee’s visit would help": the noun after the cue is the
        # subject of its content, not a speaker
        return _NO_SHAPE
    content = content_before(sent, m - 1) if src is not None else None
    if content is not None and not clause_like(sent, content):
        # No verb before the comma: "Jo Lee, a nurse, said Monday her worry is C" is
        # a forward cue, unless the clause goes on after the source ("The contrast,
        # said Lee, would be clear").
        k = next((k for k in range(n) if sent.starts[k] >= src[1]), n)
        before = sent.within(content)
        if (
            k + 1 < n
            and sent.words[k] == ","
            and verb_like_or_finite(sent.lower[k + 1])
            and "," not in before
        ):
            # (not "Jo Lee, a nurse, said the man who hired her, Al Roe, should go")
            content = (content[0], sent.end)
        elif (k >= n or sent.words[k] in ".!?") and "," not in before:
            pass  # "Costs rise, says Lee.": a clause whose verb is not known
        else:
            content = None
    if content is None:
        return _NO_SHAPE
    content = quote_after_source(sent, content, src[1])
    return make_attribution(sent, content, src, c.span)


def _fronted_cue(sent: Sentence, c: Cue, prev):
    """A cue that opens the sentence (maybe after "But" and a comma), then its speaker, a
    comma or colon and a quotation to the sentence's end: 'Said Jo Lee, who runs the shop,
    “We were proud.”'."""
    n = len(sent)
    first = 0
    while first < c.m and sent.lower[first] in lx.LEADING_CONNECTIVES:
        first += 1
    if c.m != first or c.w not in lx.INVERTIBLE or c.w in lx.LISTENER_VERBS:
        return _NO_SHAPE
    src = source_after(sent, c.end, n)
    if src is None:
        return _NO_SHAPE
    k = next((k for k in range(c.end, n) if sent.starts[k] >= src[1]), n)
    if k + 1 >= n or sent.words[k] not in (",", ":") or not sent.quotes.opens(sent.starts[k + 1]):
        return _NO_SHAPE
    q = sent.quotes.at(sent.starts[k + 1])
    if max(q[1], sent.ends[n - 1]) - q[1] > 2:
        return _NO_SHAPE  # the sentence goes on after the quotation
    return make_attribution(sent, (q[0], q[1]), src, c.span)


def _clause_after_source(sent: Sentence, end: int) -> bool:
    """Whether a finite verb follows a source ending at character ``end`` in the same clause
    (not in a relative clause after it: "said the man who was arrested")."""
    for k in range(len(sent)):
        if sent.starts[k] < end:
            continue
        w = sent.lower[k]
        if sent.words[k] in lx.CLAUSE_END or w in ("who", "which", "that", "whose"):
            return False
        if w in lx.FINITE and sent.words[k].islower():
            return True
    return False


def _only_time(sent: Sentence, span: tuple[int, int]) -> bool:
    """Whether a span holds nothing but a time ("Thursday morning", "last week")."""
    ks = [k for k in range(len(sent)) if span[0] <= sent.starts[k] < span[1]]
    return bool(ks) and all(sent.lower[k] in lx.TIME_WORDS | lx.TIME_NOUNS for k in ks)


def _participle_with_agent(sent: Sentence, c: Cue, prev):
    """ "The bill, opposed by House Republicans, never passed": the noun phrase before the
    comma is the content, the agent the source; "Mindich, accused by the bureau of overseeing a
    kickback scheme": what he is accused of is."""
    m = c.m
    if not (c.w.endswith("ed") and m == c.i and m > 1 and sent.words[m - 1] == ","):
        return _NO_SHAPE
    agent = passive_agent(sent, c.end)
    if not agent:
        return _NO_SHAPE
    charge = _charge_after(sent, agent[1])
    if charge is not None and c.w in lx.CHARGING:
        return make_attribution(sent, charge, agent, c.span)
    subj = subject_before(sent, m - 1, 0)
    if subj is None or has_verb(sent.words[subj[0] : subj[1]]):
        return _NO_SHAPE
    a, b = subj
    return make_attribution(sent, (sent.starts[a], sent.ends[b - 1]), agent, c.span)


def _charge_after(sent: Sentence, end: int) -> tuple[int, int] | None:
    """ "of overseeing a kickback scheme" (or "for ...") right after the agent ending at ``end``:
    the span after the preposition to the clause's end."""
    k = next((k for k in range(len(sent)) if sent.starts[k] >= end), len(sent))
    if k + 1 >= len(sent) or sent.lower[k] not in ("of", "for"):
        return None
    stop = clause_end(sent, k + 1)
    return sent.starts[k + 1], sent.ends[stop - 1]


def _participle_after_comma(sent: Sentence, c: Cue, prev):
    """ ", adding ...", "by saying ...", "— saying ...": the previous cue's source or the
    sentence's subject speaks."""
    m = c.m
    if not (
        c.w.endswith("ing")
        and m > 0
        and (sent.lower[m - 1] in lx.PARTICIPLE_OPENERS or after_comma_quote(sent, m))
        and not any(x in lx.BE_FORMS for x in sent.lower[m : c.i])  # (", is planning": a verb)
    ):
        return _NO_SHAPE
    source = _compound(sent, m - 1, prev)
    return None if source is None else forward_content(sent, _after(sent, c), source, c.span, c.w)


def _participle_after_subordinator(sent: Sentence, c: Cue, prev):
    """ "After blasting the report, Lee left": the source is the main clause's subject (after
    the opening phrase, which is the content); "Lee agreed, while saying C": the
    sentence's subject, as after ", saying"."""
    if not (c.w.endswith("ing") and c.m > 0 and sent.lower[c.m - 1] in lx.PARTICIPLE_SUBORDINATORS):
        return _NO_SHAPE
    opener = c.m - 1
    after = _after(sent, c)
    if any(sent.lower[k] not in lx.LEADING_CONNECTIVES for k in range(opener)):
        source = _compound(sent, opener, prev)
        return None if source is None else forward_content(sent, after, source, c.span, c.w)
    return _opening_participle(sent, c, after)


def _participle_opening(sent: Sentence, c: Cue, prev):
    """ "Noting that C, Lee put ...", "Having announced that C, Lee left"."""
    w, n = c.w, len(sent)
    having = c.i == 1 and sent.words[0] == "Having"
    if not (
        ((w.endswith("ing") and c.m == 0 and sent.words[c.i][:1].isupper()) or having)
        # ("Writing for the Times, Lee ...", "Speaking at a rally, ...": no content)
        and not (c.end < n and sent.lower[c.end] in lx.PREPOSITIONS - lx.TOPIC_PREPOSITIONS)
    ):
        return _NO_SHAPE
    if having:
        c = c._replace(span=(sent.starts[0], c.span[1]))
    att = _opening_participle(sent, c, _after(sent, c))
    return _NO_SHAPE if att is None else att


def _asked_after_when(sent: Sentence, c: Cue, prev):
    """'“Yes,” Lee said when asked whether C'."""
    if not (
        c.w in ("asked", "pressed", "questioned")
        and c.m > 0
        and sent.lower[c.m - 1] in ("when", "after", "if", "once")
    ):
        return _NO_SHAPE
    return _when_asked(sent, c)


def _second_verb(sent: Sentence, c: Cue, prev):
    """ "X declined to comment but said C": the verb after "and"/"but" has the same subject."""
    if not (c.start > 1 and sent.lower[c.start - 1] in ("and", "but")):
        return _NO_SHAPE
    source = _compound(sent, c.start - 1, prev)
    if source is None:
        return None
    if _passive_of_a_thing_said(sent, c):
        source = None  # "Lee spoke but is not expected to C": no speaker of C
    return forward_content(sent, _after(sent, c), source, c.span, c.w)


def _passive(sent: Sentence, c: Cue, prev):
    """ "The plan was endorsed by X": the subject is the content, the agent the source."""
    n = len(sent)
    feeling = c.w in lx.FEELINGS and c.end < n and sent.lower[c.end] in lx.FEELING_PARTICLES
    if (
        not passive_cue(sent, c.m, c.i)
        or c.w in lx.LISTENER_VERBS
        or feeling
        or _quoted_as_saying(sent, c)
    ):
        return _NO_SHAPE
    att = _passive_verb(sent, c.start, c.end, c.span)
    return _NO_SHAPE if att is None else att


def _quantified_relative(sent: Sentence, c: Cue, prev):
    """ "victims, many of whom say C": the quantified pronoun is the source."""
    k = c.start
    if not (
        k > 2
        and sent.lower[k - 1] in ("whom", "which")
        and sent.lower[k - 2] == "of"
        and (sent.lower[k - 3] in lx.NOMINAL_OPENERS or sent.lower[k - 3] in lx.QUANTIFIERS)
    ):
        return _NO_SHAPE
    source = (sent.starts[k - 3], sent.ends[k - 1])
    return forward_content(sent, _after(sent, c), source, c.span, c.w)


def _relative(sent: Sentence, c: Cue, prev):
    """ "Lee, who said C, ...": the relative pronoun is the source, as in PolNeAR; "the
    attacks, which were claimed by the group": the pronoun is the content."""
    if not (c.start > 1 and sent.lower[c.start - 1] in ("who", "which")):
        return _NO_SHAPE
    pronoun = (sent.starts[c.start - 1], sent.ends[c.start - 1])
    agent = passive_agent(sent, c.end)
    if agent is not None and passive_cue(sent, c.m, c.i):
        return make_attribution(sent, pronoun, agent, c.span)
    aside = c.start > 2 and sent.words[c.start - 2] in (",", "—", "–", "-", "(")
    if aside and (_passive_of_a_thing_said(sent, c) or _seeming(sent, c)):
        # "Ann Lee, who was named to the board": what is said of her, by no one named (a
        # clause without a comma, "voters who are expected to C", only tells which are meant)
        return relative_content(sent, c.end, None, c.span)
    return relative_content(sent, c.end, pronoun, c.span)


# The shapes whose source is not a subject right before the cue, in the order they are tried.
SHAPES_WITHOUT_SUBJECT = (
    _inverted_source_after,
    _fronted_cue,
    _participle_with_agent,
    _participle_after_comma,
    _participle_after_subordinator,
    _participle_opening,
    _asked_after_when,
    _second_verb,
    _passive,
    _quantified_relative,
    _relative,
)


def _opening_participle(sent: Sentence, c: "Cue", after: int):
    """ "Noting that C, Lee put ..." / 'Citing “C,” the aide told ...': an opening
    participle's content runs to its comma; its source is the main clause's subject."""
    n = len(sent)
    k = None
    for j in range(after + 1, n - 2):
        if sent.words[j] == "," and sent.quotes.at(sent.starts[j]) is None:
            k, end = j, sent.starts[j]
            break
        if after_comma_quote(sent, j):
            k, end = j - 1, sent.ends[j - 1]
            break
    if k is None or after >= k:
        return None
    a = k + 1
    while a < n and sent.words[a] in lx.QUOTE_TOKENS:
        a += 1
    for b in range(a + 1, min(n, a + 9)):
        w = sent.lower[b]
        if sent.words[b] in (",", ";", ":") or w in lx.QUOTE_TOKENS:
            return None
        if w in lx.FINITE or verb_like(w) or cue_modifier(sent, b):
            if not plausible_subject(sent, a, b, False):
                return None
            source = (sent.starts[a], sent.ends[b - 1])
            return make_attribution(sent, (sent.starts[after], end), source, c.span)
    return None


def _when_asked(sent: Sentence, c: "Cue"):
    """'“Yes,” Lee said when asked (by a reporter) whether C': the question is the content,
    its asker (if named) the source."""
    n = len(sent)
    k = c.end
    source = None
    if k < n and sent.lower[k] == "by":
        b = k + 1
        while (
            b < n and sent.lower[b] not in lx.WH_WORDS and sent.lower[b] not in ("if", "about", ",")
        ):
            b += 1
        if b == k + 1 or b >= n:
            return None
        source = (sent.starts[k + 1], sent.ends[b - 1])
        k = b
    if k >= n or (sent.lower[k] not in lx.WH_WORDS and sent.lower[k] not in ("if", "about")):
        return None
    end = forward_end(sent, k, c.w)
    return make_attribution(
        sent, (sent.starts[k], sent.end if end >= n else sent.starts[end]), source, c.span
    )


def _shape_with_subject(sent: Sentence, c: Cue):
    """Shapes with the subject before the cue as source: "C, X said.", "“C,” X said.",
    "which critics said ...", and forward "X said (that) C" / "X told Y C" / "X said:"."""
    subj = subject_before(sent, c.start, 0)
    if subj is None:
        return None
    a, b = subj
    att = _raising_shape(sent, c, a, b)
    if att is not _NO_SHAPE:
        return att
    speaker = _speaker(sent, c, a, b)
    if speaker is None:
        return None
    b, span = speaker
    source, cue = _source_and_cue(sent, c, *span)
    if a > 0 and sent.lower[a - 1] in ("which", "that", "whom") and b - a <= 4:
        return _subject_in_relative_clause(sent, c, a, source, cue)
    after = _content_start_after_subject(sent, c, a)
    if _reads_inverted(sent, c, a, b, after):
        att = _inverted_with_subject(sent, a, after, source, cue)
        if att is not None:
            return att
    att = _what_x_called(sent, c, a, after, source, cue)
    if att is not _NO_SHAPE:
        return att
    if not _opens_clause(sent, a) or _listener_after_quotation(sent, c, a, after):
        return None
    att = forward_content(sent, after, source, cue, c.w)
    if att is not None:
        _leave_out_main_clause(sent, att, a, after)
        _end_absolute_phrase(sent, att, a, after)
    return att


_ABSOLUTE_ENDS = frozenset(lx.words("while after before when because"))
_AS_COMPLEMENT = frozenset(
    lx.words(
        """
        describing depicting portraying labeling branding casting viewing seeing regarding
        characterizing painting framing dismissing touting hailing praising criticizing
        identifying referring naming considering treating presenting calling blasting
        """
    )
)
_NEXT_ABSOLUTE = frozenset(lx.words("others those many some most a an the his her their"))


def _listener_after_quotation(sent: Sentence, c: Cue, a: int, after: int) -> bool:
    """'“C,” he urged them.', '“C,” she urged the crowd.': the quotation is the content (read
    as a last resort), not the pronoun or the noun phrase addressed after the verb."""
    if quote_ending_at(sent, a - 1) is None:
        return False
    if _pronoun_listener(sent, after):
        return True
    n = len(sent)
    end = listener_end(sent, after, n) if takes_listener(c.w) else after
    return (
        end > after
        and tail_is_adjunct(sent, end, n)
        and not _infinitive_after_listener(sent, after, end)
    )


def _infinitive_after_listener(sent: Sentence, k: int, end: int) -> bool:
    """A listener [k, end) then "to": '“A,” Lee urged the voters | to stay home' asks them
    that, the quotation is no content of the verb."""
    return k < end < len(sent) and sent.lower[end] == "to"


def _end_absolute_phrase(sent: Sentence, att: Attribution, a: int, after: int) -> None:
    """ "..., with Lee calling it a farce and others backing the plan", "with Acme backing the
    bid while rivals held back": after "with" and its subject at ``a``, the participle's object
    ends before the next such phrase or a clause of time or reason."""
    if sent.lower[a] != "with":
        return
    n = len(sent)
    for k in range(after + 1, n):
        if sent.starts[k] >= att.end:
            return
        w = sent.lower[k]
        nxt = sent.lower[k + 1] if k + 1 < n else ""
        parallel = w == "and" and (
            nxt in _NEXT_ABSOLUTE
            or any(x.endswith("ing") for x in sent.lower[k + 1 : min(n, k + 7)])
        )
        # ("backing the bid as rivals held back"; not "describing him as a liar")
        clause_as = (
            w == "as"
            and (nxt in lx.NOMINATIVE or nxt == "the" or sent.words[k + 1][:1].isupper())
            and sent.text[att.cue[0] : att.cue[1]].split()[-1].lower() not in _AS_COMPLEMENT
        )
        if w in _ABSOLUTE_ENDS or parallel or clause_as:
            att.end = sent.ends[k - 1] if sent.words[k - 1] != "," else sent.starts[k - 1]
            return


def _speaker(sent: Sentence, c: Cue, a: int, b: int):
    """The subject [a, b) without a trailing aside (its new end), and the noun phrase in it that
    speaks; None when the subject is no plausible speaker or only a clause fragment."""
    if sent.lower[a] == "with" and c.w.endswith("ing") and c.w != "reporting" and b - a > 1:
        # "..., with Sen. Ann Roe calling it a farce": the subject of the participle (not
        # "with all precincts reporting")
        a += 1
    if not plausible_subject(sent, a, b, c.w in lx.STRONG):
        return None
    b = drop_trailing_clause(sent, a, b)
    span = speaker_span(sent, a, b, sent.lower[c.i])
    return None if span is None else (b, span)


def _raising_shape(sent: Sentence, c: Cue, a: int, b: int):
    """ "The plan seems to be working", "It appears that C" (see ``_raising``); None for "she
    appeared on television", ``_NO_SHAPE`` when the verb is no verb of seeming."""
    n = len(sent)
    if c.w not in lx.RAISING or c.end + 1 >= n:
        return _NO_SHAPE
    nxt, then = sent.lower[c.end], sent.lower[c.end + 1]
    dummy = b - a == 1 and sent.lower[a] in ("it", "there")
    if nxt in lx.PREPOSITIONS and nxt != "to" or nxt in lx.APPEARING_SOMEWHERE:
        return None  # "she appeared on television", "they appeared together": not a belief
    cue_next = nxt == "to" and is_cue_word(then)
    if not cue_next and (dummy or plausible_subject(sent, a, b, False)):
        return _raising(sent, c, a, b)
    return _NO_SHAPE


def _source_and_cue(sent: Sentence, c: Cue, a: int, b: int):
    """Character spans of the subject [a, b) and the cue; in "he’s hoping" the contracted
    auxiliary belongs to the cue; the subject of "was asked" is no source."""
    source = (sent.starts[a], sent.ends[b - 1])
    cue = c.span
    contraction = _CONTRACTION.search(sent.words[b - 1])
    if contraction and b == c.start:
        source = (source[0], sent.starts[b - 1] + contraction.start())
        cue = (source[1], cue[1])
    if c.w in lx.ADDRESSED and any(x in lx.BE_FORMS for x in sent.lower[c.m : c.i]):
        return None, cue  # "Lee was told that C": she heard it; who told her is not said
    if _passive_of_a_thing_said(sent, c):
        return None, cue  # "Lee was declared the winner", "The rally is considered C": no speaker
    return source, cue


def _subject_in_relative_clause(sent: Sentence, c: Cue, a: int, source, cue):
    """ "the rule, which critics said was unfair, ...": the rest of the relative clause; "a
    tax, which Lee opposed." / "which Lee denounced Thursday": the pronoun."""
    n = len(sent)
    nxt = sent.lower[c.end] if c.end < n else ""
    adjunct = nxt in ("later", "earlier") or (nxt in lx.SUBORDINATORS and nxt != "as")
    ends = c.end >= n or sent.words[c.end] in lx.CLAUSE_END or nxt in lx.TIME_WORDS
    if ends or (adjunct and c.w not in lx.CLAUSE_VERBS):
        return make_attribution(sent, (sent.starts[a - 1], sent.ends[a - 1]), source, cue)
    return relative_content(sent, c.end, source, cue)


def _content_start_after_subject(sent: Sentence, c: Cue, a: int) -> int:
    """Where the content may start after the cue of the subject at ``a``: after the listener;
    nowhere ("n") after a quotation that opens the clause: '“C,” he told cheering supporters
    in Ely.' / '“C,” Lee said 30 minutes into the debate.'."""
    n = len(sent)
    if (
        (c.w in lx.LISTENER_VERBS or c.w in lx.INVERTIBLE)
        and a > 0
        and sent.words[a - 1] in lx.QUOTE_TOKENS
        and sent.quotes.closes(sent.ends[a - 1])
        and quote_opens_clause(sent, a - 1)
        and not any(x in ("that", ":") for x in sent.lower[c.end : n])
        and not long_quote_in(sent, c.end, n)
    ):
        return n
    return _after(sent, c)


def _reads_inverted(sent: Sentence, c: Cue, a: int, b: int, after: int) -> bool:
    """Whether "C, X said [adjunct]." (or "C, records show.") is the reading to try first."""
    n = len(sent)
    evidence = c.w in lx.EVIDENCE_VERBS and (
        sent.lower[b - 1] in lx.EVIDENCE_NOUNS or evidence_head(sent, a, b)
    )
    # ("Before the vote, the firm said on Friday that C": the forward reading)
    after_quote = a > 0 and sent.words[a - 1] in lx.QUOTE_TOKENS
    that_clause = not after_quote and that_after_adjunct(sent, after, n) is not None
    # ('“C,” he vowed, adding ...': after a quotation any cue inverts before a participle)
    # (the comma may close a quoted listener: '“C,” Lee told “Fox and Friends,” adding ...')
    comma_in_title = after >= 2 and sent.words[after - 2] == "," and after > c.end
    tail = after + 1 if after < n and sent.words[after] == "," else after
    participle_tail = (
        after_quote
        and sent.quotes.closes(sent.ends[a - 1])
        and tail < n
        and (tail > after or comma_in_title)
        and sent.lower[tail].endswith("ing")
    )
    inverted = (c.w in lx.INVERTIBLE or evidence) and tail_is_adjunct(sent, after, n)
    if inverted and not after_quote and _opening_phrase_then_said(sent, a, after):
        return participle_tail
    return (inverted and not that_clause) or participle_tail


def _opening_phrase_then_said(sent: Sentence, a: int, after: int) -> bool:
    """Whether the words before the subject at ``a`` open a phrase of time or place, not what
    was said, with a quotation or "that" after the cue ('Soon after Lee was booed, Roe wrote
    to her followers, “C,” ...')."""
    first = 0
    while first < a and sent.lower[first] in lx.LEADING_CONNECTIVES:
        first += 1
    if first >= a or sent.lower[first] not in lx.OPENING_WORDS:
        return False
    if after >= len(sent) or sent.words[after] in lx.CLAUSE_END:
        return False  # ("In both cases, Lee said, C": the cue interrupts what was said)
    rest = range(after, len(sent))
    return any(sent.lower[k] == "that" or sent.quotes.opens(sent.starts[k]) for k in rest)


def _opens_clause(sent: Sentence, a: int) -> bool:
    """Whether a subject at ``a`` starts at a clause boundary: the sentence's start (maybe after
    a quote mark), a comma, "that", a quote, a dash ("He was a planner - a former aide said
    she ...")."""
    if a == 0 or (a == 1 and sent.words[0] in "“\"'‘"):
        return True
    prev = sent.lower[a - 1]
    return prev in lx.SUBJECT_STOPS or prev in lx.SUBJECT_OPENERS or prev == "-"


def _what_x_called(sent: Sentence, c: Cue, a: int, after: int, source, cue):
    """ "what Lee called “a farce”": the quotation is what the subject named."""
    if not (
        a > 0
        and sent.lower[a - 1] == "what"
        and c.w in lx.NAMING
        and after < len(sent)
        and sent.words[after] in lx.QUOTE_TOKENS
    ):
        return _NO_SHAPE
    q = sent.quotes.at(sent.starts[after])
    if q is None or q[0] != sent.starts[after]:
        return _NO_SHAPE
    return make_attribution(sent, q, source, cue)


def _leave_out_main_clause(sent: Sentence, att: Attribution, a: int, after: int) -> None:
    """ "Although Lee planned to protest, others stayed": the main clause is the reporter's."""
    n = len(sent)
    if (
        fronted_clause(sent, a)
        and after < n
        and sent.lower[after] not in lx.FRONTED_SUBORDINATORS
        and sent.lower[after] != "even"
        and sent.words[after] not in lx.QUOTE_TOKENS
    ):
        k = main_clause_comma(sent, after + 1, n)
        if k is not None and sent.starts[k] < att.end and sent.starts[k] > att.start:
            att.end = sent.starts[k]


def _raising(sent: Sentence, c: "Cue", a: int, b: int):
    """ "The plan seems to be working", "It appears that C": nobody is quoted; what seems
    so is the subject and the rest (PolNeAR: no source, "The plan | to be working")."""
    k = forward_end(sent, c.end, c.w)
    end = sent.end if k >= len(sent) else sent.starts[k]
    dummy = b - a == 1 and sent.lower[a] in ("it", "there")
    start = sent.starts[c.end] if dummy else sent.starts[a]
    return make_attribution(sent, (start, end), None, c.span)


def _inverted_with_subject(sent: Sentence, a: int, after: int, source, cue):
    """ "C, X said [adjunct]." with the subject X at ``a``; or '“Why?” X said.' after a
    quotation that the splitter left in the previous sentence."""
    n = len(sent)
    if a == 0:
        # the splitter ends a sentence after '?”' or '!”' followed by a capital
        # ('“Why?” Lee asked, turning to the crowd.')
        participle = (
            after + 1 < n and sent.words[after] == "," and sent.lower[after + 1][-3:] == "ing"
        )
        # ('“Why?” Lee said of the plan in May, when ...': an adjunct, not a content)
        adjunct = (
            tail_is_adjunct(sent, after, n)
            and not long_quote_in(sent, after, n)
            and not any(x in ("that", ":") for x in sent.lower[after:n])
        )
        tail_ok = short_adjunct_tail(sent, after, n) or participle or adjunct
        q = exclaimed_quote_before(sent) if tail_ok else None
        return None if q is None else make_attribution(sent, q, source, cue)
    if not (sent.words[a - 1] in (",", "—", "–") or sent.words[a - 1] in lx.QUOTE_TOKENS):
        return None
    content = content_before(sent, a - 1)
    if content is None:
        return None
    k = skip_prepositional_phrase(sent, after, n)
    quoted = k != after and sent.words[k + 1] in lx.QUOTE_TOKENS
    if k != after and (
        (quoted and long_quote_in(sent, k, n)) or (not quoted and not clause_like(sent, content))
    ):
        # '“A,” she said of the plan, “B.”' / 'The staff, Lee said in May, were paid well'
        after = k
    if (
        after + 2 < n
        and sent.words[after] == ","
        and sent.words[after + 1] in lx.QUOTE_TOKENS
        and sent.text[content[1] - 1] not in "”\"'"
        and (clause_like(sent, content) or sent.within(content)[0].lower() in lx.INTRO_WORDS)
    ):
        return None  # 'After the vote, Lee said, “We will appeal.”': the quotation is it
    if (
        after + 2 < n
        and sent.words[after] == ","
        and not sent.lower[after + 1].endswith("ing")
        and sent.lower[after + 1] not in ("a", "an", "the", "who")
        and continues_after_cue(sent, after + 1, content)
    ):
        # "The plan, he said, is dead." / "“A,” she said, “B.”": both sides
        return make_attribution(sent, (content[0], sent.end), source, cue)
    intro = sent.within(content)
    if not clause_like(sent, content) and (len(intro) <= 8 or intro[0] in lx.INTRO_WORDS):
        return None  # "During the service, Lee asked ...": an opening phrase, not a content
    if (
        intro[0].lower() in lx.FRONTED_SUBORDINATORS
        and content[0] == sent.start
        and not short_adjunct_tail(sent, after, n)
    ):
        return None  # "While A, many said Monday that C": the forward reading
    return make_attribution(sent, content, source, cue)


def _passive_verb(sent: Sentence, j: int, after: int, cue):
    """The subject before the auxiliary is the content; the agent after "by", if any, is
    the source. With "to" the infinitive belongs to the content too ("X is expected to
    win": both pieces, here one span)."""
    subj = subject_before(sent, j, 0)
    if subj is None:
        return None
    a, b = subj
    if b - a == 1 and sent.lower[a] in ("there", "that", "this"):
        return None  # ("it was announced": PolNeAR takes the pronoun as the content)
    n = len(sent)
    if after < n and sent.lower[after] == "to":
        # (to where the infinitive's clause ends: "X is expected to win | , and Y ...")
        k = forward_end(sent, after, "to")
        end = sent.end if k >= n else sent.starts[k]
        return make_attribution(sent, (sent.starts[a], end), None, cue)
    if (
        after < n
        and sent.lower[after - 1] in ("of", "for")
        and sent.lower[after - 2] in lx.CHARGING
    ):
        # "Mindich is accused of overseeing a scheme": the accused is no speaker; the subject
        # and the charge are the content
        k = clause_end(sent, after)
        return make_attribution(sent, (sent.starts[a], sent.ends[k - 1]), None, cue)
    source = passive_agent(sent, after)
    if (
        source is None
        and after < n
        and sent.words[after] not in (".", ",", ";")
        and sent.lower[after] not in (lx.PREPOSITIONS)
    ):
        return None  # "was told the plan ...": an object follows, not a passive
    reason = passive_complement(sent, after, source)
    if reason is not None and reason[1] - reason[0] > sent.ends[b - 1] - sent.starts[a]:
        # "Lee was criticized by rivals for skipping the debate": the subject and the
        # reason are the content (one span, the agent between them included)
        return make_attribution(sent, (sent.starts[a], reason[1]), source, cue)
    return make_attribution(sent, (sent.starts[a], sent.ends[b - 1]), source, cue)


def _seeming(sent: Sentence, c: Cue) -> bool:
    """A verb of seeming not followed by a verb of saying: "which appear to have harmed her",
    "who seems mired in the polls" (the reporter's view), not "who seemed to blame C"."""
    n = len(sent)
    if c.w not in lx.RAISING:
        return False
    return not (c.end + 1 < n and sent.lower[c.end] == "to" and is_cue_word(sent.lower[c.end + 1]))


def _quoted_as_saying(sent: Sentence, c: Cue) -> bool:
    """ "Lee was quoted as saying C": a passive whose subject is the speaker."""
    return c.end - c.i > 1 and sent.lower[c.end - 1] == "saying"


def _passive_of_a_thing_said(sent: Sentence, c: Cue) -> bool:
    """A passive cue whose subject is what is said of it, not a speaker; not a feeling or state
    of mind ("Lee was worried that C") nor a scene ("Lee is shown lecturing: C")."""
    if not passive_cue(sent, c.m, c.i) or c.w in lx.FEELINGS or c.w in lx.STATES_OF_MIND:
        return False
    if _quoted_as_saying(sent, c):
        return False
    return not (c.end < len(sent) and sent.lower[c.end].endswith("ing"))


def _compound(sent: Sentence, k: int, prev: Attribution | None) -> tuple[int, int] | None:
    """Source of a verb after "and"/"but" at ``k``: the previous cue's source in the same
    sentence, otherwise the noun phrase opening the sentence ("The court disagreed and
    said ...")."""
    if prev is not None and prev.source and prev.cue and prev.cue[1] <= sent.starts[k]:
        possessor = sent.text[prev.source[0] : prev.source[1]].lower() in lx.POSSESSIVE_SUBJECTS
        if not possessor:  # ("The campaign doubled down on its attacks, saying": the campaign)
            return prev.source
    span = initial_subject(sent, k)
    if span is None:
        span = main_subject(sent, k)
    if span is None:
        return None
    a, b = span
    return sent.starts[a], sent.ends[b - 1]
