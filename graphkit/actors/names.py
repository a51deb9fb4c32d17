"""Person names: when two written names are one person.

Used within an article (``Vesel`` is ``Anton Vesel``) and across a corpus
(`graphkit.corpus_resolution`).  Names are compared on their *core* tokens: folded,
without Arabic article prefixes (``al-Hakim`` -> ``hakim``) and without name
particles (``bin``, ``von``).

>>> same_person("Vesel", "Anton Vesel")
True
>>> same_person("Sergei Marin", "Sergey Marin")
True
>>> same_person("Anna Berg", "Lena Berg")
False
"""
from __future__ import annotations

import difflib
import functools
import re

from .gazetteer import fold
from .lexicon import LEXICON

NAME_PARTICLES = frozenset(LEXICON["name_particles"])
PERSON_STOP = frozenset(LEXICON["person_stop"])
GENERATIONS = LEXICON["generation_suffixes"]


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


def core(token: str) -> str:
    """A name token without Arabic article prefixes: al-Hakim -> hakim."""
    t = re.sub(r"^(al|el|ad|as|ash|at|az|ar)[-‐]", "", fold(token))
    return t.strip(".")


@functools.lru_cache(maxsize=65536)
def core_tokens(name: str) -> tuple[str, ...]:
    """The tokens that identify a person: ``core_tokens("Omar al-Hakim") == ("omar", "hakim")``."""
    out = []
    toks = name_tokens(name)
    if generation(name) not in (None, "jr"):
        # "Karl Holm II", "Karl Holm Sr.": the surname is Holm, and a bare "Holm" may be he.  Not "Karl Holm
        # Jr.": news copy writes the son "Holm Jr." wherever a bare "Holm" could be his father (the one
        # it names by surname), so his name keeps the suffix as its last token
        toks = toks[:-1]
    for t in toks:
        c = core(t)
        if c and c not in NAME_PARTICLES:
            out.append(c)
    return tuple(out)


def generation(name: str) -> str | None:
    """The generation suffix after a given name and a surname ("Karl Holm Jr." -> "jr"), or None ("Karl
    Jr." is a given name and a suffix: its "Karl" is no surname)."""
    toks = name_tokens(name)
    last = core(toks[-1]) if len(toks) >= 3 else ""
    return last if last in GENERATIONS else None


def variant(a: str, b: str) -> bool:
    """The same given name in another transliteration (Sergey/Sergei), or an initial of it."""
    a, b = core(a), core(b)
    if a == b:
        return True
    if len(a) <= 2 or len(b) <= 2:  # initials: "J." ~ "John"
        return a[0] == b[0]

    def skeleton(s: str) -> str:
        return re.sub(r"[aeiouy]+", "", s.replace("j", "i").replace("ph", "f"))

    return skeleton(a) == skeleton(b) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


_INITIAL = re.compile(r"^[a-z](?:\.?[a-z])?$")


def _without_initials(s: tuple, f: tuple) -> bool:
    """"James Crosby" is "James M. Crosby": the full name with its middle initials left out (a given name
    written out, not an initial: "J. Crosby" may be another Crosby)."""
    if len(s) < 2 or s[-1] != f[-1] or not variant(s[0], f[0]) or len(s[0]) <= 2:
        return False
    middle = f[1:len(f) - len(s) + 1]
    return all(_INITIAL.match(t) for t in middle) and f[len(f) - len(s) + 1:] == s[1:]


def same_person(short: str, full: str) -> bool:
    """Does the (partial) name ``short`` refer to ``full``?"""
    s, f = core_tokens(short), core_tokens(full)
    if not s or not f:
        return False
    st = name_tokens(short)
    if len(st) == 2 and core(st[-1]) in GENERATIONS and generation(full) == core(st[-1]):
        # "Holm Jr." is Karl Holm Jr., and so is "Karl Jr." (the son called by his given name)
        return core(st[0]) == core_tokens(" ".join(name_tokens(full)[:-1]))[-1] or core(st[0]) == f[0]
    if generation(short) != generation(full) and len(s) >= 2:
        return False  # "Karl Holm Sr" and "Karl Holm Jr", "Karl Holm" and "Karl Holm Jr": father and son
    if len(s) < len(f):
        return f[-len(s):] == s or (len(s) == 1 and s[0] == f[-1]) or _without_initials(s, f)
    if len(s) == len(f):
        return s[-1] == f[-1] and all(variant(x, y) for x, y in zip(s[:-1], f[:-1]))
    return False


# (and the "and" of Dutch, German and French firm names: "Holm en Vesk", "Holm und Vesk", "Holm et Vesk")
_JOINING = frozenset({"and", "or", "of", "the", "for", "to", "in", "on", "at", "with", "by", "from", "vs", "en", "und", "et"})


def looks_like_name(text: str) -> bool:
    """Capitalised tokens (or name particles), not an acronym, not a bare honorific.

    >>> looks_like_name("Omar al-Hakim"), looks_like_name("MANPADS"), looks_like_name("Mr")
    (True, False, False)
    >>> looks_like_name("Samuel arap Tanui"), looks_like_name("Tom and Jerry")
    (True, False)
    """
    toks = name_tokens(text)
    if not toks or not any(c.isalpha() for c in text):
        return False
    if len(toks) == 1 and text.isupper() and len(text) > 1:
        return False
    if len(toks) == 1 and fold(toks[0]).strip(".") in PERSON_STOP:
        return False
    # a short lower-case word inside a name is a particle too ("Samuel arap Tanui"), not a joining word
    return all(t[0].isupper() or fold(t).split("-")[0] in NAME_PARTICLES or (
        0 < k < len(toks) - 1 and t.isalpha() and t.islower() and len(t) <= 4 and t not in _JOINING)
        for k, t in enumerate(toks))
