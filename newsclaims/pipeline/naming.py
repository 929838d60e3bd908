"""Last passes over the speakers' names, once every claim is found (one job: the name as written).

``unglue``: a name never runs on into the sentence: "Fondo Forestal la tala de …" (an article
and a lower-case word after a name, the model's span too long) is "Fondo Forestal"; "Organización
de las Naciones Unidas" and "Isabel la Católica" keep their articles; an acronym set off by dashes
after the name ("Cámara Textil -CTX-") is not part of it, nor a short name or a description set off
by a comma ("Agencia Andina de Aguas, Andagua", "Concejalía de Cultura, dirigida por …").

``described``: a speaker the article never names is named by the words it gives, without their
article (guidelines rule 9): "el vocero de la entidad" is "vocero de la entidad".

``complete``: a surname alone gets the full name the article gives that person elsewhere, and so do
both surnames written without the given name ("Ulloa Barragán" after "Julio César Ulloa").

The resolver already names "Ruiz" by the entity the model found for "Ana Ruiz".  Where the model
missed the full name as a person (a source after "según", a name it tagged as something else), the
claims still hold it: "Según Baltasar Quiles, gerente de …" names "Baltasar Quiles", and a later
"…, explica Gil" is the same person.  Exactly one candidate is needed: a full name (a given name
first, two words or more) among the article's person speakers and person entities whose words
after the first include the surname.  Two candidates ("Ana Gil", "Luis Gil") leave it alone.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..claims import Claim
from ..entities import Entity
from ..names import given_name_gender, word_gender, written_full_names
from ..rules import fold, role_nouns
from .kinds import initials, noun_kind

_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})
_LINKS = frozenset({"de", "del", "a", "al", "y", "e", "en", "para", "por", "con"})


_ACRONYM_ASIDE = re.compile(r"\s*[—–]\s*[A-ZÁÉÍÓÚÑ]{2,}\s*[—–]?$")
_NAME_WORD = r"(?:[A-ZÁÉÍÓÚÑ][\w.'-]*|de|del|la|las|los|y|e|para|por|en)"
# "Agencia Andina de Aguas, Andagua": a body's short name set off by a comma;
# "Concejalía de Cultura, dirigida por …", "Ramírez, de la cancillería": a description after it
_COMMA_ASIDE = re.compile(rf"^((?:{_NAME_WORD}\s+)*[A-ZÁÉÍÓÚÑ][\w.'-]*),\s+(?:[A-ZÁÉÍÓÚÑ][\w-]*|[a-záéíóúñ].*)$")


def unglue(claims: list[Claim]) -> None:
    for c in claims:
        sp = c.speaker
        if sp is None or not sp.name or not sp.name[:1].isupper():
            continue
        name = _ACRONYM_ASIDE.sub("", sp.name)  # "Cámara Textil —CTX": the acronym's aside is not the name
        kind = sp.kind
        if sp.kind in ("organisation", "person") and (aside := _COMMA_ASIDE.match(name)) \
                and (sp.kind == "organisation" or aside.group(0)[aside.end(1) + 2:][:1].islower()):
            name = aside.group(1)
            if given_name_gender(name) is not None:
                kind = "person"  # "Lucía Marín, diputada del Partido Verde": typed by its body, a person
        if sp.kind in ("organisation", "person") and (pair := _person_and_title(name)) is not None:
            name, kind = pair, "person"
        if name != sp.name:
            c.speaker = sp = replace(sp, name=name, kind=kind)
        words = name.split()
        for k in range(1, len(words) - 1):
            if words[k] in _ARTICLES and words[k - 1][:1].isupper() and words[k - 1].lower() not in _LINKS \
                    and words[k + 1][:1].islower():
                c.speaker = replace(sp, name=" ".join(words[:k]))
                break


def _person_and_title(name: str) -> str | None:
    """The person's name of a name and a capitalised title set off by a comma, in either order:
    "Tomás Gil, Director General de Radio Sur" and "Partido Verde, Lucía Marín" (the model's span
    over "la senadora del Partido Verde, Lucía Marín") are "Tomás Gil", "Lucía Marín"."""
    if name.count(", ") != 1:
        return None
    first, second = name.split(", ")
    if given_name_gender(first) is not None and second.split()[0].lower() in role_nouns() \
            and given_name_gender(second) is None:
        return first
    words = second.split()
    if given_name_gender(second) is not None and given_name_gender(first) is None and len(words) <= 5 \
            and all(w[:1].isupper() or w in ("de", "del", "la", "las", "los") for w in words):
        return second
    return None


def complete(claims: list[Claim], entities: list[Entity], text: str = "") -> None:
    full = {c.speaker.name for c in claims if c.speaker is not None and c.speaker.name and c.speaker.kind == "person"}
    # a person's full name the model tagged otherwise ("Tadeo Quiroga" as MISC) counts as well
    full |= {e.name for e in entities if e.label in ("PER", "MISC")}
    full = {n for n in full if len(n.split()) >= 2 and " y " not in f" {n} " and given_name_gender(n) is not None}
    for c in claims:
        sp = c.speaker
        if sp is None:
            continue
        words = (sp.name or "").split()
        if sp.kind == "person" and len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words) \
                and word_gender(words[0]) is None:
            # both surnames ("Ulloa Barragán") of the person the article names by given name and first
            # surname ("Julio César Ulloa"): the full name written
            found = {n for n in full if n.split()[-1] == words[0]}
            if len(found) == 1:
                c.speaker = replace(sp, name=found.pop())
            continue
        # a surname the resolver named, or one it left unnamed ("Reyes recomienda …"), or one it took
        # for a body, written without an article ("…, aseveró Barca" after "Tomás Barca")
        word = sp.name if sp.name and (sp.kind == "person" or sp.kind == "organisation" and _bare(sp)) \
            else sp.text if sp.name is None else None
        if not word or len(word.split()) != 1 or word.isupper() or not word[:1].isupper():
            continue
        found = {n for n in full if word in n.split()[1:]}
        if not found and sp.kind == "person" and word_gender(word) is not None:
            # a given name alone ("Rebeca dijo …") is the one person the article names in full with it
            found = {n for n in full if n.split()[0] == word}
        if not found and text and sp.kind != "organisation":
            found = written_full_names(text, word)
        if len(found) == 1:
            c.speaker = replace(sp, name=found.pop(), kind="person")


def _bare(sp) -> bool:
    """A one-word name written at the claim as it is, no article before it ("Barca", "Barca, quien")."""
    return bool(sp.name) and " " not in sp.name and (sp.text or "").split(",")[0].strip() == sp.name


_FORM_PARTICLES = frozenset({"de", "del", "la", "las", "los"})
_GENERATION = frozenset({"jr", "junior", "júnior", "hijo", "sr", "senior", "ii", "iii"})


def body_named(claims: list[Claim]) -> None:
    """A name the article also calls by a body's noun is that body's, in every claim: "Kurier"
    (tagged a person) after "…, se pregunta el diario" resolved to it is an organisation — never a
    name with a given name ("Ana Kurier")."""
    bodies = {c.speaker.name for c in claims if c.speaker is not None and c.speaker.name
              and c.speaker.kind == "organisation" and c.speaker.text.split()[0].lower() in _ARTICLES
              and len(c.speaker.text.split()) == 2 and noun_kind(c.speaker.text.split()[1]) == "organisation"}
    for c in claims:
        sp = c.speaker
        if sp is not None and sp.name in bodies and sp.kind == "person" and given_name_gender(sp.name) is None:
            c.speaker = replace(sp, kind="organisation")


def _extra_name_words(words: list[str], before: bool) -> bool:
    """Words a form adds to a name are name words: capitalised, or a particle inside ("María del
    Rocío"); added before the name, the first is a given name or at least no noun the kinds
    lexicon knows ("Oficina Central Quiroga")."""
    if not words or len(words) > 3 or (before and word_gender(words[0]) is None
                                       and noun_kind(words[0]) is not None):
        return False
    if not before and words[-1].rstrip(".").lower() in _GENERATION:
        return False  # "Lucas Prado Jr." may be the son of the "Lucas Prado" who speaks
    if not all(w[:1].isupper() and w[1:].replace("-", "").isalpha() and not w.isupper()
               or (k > 0 and w in _FORM_PARTICLES) for k, w in enumerate(words)):
        return False
    return before or words[-1][:1].isupper()


def fullest(claims: list[Claim], entities: list[Entity]) -> None:
    """A person's name takes the fullest form the article gives the same person (guidelines: the
    canonical name is the fullest): "Rocío Vidal Tena" (the model's span after a sentence-opening
    "María del") is "María del Rocío Vidal Tena" where another claim names it so, and "Ana Frías"
    is "Ana Frías Lobo" where a claim or a person entity writes that.  The longer form holds the
    name's words in a row at its end or its start, the words it adds are name words (a given name
    when they open it), and the longer forms found nest in one another (two different ones leave
    the name alone).  Words before a name come from speakers only: the model glues a medium
    addressed before a name to it ("afirmó a Efe Ana Frías"; Efe is a given name too)."""
    speakers = {c.speaker.name for c in claims
                if c.speaker is not None and c.speaker.name and c.speaker.kind == "person"}
    forms = {f: f.split() for f in speakers | {e.name for e in entities if e.label == "PER"}
             if " y " not in f" {f} "}
    longest: dict[str, str | None] = {}
    for c in claims:
        sp = c.speaker
        if sp is None or not sp.name or sp.kind != "person" or sp.name not in forms:
            continue
        if sp.name not in longest:
            words = forms[sp.name]
            n = len(words)
            found = [f for f, fw in forms.items() if len(fw) > n >= 2
                     and (fw[-n:] == words and f in speakers and _extra_name_words(fw[:-n], True)
                          or fw[:n] == words and _extra_name_words(fw[n:], False))]
            best = max(found, key=len, default=None)
            if best is not None and not all(f" {f} " in f" {best} " for f in found):
                best = None
            longest[sp.name] = best
        if longest[sp.name] is not None:
            c.speaker = replace(sp, name=longest[sp.name])


def _opens(longer: str, name: str) -> bool:
    """Whether ``longer`` is ``name`` and more words after it, a name's word among them, the first
    letter's case aside ("Subsecretaría de Pesca Artesanal" for "subsecretaría de Pesca";
    not "Junta Portuaria hasta la tarde", a name the model ran on)."""
    return len(longer) > len(name) + 1 and longer[len(name)] == " " \
        and longer[:1].lower() == name[:1].lower() and longer[1:len(name)] == name[1:] \
        and any(w[:1].isupper() for w in longer[len(name):].split())


def fullest_body(claims: list[Claim], entities: list[Entity]) -> None:
    """A body takes the fullest name the article gives it (guidelines: the canonical name is the
    fullest): "Fiscalía" in a headline, "la subsecretaría de Salud" are "Fiscalía General de
    Tulca", "subsecretaría de Pesca Artesanal" where a claim or an entity names it so.
    The longer forms found nest in one another (two different ones, "Fiscalía General" and "Fiscalía
    de Menores", leave the name alone); an acronym, a person's or a document's name is left as it is."""
    bodies = {c.speaker.name for c in claims if c.speaker is not None and c.speaker.name
              and c.speaker.kind == "organisation"}
    forms = bodies | {e.name for e in entities if e.label in ("ORG", "MISC", "LOC") and given_name_gender(e.name) is None}
    longest: dict[str, str | None] = {}
    for c in claims:
        sp = c.speaker
        if sp is None or not sp.name or sp.kind != "organisation" or sp.name.isupper() or " y " in f" {sp.name} ":
            continue
        if sp.name not in longest:
            # (a description, "autoridades", takes a name, "Fuerzas Armadas de X", not more description)
            described = not any(w[:1].isupper() for w in sp.name.split())
            found = [f for f in forms if _opens(f, sp.name) and " y " not in f" {f[len(sp.name):]} "
                     and not (described and f[:1].islower())]
            best = max(found, key=len, default=None)
            if best is not None and not all(_opens(best, f) or best == f for f in found):
                best = None
            longest[sp.name] = best
        if longest[sp.name] is not None:
            c.speaker = replace(sp, name=longest[sp.name])


_COUNTRY = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?"


_CAPITAL_ARTICLE = re.compile(r"[a-záéíóúñ,][ \t]+(El|La|Los|Las)[ \t]+$")  # (not after a line break)


def with_article(claims: list[Claim], text: str) -> None:
    """A body whose name opens with an article written with a capital inside a sentence keeps it:
    "según El Eco Austral", "el diario La Voz del Valle" -> "El Eco Austral", "La Voz del Valle"
    (a newspaper's masthead; an article opening a sentence says nothing, "La Secretaría informó")."""
    done: dict[str, str | None] = {}
    for c in claims:
        sp = c.speaker
        if sp is None or not sp.name or sp.kind != "organisation" or not sp.name[:1].isupper() \
                or sp.name.split()[0].lower() in _ARTICLES:
            continue
        if sp.name not in done:
            done[sp.name] = None
            for m in re.finditer(rf"(?<![\w-]){re.escape(sp.name)}(?![\w-])", text):
                found = _CAPITAL_ARTICLE.search(text, max(0, m.start() - 40), m.start())
                if found is not None:
                    done[sp.name] = f"{found.group(1)} {sp.name}"
                    break
        if done[sp.name] is not None:
            c.speaker = replace(sp, name=done[sp.name])


def national(claims: list[Claim], text: str) -> None:
    """A body named by its name, or its acronym, and a nationality adjective ("el Tribunal Supremo
    chileno", "el TS chileno") takes the form the article writes with the country: "Tribunal Supremo
    de Chile" (the adjective and the country share their start: chileno/Chile, austríaco/Austria)."""
    done: dict[str, str | None] = {}
    for c in claims:
        sp = c.speaker
        if sp is None or not sp.name or sp.kind != "organisation":
            continue
        words = sp.name.split()
        if len(words) < 2 or not words[-1].islower() or not words[0][:1].isupper() \
                or not all(w[:1].isupper() or w in _LINKS or w in _ARTICLES for w in words[:-1]):
            continue
        if sp.name not in done:
            done[sp.name] = _with_country(words[:-1], words[-1], text)
        if done[sp.name] is not None:
            c.speaker = replace(sp, name=done[sp.name])


def _with_country(body: list[str], adjective: str, text: str) -> str | None:
    stem = fold(adjective)
    acronym = len(body) == 1 and body[0].isupper() and len(body[0]) >= 2
    head = " ".join(body)
    # "Tribunal Supremo de Chile", or for an acronym the capitalised words whose initials it spells
    # (a lookahead: the match may start at any capitalised word, "El Tribunal …" or "Tribunal …")
    pattern = rf"(?=\b((?:[A-ZÁÉÍÓÚÑ]\w+\s+(?:(?:de|del|la|las|los|y)\s+)*){{1,6}})de\s+({_COUNTRY})\b)" if acronym \
        else rf"\b({re.escape(head)})\s+de\s+({_COUNTRY})\b"
    found = set()
    for m in re.finditer(pattern, text):
        name, country = " ".join(m.group(1).split()), m.group(2)
        first = fold(country.split()[0])
        if len(first) < 4 or stem[:4] != first[:4]:
            continue
        if acronym and initials(name.split()) != body[0]:
            continue
        found.add(f"{name} de {country}")
    return found.pop() if len(found) == 1 else None


_PRONOUNS = frozenset({"que", "quien", "quienes", "cual", "cuales", "él", "ella", "ellos", "ellas", "este", "esta",
                       "ese", "esa", "aquel", "aquella", "éste", "ésta", "ése", "ésa", "lo", "la", "le", "se", "me"})


def described(claims: list[Claim]) -> None:
    """An unnamed speaker of a known kind takes the words the article gives it, without a leading
    article: "el autor de la petición" -> "autor de la petición" ("quien", "él" stay unnamed)."""
    for c in claims:
        sp = c.speaker
        if sp is None or sp.name or not sp.text or sp.kind is None:
            continue
        words = sp.text.split()
        while words and words[0].lower() in _ARTICLES:
            words = words[1:]
        if not words or words[0].lower() in _PRONOUNS or len(words) > 12 or not words[0][:1].islower():
            continue  # (a capitalised title, "el Presidente", would read as a name: left unnamed)
        run = best = 0
        body = False
        for k, w in enumerate(words):
            if not w[:1].isupper():
                run, body = 0, False
                continue
            # (a body's name that opens with its noun is no person's: "de la Federación Minera Andina")
            body = body or run == 0 and k > 0 and noun_kind(w) == "organisation"
            run = 0 if body else run + 1
            best = max(best, run)
        if best >= 3:
            continue  # "el ministro de Relaciones Exteriores Yun Soo": a name the resolver missed inside
        name = " ".join(words)
        if "(" in name and ")" not in name:
            name = name[:name.index("(")].rstrip()  # "secretario de Turismo (Sectur": the aside cut off
        c.speaker = replace(sp, name=name)
