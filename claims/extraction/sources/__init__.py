"""Source names and kinds, resolved per article as a reader resolves them.

Within one article "Kirill Dmitriev, an aide to ...", "Dmitriev", "Mr. Dmitriev" and "he" are
the source "Kirill Dmitriev"; "the outlet" after "Axios reported" is Axios. Read in order:

1. ``names``: the name inside a source phrase (no title, apposition, possessive or stray
   particle).
2. ``kinds``: person, organisation, media outlet, government body, anonymous source or document,
   from the words of the source (its head noun, a title, a suffix such as "Corp.") and from what
   the article says of the same name elsewhere ("Acme Corp.", "Acme, a chemicals company,").
3. ``people``: the people an article names, each with the gender a title, a role, a first name
   or a pronoun in the sentence gives them; a surname stands for the latest full name.
4. ``resolver``: pronouns and back references resolved only to an antecedent that agrees in
   gender, number and kind; a pronoun without one stays unresolved (no name).
"""

from .kinds import classify
from .names import head_name
from .resolver import SourceResolver

__all__ = ["SourceResolver", "classify", "head_name"]
