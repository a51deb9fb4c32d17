"""Who met whom: meetings, talks, visits and calls stated in an article.

`extract_meetings(actors)` reads the dependency parse around trigger words
(``data/triggers.json``) and returns plain dicts in the record format
(`graphkit.records`).  A trigger's participants come only from its own clause:
the subject of the meeting verb, its "with"/"between" objects, the subject of a
light verb ("X held talks with Y", "X sat down for talks"), or the subject of
the clause a nominal trigger frames ("Vesel said after a meeting with ...").
Role phrases without a name resolve to the named person with that role, else to
the country ("his Jordanian counterpart" -> Jordan).  Negated, hypothetical,
refused or merely invited meetings are dropped; future ones are "scheduled".
"""
from __future__ import annotations

import bisect
import re
import functools
import json
from importlib import resources

from graphkit.actors.gazetteer import fold
from graphkit.actors.resolve import ArticleActors, token_hits

SUBJ = ("nsubj", "nsubjpass", "csubj")
PERSONAL_PRONOUNS = {"he", "she", "his", "her", "him"}
GOV_NOUNS_REF = {"regime", "government", "administration", "authorities", "leadership"}



def role_heads() -> set[str]:
    """Nouns that stand for a person or delegation in a participant phrase ("his counterparts")."""
    return load_triggers()["role_heads"]


@functools.lru_cache(maxsize=1)
def load_triggers() -> dict:
    """The trigger lexicon (``graphkit/relations/data/triggers.json``)."""
    with resources.files("graphkit.relations").joinpath("data", "triggers.json").open(encoding="utf-8") as fh:
        t = json.load(fh)
    t["words"] = set(t["nouns"])
    t["lemmas"] = set(t["nouns"]) | set(t["verbs"])
    for k in ("role_heads", "needs_phone_context", "phone_words", "light_verbs", "frame_preps", "blocking_lemmas",
              "hypothetical_aux", "future_aux", "scheduled_words", "agreement_verbs", "agreement_nouns", "group_refs"):
        t[k] = set(t[k])
    return t


class _Sentence:
    """Participant finding inside one sentence."""

    def __init__(self, res: ArticleActors, sent, trig: dict, prev_countries: list[str]):
        self.res, self.sent, self.trig = res, sent, trig
        self.doc = res.doc
        self.prev_countries = prev_countries
        self._phone = None

    @property
    def has_phone(self) -> bool:
        if self._phone is None:
            self._phone = any(t.lower_ in self.trig["phone_words"] for t in self.sent)
        return self._phone

    # -- actors a noun phrase stands for ------------------------------------------
    def actors_of(self, tok, seen=None) -> list[str]:
        """The actors named by the phrase headed by ``tok`` (with its conjuncts)."""
        seen = seen if seen is not None else set()
        out: list[str] = []
        conj = self._conjuncts(tok)
        for x in conj:
            if x.i in seen:
                continue
            seen.add(x.i)
            # "Russian and Turkish foreign ministers, Vesel and Aydin": the names, not the demonyms
            named = any((m := self.res.mention_at(y.i)) is not None and m.type == "person"
                        for y in x.subtree if y.i != x.i and y.dep_ in ("conj", "appos"))
            out.extend(self._actors_of_one(x, seen, names_only=named))
        return list(dict.fromkeys(out))

    def _conjuncts(self, tok):
        out = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "conj" or (c.dep_ == "appos" and self.res.mention_at(c.i) is None
                                        and c.lower_ not in role_heads()):
                    out.append(c)
                    stack.append(c)
                # "X, along with Y" / "together with Y"
                if c.dep_ == "prep" and c.lower_ == "along":
                    for cc in c.children:
                        if cc.lower_ == "with":
                            for p in cc.children:
                                if p.dep_ == "pobj":
                                    out.append(p)
                                    stack.append(p)
        return out

    def _actors_of_one(self, x, seen, names_only=False) -> list[str]:
        res = self.res
        m = res.mention_at(x.i)
        if m is not None:
            if m.is_actor:
                return [m.actor]
            return []
        low = x.lower_
        if low in PERSONAL_PRONOUNS:
            a = self.antecedent(x)
            return [a] if a else []
        if low in self.trig["group_refs"] and self.prev_countries:
            n = next((self.trig["count_words"][c.lower_] for c in x.children if c.lower_ in self.trig["count_words"]), None)
            groups = [g for g in self.prev_countries if len(g) == n]
            if n and groups:
                return list(groups[0])  # "Russia and Turkey inked ... Delegations from the two countries met"
        if low not in role_heads() and fold(x.text) not in res.gazetteer.role_nouns:
            return []
        # a role phrase: a named person in apposition, else "from/of X", else its modifiers
        for c in x.children:
            if c.dep_ == "appos":
                mm = res.mention_at(c.i)
                if mm is not None and mm.type == "person":
                    return self.actors_of(c, seen)
            if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head"):
                # "an Israeli delegation led by Mossad chief David Barnea": the person leads it
                for a in c.children:
                    if a.dep_ == "agent":
                        led = [n for p in a.children if p.dep_ == "pobj" for n in self.actors_of(p, seen)
                               if res.actors.get(n) is not None and res.actors[n].type == "person"]
                        if led:
                            return led
        if low in GOV_NOUNS_REF:
            # "the regime of Syrian President Omar al-Hakim" -> Syria
            for c in x.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        for a in self.actors_of(p, seen):
                            act = res.actors.get(a)
                            if act is not None and act.type == "person" and act.country:
                                return [act.country]
                            if act is not None and act.type == "country":
                                return [a]
        persons = []
        for c in x.children:
            if c.dep_ in ("compound",) and res.mention_at(c.i) is not None and res.mention_at(c.i).type == "person":
                persons.append(res.mention_at(c.i).actor)
        if not persons:
            # a long title the parser split: "Minister for Arab Affairs Reza Karimi Nasab"
            for c in x.subtree:
                mm = res.mention_at(c.i)
                if c.i > x.i and mm is not None and mm.type == "person" and not (
                        mm.end < len(self.doc) and self.doc[mm.end].text in ("'s", "’s")):
                    between = self.doc[x.i + 1:mm.start]
                    if not any(b.pos_ == "VERB" or b.text in (",", ";") for b in between):
                        persons.append(mm.actor)
                        break
        if not persons:
            # appositive the parser missed: "the Deputy Foreign Minister and Envoy for X, Pavel Belyak,"
            p = self._appositive_after(x)
            if p:
                persons.append(p)
        if persons:
            return persons
        out = []
        preps = [c for c in x.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
        for c in x.children:  # "a delegation composed of militant groups"
            if c.dep_ == "acl":
                preps.extend(cc for cc in c.children if cc.dep_ == "prep" and cc.lower_ in ("from", "of"))
        for c in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(self.actors_of(p, seen))
        if out or names_only:
            return out
        mods = []
        for c in x.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < x.i:
                for cc in self._conjuncts(c):
                    mm = res.mention_at(cc.i)
                    if mm is not None and mm.is_actor and mm.actor not in mods:
                        mods.append(mm)
        if not mods:
            return []
        role_words = {fold(c.text) for c in x.subtree if c.i <= x.i and res.mention_at(c.i) is None
                      and c.lower_ not in ("the", "a", "an", "his", "her", "their", "its", "senior", "top")}
        role_words = {w[:-1] if w.endswith("s") and w[:-1] in role_heads() else w for w in role_words}
        role_words -= {"counterpart"}
        result = []
        for mm in mods:
            if mm.type == "person":
                continue  # "Dalton's spokesman": the possessor is not the participant
            if len(mods) == 1 and role_words:
                person = res.find_by_role(role_words, mm.actor if mm.type == "country" else None) \
                    if mm.type == "country" else res.find_by_role(role_words, mm.actor)
                if person:
                    result.append(person)
                    continue
            result.append(mm.actor)
        return result

    def antecedent(self, pron) -> str | None:
        """The person a "he"/"his" refers to: the last person named before it in the sentence,
        else the person subject of the sentence ("After his meeting with X, Y said"), else the
        last person named in the two sentences before."""
        res, doc = self.res, self.doc
        best = None
        for m in res.mentions:
            if m.start >= pron.i:
                break
            if m.type == "person" and m.start >= self.sent.start:
                best = m.actor
        if best:
            return best
        root = self.sent.root
        subjects = [c for c in root.children if c.dep_ in SUBJ]
        for c in subjects:
            mm = res.mention_at(c.i)
            if mm is not None and mm.type == "person":
                return mm.actor
        if not subjects and root.i > pron.i:
            # "After his meeting with X, Y said": the parser lost Y as the subject; take the
            # person named last before the main verb, if it is not the one the phrase names
            named = {res.mention_at(p.i).actor for p in self.prep_objects(pron.head, ("with", "between"))
                     if res.mention_at(p.i) is not None}
            for m in reversed(res.mentions):
                if pron.i < m.start < root.i and m.type == "person" and m.actor not in named:
                    return m.actor
        lo = doc[self.sent.start - 1].sent.start if self.sent.start > 0 else 0
        if lo > 0:
            lo = doc[lo - 1].sent.start
        for m in res.mentions:
            if m.start >= self.sent.start:
                break
            if m.type == "person" and m.start >= lo:
                best = m.actor
        return best

    def _appositive_after(self, x) -> str | None:
        """A person named after a comma that closes the role phrase of ``x``, with no verb between."""
        doc = self.doc
        end = min(self.sent.end, x.i + 30)
        for k in range(x.i + 1, end):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.text in (";", ":", "(", ")"):
                return None
            mm = self.res.mention_at(k)
            if mm is not None and mm.type == "person":
                before = doc[k - 1].text == "," if k > 0 else False
                after = mm.end >= self.sent.end or doc[mm.end].text in (",", ".", ";") or doc[mm.end].is_punct
                return mm.actor if before and after else None
        return None

    # -- structure ---------------------------------------------------------------
    @staticmethod
    def subjects(v):
        out = [c for c in v.children if c.dep_ in SUBJ]
        if out:
            # "X, along with Y, sat down": Y is a subject too
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ in ("along", "together"):
                    for w in c.children:
                        if w.lower_ == "with":
                            out.extend(p for p in w.children if p.dep_ == "pobj")
        return out

    def clause_subject(self, v, depth=0):
        """The subject of ``v``'s clause, climbing through relative and adverbial clauses."""
        if depth > 6:
            return []
        subs = self.subjects(v)
        if v.dep_ == "relcl" and (not subs or subs[0].lower_ in ("who", "which", "that", "whom")):
            return [v.head]
        if subs:
            return subs
        for c in v.children:
            if c.dep_ == "agent":
                return [p for p in c.children if p.dep_ == "pobj"]
        if v.dep_ in ("advcl", "xcomp", "pcomp", "acl", "conj", "prep", "pobj", "ccomp", "acomp") and v.head is not v:
            return self.clause_subject(v.head, depth + 1)
        return []

    def prep_objects(self, tok, preps=("with",)):
        out = []
        for c in tok.children:
            if c.dep_ not in ("prep", "agent"):
                continue
            if c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj")
            # "with both Russia and with Turkey"; "with A on Monday and with B on Tuesday"
            # (the second "with" hangs on the first preposition, whichever it is)
            for cc in c.children:
                if cc.dep_ == "conj" and cc.lower_ in preps:
                    out.extend(p for p in cc.children if p.dep_ == "pobj")
        return out

    def group_members(self, tok, seen) -> list[str]:
        """Everyone named inside "between/among ..." phrases of ``tok``, for parses that split the
        list ("between Prime Minister Lina Osk and Trade Minister Tomas Vey"); the persons when
        there are any (their titles' countries are not participants), else every actor."""
        found = []
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("between", "among"):
                for x in c.subtree:
                    m = self.res.mention_at(x.i)
                    if m is not None and m.is_actor and x.i == m.start and x.i not in seen:
                        found.append(m)
        persons = [m.actor for m in found if m.type == "person"]
        return list(dict.fromkeys(persons or [m.actor for m in found]))

    def governing_verb(self, tok):
        h = tok
        for _ in range(4):
            if h.pos_ in ("VERB", "AUX") or h.dep_ == "ROOT":
                return h
            h = h.head
        return None


def extract_meetings(res: ArticleActors, article_date: str | None = None) -> list[dict]:
    """The meetings stated in a resolved article, as record dicts.

    >>> from graphkit.nlp import load_model                             # doctest: +SKIP
    >>> from graphkit.actors.resolve import resolve_actors               # doctest: +SKIP
    >>> doc = load_model()("Foreign Minister Anna Berg met Karl Holm in Oslo on Monday.")  # doctest: +SKIP
    >>> [(m["participants"], m["kind"], m["location"]) for m in extract_meetings(resolve_actors(doc))]  # doctest: +SKIP
    [(['Anna Berg', 'Karl Holm'], 'meeting', 'Oslo')]
    """
    trig = load_triggers()
    doc = res.doc
    found = []
    # only sentences holding a trigger word are looked at
    hits = sorted({t.i for t in token_hits(doc, trig["words"])} | {t.i for t in token_hits(doc, trig["lemmas"], "LEMMA")})
    if not hits:
        return []
    country_starts = sorted(m.start for m in res.mentions if m.type == "country")
    sent_of = {}
    for i in hits:
        sent_of.setdefault(doc[i].sent.start, doc[i].sent)
    for start in sorted(sent_of):
        sent = sent_of[start]
        # countries named together in the sentence before, for "the two countries"
        prev = doc[start - 1].sent if start > 0 else None
        prev_countries = _country_groups(res, prev, country_starts) if prev is not None else []
        ctx = _Sentence(res, sent, trig, prev_countries)
        for i in hits:
            if sent.start <= i < sent.end:
                m = _meeting_at(ctx, doc[i])
                if m:
                    found.append(m)
    meetings = _merge_same(found)
    if article_date:
        for m in meetings:
            m["date_iso"] = normalize_date(m.get("date"), article_date, future=m["status"] == "scheduled")
    return meetings


def _country_groups(res, sent, country_starts) -> list[tuple[str, ...]]:
    """Countries named together in a sentence: each coordination ("Russia and Turkey") as a group,
    then all of the sentence's countries in order."""
    lo, hi = bisect.bisect_left(country_starts, sent.start), bisect.bisect_left(country_starts, sent.end)
    mentions = [res.mention_at(i) for i in country_starts[lo:hi]]
    groups = []
    doc = res.doc
    for m in mentions:
        head = doc[m.end - 1]
        if head.dep_ == "conj":
            continue
        group = [m.actor]
        stack = [head]
        while stack:
            h = stack.pop()
            for c in h.children:
                if c.dep_ == "conj":
                    mm = res.mention_at(c.i)
                    if mm is not None and mm.type == "country" and mm.actor not in group:
                        group.append(mm.actor)
                    stack.append(c)
        if len(group) > 1:
            groups.append(tuple(group))
    groups.append(tuple(dict.fromkeys(m.actor for m in mentions)))
    return groups


def _meeting_at(ctx: _Sentence, t) -> dict | None:
    trig, res = ctx.trig, ctx.res
    lemma = t.lemma_.lower()
    low = t.lower_
    kind = None
    part_subj, part_obj = [], []
    frame = t  # the token whose clause gives status, place and date
    phone = ctx.has_phone
    m_here = res.mention_at(t.i)
    if m_here is not None and m_here.type == "forum":
        return None  # "the G20 summit" names a forum (an actor), it is not a trigger
    if t.pos_ in ("VERB",) and lemma in trig["verbs"] and t.dep_ != "amod":  # not "visiting Yellen"
        kind = trig["verbs"][lemma]
        if lemma in trig["needs_phone_context"] and not phone:
            return None
        if lemma == "call" and any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "on")) for c in t.children):
            return None
        if lemma in trig["person_object_verbs"] and not any(
                (mm := res.mention_at(c.i)) is not None and mm.type == "person" for c in t.children if c.dep_ == "dobj"):
            # "received Modi", "welcomes Modi" are meetings; "received a letter", "welcomed the deal" are not
            if not (lemma == "receive" and phone):
                return None
        if lemma in ("speak", "talk") and not any(c.lower_ in trig["phone_words"] for c in t.subtree):
            return None
        part_subj = ctx.clause_subject(t)
        part_obj = [c for c in t.children if c.dep_ in ("dobj",)] + ctx.prep_objects(t, ("with", "between", "among"))
        if any(o.lower_ in role_heads() and o.dep_ == "dobj" for o in part_obj):
            # "meeting his counterparts from A, B and C": the "from" hangs on the verb
            part_obj += ctx.prep_objects(t, ("from",))
        if lemma == "visit":
            return _visit(ctx, t, part_subj, part_obj)
    elif t.pos_ in ("NOUN", "PROPN") and (low in trig["nouns"] or lemma in trig["nouns"]):
        kind = trig["nouns"].get(low) or trig["nouns"].get(lemma)
        if low in trig["needs_phone_context"] or lemma in ("call", "conversation"):
            if not any(c.lower_ in trig["phone_words"] for c in t.subtree) and not phone:
                return None
            kind = "call"
        if kind == "visit":
            return _nominal_visit(ctx, t)
        if any(c.lower_ in trig["not_meeting_modifiers"] for c in t.children if c.dep_ in ("compound", "amod", "nmod")):
            return None  # "a news conference", "a press conference"
        if any(c.lower_ in trig["phone_words"] for c in t.children if c.dep_ in ("compound", "amod", "nmod")):
            kind = "call"  # "a video conference with X", "phone talks"
        # participants named on the noun itself
        part_obj = ctx.prep_objects(t, ("with", "between", "among", "to", "by") + (("from",) if kind == "call" else ()))
        mods = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod") and res.mention_at(c.i) is not None]
        for c in t.children:
            if c.dep_ == "poss":
                mm = res.mention_at(c.i)
                if mm is not None and mm.is_actor or c.lower_ in PERSONAL_PRONOUNS:
                    part_subj.append(c)  # "Dalton's meeting with X", "his talks with X"
        part_obj += mods
        h = t.head
        if t.dep_ in ("dobj", "nsubjpass", "attr") and h.lemma_.lower() in trig["light_verbs"]:
            frame = h
            if t.dep_ == "dobj":
                part_subj += ctx.clause_subject(h)
            part_obj += ctx.prep_objects(h, ("with", "between", "among"))
        elif t.dep_ == "pobj" and h.dep_ == "prep":
            v = h.head
            if h.lower_ == "for" and v.lemma_.lower() in ("sit", "meet", "gather", "come", "arrive", "travel", "go"):
                frame = v
                part_subj += ctx.clause_subject(v)
            elif h.lower_ in trig["frame_preps"] and v.pos_ in ("VERB", "AUX") and (
                    part_obj or kind == "call" or h.lower_ in trig["subject_frame_preps"]):
                # "X said after a meeting with Y"; without a "with", only "after/during talks" make
                # the subject a participant ("retired at the meeting" does not)
                frame = v
                part_subj += ctx.clause_subject(v)
                if kind == "call":
                    part_obj += ctx.prep_objects(v, ("with",))
                    for d in v.children:  # "discussed a plan with X in a call"
                        if d.dep_ == "dobj":
                            part_obj += ctx.prep_objects(d, ("with",))
                    part_obj += [c for c in v.children if c.dep_ == "dobj" and res.mention_at(c.i) is not None
                                 and res.mention_at(c.i).type == "person"]
            elif h.lower_ in trig["frame_preps"] and v.pos_ in ("NOUN", "PROPN") and (
                    v.dep_ in SUBJ or (v.dep_ == "appos" and v.head.dep_ in SUBJ)):
                # "Iran, Russia and Turkey foreign ministers after talks in Moscow released ..."
                if v.dep_ == "appos":  # "Iran, [Russia and Turkey foreign ministers]": both halves
                    part_subj.append(v)
                    v = v.head
                frame = v.head
                part_subj.append(v)
        elif t.dep_ in ("nsubj",) and h.lemma_.lower() in ("be", "take", "begin", "start", "open", "end", "resume"):
            frame = h
        if not part_obj and not part_subj:
            return None
    else:
        return None
    if kind is None:
        return None
    status = _status(ctx, t, frame)
    if status is None:
        return None
    place_tokens = _place_tokens(ctx, t, frame)
    seen = set(place_tokens)
    subj = []
    for s in part_subj:
        subj.extend(ctx.actors_of(s, seen))
    obj = []
    for o in part_obj:
        obj.extend(ctx.actors_of(o, seen))
    subj = list(dict.fromkeys(subj))
    obj = [o for o in dict.fromkeys(obj) if o not in subj]
    names = list(dict.fromkeys(subj + obj))
    if len(names) < 2:
        for x in {t, frame}:
            obj = list(dict.fromkeys(obj + [a for a in ctx.group_members(x, seen) if a not in subj]))
        names = list(dict.fromkeys(subj + obj))
    if len(names) < 2:
        return None
    names = _persons_speak_for_their_countries(res, names)
    obj = [o for o in obj if o in names]
    hub = subj[0] if len(subj) == 1 and len(obj) >= 2 else None
    kind = _kind(ctx, kind, names, hub, t)
    return _record(ctx, t, frame, names, kind, status, hub, place_tokens)


def _visit(ctx, t, part_subj, part_obj):
    res = ctx.res
    visitors = []
    for s in part_subj:
        visitors.extend(a for a in ctx.actors_of(s) if res.actors[a].type in ("person", "organization"))
    hosts = []
    place = None
    for o in part_obj:
        mm = res.mention_at(o.i)
        if mm is None:
            continue
        if mm.type == "country":
            hosts.append(mm.actor)
            place = place or mm.surface
        elif mm.type == "location" or (mm.type == "country" and mm.kind == "capital"):
            place = mm.surface
            host = _country_of_place(res, mm.surface)
            if host:
                hosts.append(host)
        elif mm.is_actor and mm.type == "organization":  # "visited NATO headquarters"
            hosts.append(mm.actor)
    if not visitors or not hosts:  # a visit is to a place ("visiting Yellen" is not one)
        return None
    status = _status(ctx, t, t)
    if status is None:
        return None
    names = list(dict.fromkeys(visitors + hosts))
    return _record(ctx, t, t, names, "visit", status, None, [], place=place)


def _nominal_visit(ctx, t):
    """"X's visit to Y", "during his visit to Moscow"."""
    res = ctx.res
    visitors, hosts, place = [], [], None
    for c in t.children:
        if c.dep_ == "poss":
            mm = res.mention_at(c.i)
            if mm is not None and mm.is_actor:
                visitors.append(mm.actor)
            elif c.lower_ in PERSONAL_PRONOUNS:
                visitors.extend(ctx.actors_of(c))
    if not visitors and t.dep_ == "pobj" and t.head.lower_ in ("on", "during"):
        # "Modi, on a two-day visit to France, ..."
        h = t.head.head
        mm = res.mention_at(h.i)
        if mm is not None and mm.type == "person":
            visitors.append(mm.actor)
        elif h.pos_ in ("VERB", "AUX"):
            for sbj in ctx.clause_subject(h):
                visitors.extend(ctx.actors_of(sbj))
    for o in ctx.prep_objects(t, ("to",)):
        mm = res.mention_at(o.i)
        if mm is not None and mm.type == "country":
            hosts.append(mm.actor)
            place = mm.surface
        elif mm is not None and mm.type == "location":
            place = mm.surface
            host = _country_of_place(res, mm.surface)
            if host:
                hosts.append(host)
    visitors = [v for v in visitors if res.actors.get(v) and res.actors[v].type in ("person", "organization")]
    if not visitors or not hosts:
        return None
    status = _status(ctx, t, ctx.governing_verb(t) or t)
    if status is None:
        return None
    return _record(ctx, t, t, list(dict.fromkeys(visitors + hosts)), "visit", status, None, [], place=place)


def _country_of_place(res, surface):
    e = res.gazetteer.lookup(surface)
    return e.canonical if e is not None and e.type == "country" else None


def _status(ctx, t, frame) -> str | None:
    """happened | scheduled | None (not a meeting: negated, hypothetical, refused, invited)."""
    trig = ctx.trig
    chain = [t]
    h = t
    for _ in range(6):
        if h.head is h:
            break
        h = h.head
        chain.append(h)
        if h.dep_ == "ROOT":
            break
    scheduled = False
    for i, x in enumerate(chain):
        lem = x.lemma_.lower()
        kids = list(x.children)
        if any(c.dep_ == "neg" for c in kids) and (x is t or x is frame or x.pos_ in ("VERB", "AUX")) and i <= 3:
            # "has not been invited", "will not be attending", "no plans": negation on the clause
            if x is t or x is frame or i <= 2:
                return None
        if any(c.dep_ == "det" and c.lower_ == "no" for c in kids) and i <= 2:
            return None
        if i > 0 and (lem in trig["blocking_lemmas"] or x.lower_ in trig["blocking_lemmas"]
                      or x.lower_[:-1] in trig["blocking_lemmas"]) and x.pos_ in ("VERB", "NOUN") and i <= 3:
            if not (lem == "call" and x is frame):
                return None
        if i <= 3 and x.pos_ in ("VERB", "AUX"):
            for c in kids:
                if c.dep_ == "aux" and c.lower_ in trig["hypothetical_aux"]:
                    return None
                if c.dep_ == "aux" and c.lower_ in trig["future_aux"]:
                    scheduled = True
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    return None
            # "are to hold talks": be + xcomp with "to"
            if lem == "be" and any(c.dep_ == "xcomp" for c in kids):
                scheduled = True
            if x.dep_ == "xcomp" and x.head.lemma_.lower() == "be":
                scheduled = True
        if lem in ("schedule", "due", "set", "expect", "slate", "plan") and x.pos_ in ("VERB", "ADJ") and i <= 3:
            scheduled = True
    for c in t.children:
        if c.lower_ in trig["scheduled_words"] and c.dep_ in ("amod", "compound", "advmod"):
            scheduled = True
    for x in {t, frame}:  # "meets X every month": habitual contact, not a meeting
        for c in x.subtree:
            if c.lower_ in trig["habitual_words"] and c.head.i in {x.i} | {h.i for h in x.children}:
                return None
    sent_text = ctx.sent.text.lower()
    if "to be held" in sent_text or "due to take place" in sent_text:
        scheduled = True
    return "scheduled" if scheduled else "happened"


def _places(ctx, t, frame) -> list[tuple[int, object]]:
    """``(depth, mention)`` of each "in/at <place>" on the trigger or its frame (depth 0) or further
    down a chain of prepositions ("on the sidelines of a meeting of ASEAN nations in Laos"), nearest
    first, never inside a participant."""
    from collections import deque

    out = []
    queue = deque([(t, 0), (frame, 0)])
    seen = set()
    while queue:
        x, depth = queue.popleft()
        if x.i in seen or depth > 4:
            continue
        seen.add(x.i)
        for c in x.children:
            if c.dep_ != "prep":
                continue
            if c.lower_ in ("in", "at"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        mm = ctx.res.mention_at(p.i)
                        if mm is not None and mm.type in ("location", "country"):
                            out.append((depth, mm))
            elif c.lower_ in ("on", "of", "during", "at"):
                for p in c.children:
                    if p.dep_ == "pobj" and ctx.res.mention_at(p.i) is None:
                        queue.append((p, depth + 1))
    return out


def _place_tokens(ctx, t, frame) -> list[int]:
    """Token indices of the places found by :func:`_places` (they are never participants)."""
    return [i for _, mm in _places(ctx, t, frame) for i in range(mm.start, mm.end)]


def _location(ctx, t, frame, place_tokens, names=(), status="happened") -> str | None:
    res = ctx.res
    places = _places(ctx, t, frame) if place_tokens else []
    if places and places[0][0] == 0:
        return places[0][1].surface
    # a city named as a place in the sentence, then a place deeper in the trigger's phrase,
    # then a place in the sentences around it
    doc = res.doc
    quotes = [q.i for q in ctx.sent if q.text in ('"', "“", "”")]
    for mm in res.mentions:
        if ctx.sent.start <= mm.start < ctx.sent.end and mm.place and sum(q < mm.start for q in quotes) % 2 == 0:
            head = doc[mm.end - 1]
            if head.dep_ == "pobj" and head.head.lower_ in ("in", "at"):
                return mm.surface
    if places:
        return places[0][1].surface
    sents = list(doc.sents)
    idx = next(i for i, s in enumerate(sents) if s.start == ctx.sent.start)
    for k in (0, -1, 1, -2, 2):
        j = idx + k
        if not 0 <= j < len(sents):
            continue
        if k != 0 and not any(m.actor in names for m in res.mentions if sents[j].start <= m.start < sents[j].end):
            continue  # a neighbouring sentence counts only when it is about one of the participants
        if k != 0 and status == "happened" and any(
                tok.dep_ == "aux" and tok.lower_ in ctx.trig["future_aux"] for tok in sents[j]):
            continue  # a meeting that happened is not where "... will meet again in New Delhi"
        quotes = [q.i for q in sents[j] if q.text in ('"', "“", "”")]
        for tok in sents[j]:
            mm = res.mention_at(tok.i)
            # a city used as a place ("in Moscow"); a country in some other clause is too often
            # the subject of that clause ("warmer weather in the U.S.")
            if mm is None or tok.i != mm.start or not mm.place:
                continue
            if sum(q < tok.i for q in quotes) % 2 == 1:
                continue  # "... the war in Syria," he said: a quotation, not the meeting place
            head = doc[mm.end - 1]
            if head.dep_ == "pobj" and head.head.lower_ in ("in", "at"):
                return mm.surface
    return None


def _date(ctx, t, frame) -> str | None:
    best, dist = None, 10 ** 6
    quotes = [q.i for q in ctx.sent if q.text in ('"', "“", "”")]
    for ent in ctx.sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if sum(q < ent.start for q in quotes) % 2 == 1:
            continue  # inside a quotation: what someone said, not when they met
        low = ent.text.lower()
        if _DURATION.search(low) or (any(w in low for w in ("years", "months", "decade", "century", "days"))
                                     and not any(ch.isdigit() for ch in low)):
            continue  # "two-day", "six-year-old", "several months": how long, not when
        d = min(abs(ent.start - t.i), abs(ent.start - frame.i))
        in_clause = ent.root.head.i in (t.i, frame.i) or ent.root.head.head.i in (t.i, frame.i)
        if in_clause:
            d -= 100
        if d < dist:
            best, dist = ent.text, d
    return best


def _kind(ctx, kind, names, hub, t) -> str:
    if kind in ("call", "visit"):
        return kind
    res = ctx.res
    types = [res.actors[n].type for n in names if n in res.actors]
    negotiation = t.lemma_.lower() in ("negotiate", "negotiation") or t.lower_ == "negotiations" or any(
        c.lower_ in ("peace", "round") for c in t.children)
    group_vs_state = any(x == "organization" and not res.actors[n].country for n, x in zip(names, types)) \
        and any(x == "country" for x in types)
    if kind == "talks":
        if hub is None and len(names) >= 3:
            return "talks"
        if negotiation or group_vs_state or "forum" in types:
            return "talks"
        return "meeting"
    if kind == "meeting":
        if group_vs_state and negotiation:
            return "talks"
        return "meeting"
    return kind


def _record(ctx, t, frame, names, kind, status, hub, place_tokens, place=None) -> dict:
    sent = ctx.sent
    return {
        "participants": names,
        "kind": kind,
        "status": status,
        "location": place if place is not None else (
            _location(ctx, t, frame, place_tokens, names, status) if kind != "call" or place_tokens else None),
        "date": _date(ctx, t, frame),
        "date_iso": None,
        "hub": hub,
        "evidence": sent.text.strip(),
        "evidence_all": [sent.text.strip()],
        "spans": [[sent.start_char, sent.end_char]],
        "trigger": t.text,
    }


def _persons_speak_for_their_countries(res, names: list[str]) -> list[str]:
    """Participants are persons where named: a country whose own person takes part is not listed
    beside them ("Iran and Saudi Arabia agreed after talks between Iranian official X and Saudi
    adviser Y": X and Y met)."""
    countries = {res.actors[n].country for n in names if n in res.actors and res.actors[n].type == "person"}
    kept = [n for n in names if not (n in res.actors and res.actors[n].type == "country" and n in countries)]
    return kept if len(kept) >= 2 else names


def _merge_same(found: list[dict]) -> list[dict]:
    """One meeting reported twice in an article is one meeting; evidence keeps both."""
    out: list[dict] = []
    for m in found:
        key = frozenset(m["participants"])
        inner = next((o for o in out if o["evidence"] == m["evidence"] and o["status"] == m["status"] and (
            key < frozenset(o["participants"]) or frozenset(o["participants"]) < key)), None)
        if inner is not None:
            # "X and Y will meet again at the G20 summit": "meet" and "summit" are one meeting
            if len(key) > len(inner["participants"]):
                inner["participants"], inner["kind"], inner["hub"] = m["participants"], m["kind"], m["hub"]
            for k in ("location", "date"):
                inner[k] = inner[k] or m[k]
            continue
        twin = next((o for o in reversed(out) if frozenset(o["participants"]) == key and
                     (o["kind"] == m["kind"] or {o["kind"], m["kind"]} <= {"meeting", "talks"})
                     and _same_value(o["location"], m["location"]) and _same_value(o["date"], m["date"])), None)
        if twin is None:
            out.append(m)
            continue
        if m["evidence"] not in twin["evidence_all"]:
            twin["evidence_all"].append(m["evidence"])
            twin["spans"].extend(m["spans"])
        for k in ("location", "date"):
            twin[k] = twin[k] or m[k]
        if m["kind"] == "talks" and twin["kind"] == "meeting" and not twin["hub"] and len(key) >= 3:
            twin["kind"] = "talks"  # one report says "talks", another "meeting": the multilateral word wins
        if twin["status"] != m["status"] and "happened" in (twin["status"], m["status"]):
            twin["status"] = "happened"
    return out


def _same_value(a, b) -> bool:
    return a is None or b is None or fold(a) == fold(b)


_DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few)[- ]"
                       r"(day|week|month|year|hour)s?(-long|-old)?\b|-long\b|year-old")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def normalize_date(phrase: str | None, article_date: str | None, future: bool = False) -> str | None:
    """An ISO date for a date phrase, relative to the article's date (None when unsure).

    >>> normalize_date("Tuesday", "2016-12-29")
    '2016-12-27'
    >>> normalize_date("December 20", "2017-01-14")
    '2016-12-20'
    >>> normalize_date("Friday", "2016-12-29", future=True)
    '2016-12-30'
    >>> normalize_date("next month", "2016-12-29") is None
    True
    """
    if not phrase or not article_date:
        return None
    import datetime as dt

    try:
        base = dt.datetime.fromisoformat(article_date[:10])
    except ValueError:
        return None
    low = phrase.lower()
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            # "on Tuesday" in a news story: the last Tuesday up to the article's date, or the
            # next one for a meeting still to come
            if future:
                delta = (i - base.weekday()) % 7
                return (base + dt.timedelta(days=delta)).date().isoformat()
            delta = (base.weekday() - i) % 7
            return (base - dt.timedelta(days=delta)).date().isoformat()
    if low in ("today", "this morning", "tonight"):
        return base.date().isoformat()
    if low in ("yesterday", "tomorrow"):
        return (base + dt.timedelta(days=-1 if low == "yesterday" else 1)).date().isoformat()
    if not re.search(r"\d", low):
        return None  # "next month", "mid-January", "May": no day to give
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    text = phrase.replace("Dec.", "December").replace("Jan.", "January")
    try:
        d = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises many kinds of errors on odd input
        return None
    return d.date().isoformat() if d else None
