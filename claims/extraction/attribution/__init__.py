"""Find attributions (content, source, cue) in an article: rules tuned for news prose.

Read the stages in this order; each module uses only the ones above it:

1. ``tokens``: a ``Sentence`` (its tokens with offsets, and the article's text and quotations)
   and the guesses made from a word's shape ("a past form", "a name part").
2. ``quotes``: quotations found over the whole article first, so that a quote running over
   several sentences or paragraphs ('"... / "... ," he said.') is one content span.
3. ``cues``: whether a word is used as a cue here (speech/belief verbs from ``lexicon``,
   multi-word cues that read as one of them: "made it clear", "took aim at"), with its
   auxiliaries, adverbs and particles ("has also pointed out").
4. ``subjects``: source spans: the subject before a cue ("X, a spokesman for Y, said"), the
   source after an inverted cue ("..., said X."), the agent of a passive.
5. ``clauses`` and ``contents``: where a content starts and ends. A forward content runs to the
   end of the sentence for clause verbs ("said"), to the end of the noun phrase for the others
   ("praised the plan, which ..."); the reporter's own clauses ("..., but B") are cut off.
6. The shapes that combine them: ``verbs`` (forward "X said (that) C", inverted "C, X said.",
   lead-in "X said:", participles ", saying C", compound "... and said C", passive "C was
   endorsed by X", relative "X, who said C, ..."), ``phrases`` ("according to X", "reportedly",
   "X's claim that C", "Asked whether C, ...") and ``headlines`` ("Sanders: C", "Judge slams
   map", 'From the report: "C."').
7. ``rules``: the ordered table of rules that reads one sentence token by token.
8. ``non_claims``: what is attributed but no claim to check ("declined to comment", "praised
   the memo").
9. ``article``: the article-level passes: every sentence, overlapping contents resolved (a
   reporting verb at the end, "..., Axios reported", takes over an inner cue since PolNeAR gives
   each token to one attribution), quotations continued over the sentences after them, and
   each attribution marked as a claim or not.

The output is a list of ``Attribution`` records with raw spans; ``..sources`` resolves names and
``..__init__`` builds the public ``ExtractedClaim`` objects.
"""

from .article import find_attributions
from .contents import Attribution

__all__ = ["Attribution", "find_attributions"]
