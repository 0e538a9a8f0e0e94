"""Which clause of an event sentence a date or an act belongs to.

A sentence often carries more than its event: the day a reaction or a quote was
given, or the year inside a name of an earlier incident. Rules:

- a date before a reaction verb that precedes the trigger ("Guterres, pada 16
  September 2019, mengutuk serangan ...") dates the reaction, not the act;
- in a direct quotation, a date after the closing quote mark ('"...," kata X,
  Selasa') dates the saying, not the act quoted -- also where the quotation began
  in an earlier sentence and only its end and attribution are in this one; but an
  act done by saying it (``SAID``: a threat disclosed, a pledge, a policy or sanction
  announced) is dated by the saying;
- a year or full date right after the name of an attack ("dalang bom Bali 2002",
  "pelaku bom Thamrin 14 Januari 2016") dates that attack: in a sentence whose
  event is another act (a trial, an arrest), it is no date of that act; so too a
  yearless 9/11 ("didirikan setelah 9/11");
- in a plot ("berniat menggagalkan pelantikan pada hari ini (1/10)", "merencanakan aksi pada
  Sabtu (29/9)"), a date after the planning word is the plot's target day, not the day the
  ``threat`` was disclosed (contract: a threat is dated by its disclosure);
- an attack that someone calls for ("menyerukan ... untuk menyerang", "urged
  followers to attack") has not happened: it is a ``threat``;
- who reacts to an act ("Australia menyambut baik dakwaan ...", "condemned the attack") is no
  party to it: the act's parties come from after the reaction verb;
- a pledge whose subject is a pronoun or "kedua negara" right before its verb
  ("Mereka bersepakat akan meningkatkan kerja sama") is made by the parties the
  previous sentence named.
"""

from __future__ import annotations

import re
from peristiwa.extract.dates import NINE_ELEVEN
from peristiwa.extract.text import FoundDate

__all__ = ["SAID", "anaphoric_subject", "attack_called_for", "nearest_date", "own_dates", "reaction_end"]

# Condemning an act; reacting to it also takes welcoming and praising (who reacts is no party to the act).
_CONDEMNING = (r"mengutuk|mengecam|menyesalkan|menyayangkan|menanggapi|mengomentari|"
               r"condemn(?:s|ed)?|denounc(?:es|ed)|deplor(?:es|ed)")
_REACTION = re.compile(rf"(?<!\w)(?:{_CONDEMNING})(?!\w)", re.IGNORECASE)
_REACTED = re.compile(rf"(?<!\w)(?:{_CONDEMNING}|(?:sambut|menyambut)(?:\s+baik)?|mengapresiasi|memuji|"
                      r"welcom(?:es|ed)|prais(?:es|ed))(?!\w)", re.IGNORECASE)
_CLOSE_QUOTE = re.compile(r"[\"”]")
# An attack's name and its date: capitalised words of the name only between ("bom Bali 2002").
_NAMED = re.compile(r"(?<!\w)(?:bom|pengeboman|pemboman|serangan|penyerangan|tragedi|ledakan|teror|"
                    r"attacks?|bombings?)\s+(?:[A-Z][\w'’.\-]*\s+){0,3}$", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
# The end of a quotation that began in an earlier sentence: '... sudah ditangkap," kata Kapolda, Selasa (24/9).'
_ATTRIBUTION = re.compile(r"[\"”]\s*,?\s*(?:kata|ujar|ucap|tutur|jelas|ungkap|terang|tegas|imbuh|sebut|said|says"
                          r"|told)\w*", re.IGNORECASE)
_CALL = re.compile(r"(?<!\w)(?:menyerukan|mengajak|menghasut|menyeru|memerintahkan\s+pengikut\w*|"
                   r"called\s+(?:on|for|upon)|urg(?:es|ed)|incit(?:es|ed))(?!\w)", re.IGNORECASE)

# Acts done by saying them: a plot disclosed (contract: dated by its disclosure), a pledge stated, a
# policy or a sanction announced. The day they were said is their day, a quotation's attribution too.
SAID = frozenset({"threat", "cooperation_pledge", "policy", "sanction"})
_PLAN = re.compile(r"(?<!\w)(?:merencanakan|berencana|rencana|berniat|hendak|ingin|akan|plann(?:ed|ing)|plans?\s+to"
                   r"|plott(?:ed|ing)|plots?\s+to|intend(?:ed|s)?\s+to|aim(?:ed|ing)\s+to)(?!\w)", re.IGNORECASE)

_SUBJECT = re.compile(r"(?<!\w)(?:mereka|keduanya|kedua\s+(?:negara|pihak|pemimpin|kepala\s+negara|menteri|lembaga)|"
                      r"they|both\s+(?:countries|sides|leaders|governments))(?:\s+\w+){0,2}\s+$", re.IGNORECASE)


def reaction_end(text: str, start: int, trigger_start: int) -> int:
    """Where the act's own clause begins: after a reaction verb before the trigger ("Australia
    menyambut baik dakwaan terhadap Hambali": who reacts is no party to the charge), else ``start``."""
    m = None
    for m in _REACTED.finditer(text, start, trigger_start):
        pass
    return m.end() if m is not None else start


def own_dates(text: str, start: int, end: int, dates: list[FoundDate], trigger_start: int, quoted: bool,
              event_type: str) -> list[FoundDate]:
    """The sentence's dates that may date its event (see the module's rules)."""
    if not dates:
        return dates
    reaction = _REACTION.search(text, start, trigger_start)
    close = None
    if event_type in SAID:
        pass  # said acts: the attribution's day is the act's
    elif quoted:
        m = _CLOSE_QUOTE.search(text, start + 1, end)
        close = m.start() if m and m.start() > trigger_start else None
    else:
        m = _ATTRIBUTION.search(text, trigger_start, end)
        close = m.start() if m else None
    plan = _PLAN.search(text, start, end) if event_type == "threat" else None
    kept = []
    for d in dates:
        if plan is not None and d.start > plan.start():
            continue
        if reaction is not None and d.end <= reaction.start():
            continue
        if close is not None and d.start > close:
            continue
        if event_type != "attack" and (_YEAR.search(d.text) and _named(text, start, d.start)
                                       or d.date == NINE_ELEVEN and not _YEAR.search(d.text)):
            continue  # "setelah 9/11": the attacks' name, no date of this act
        kept.append(d)
    return kept


def _named(text: str, start: int, at: int) -> bool:
    """The date at ``at`` closes the name of an attack: case-sensitive capitals, so no IGNORECASE there."""
    m = _NAMED.search(text, max(start, at - 60), at)
    return m is not None and all(w[0].isupper() for w in text[m.start():at].split()[1:])


def attack_called_for(text: str, start: int, trigger_start: int) -> bool:
    """An attack word after a call to commit it: a call for attacks, not an attack."""
    return _CALL.search(text, start, trigger_start) is not None


def anaphoric_subject(text: str, start: int, trigger_start: int) -> bool:
    """"Mereka bersepakat akan ...", "Both countries pledged ...": the act's subject is told before."""
    return _SUBJECT.search(text, max(start, trigger_start - 60), trigger_start) is not None


def nearest_date(dates: list[FoundDate], trigger_start: int, trigger_end: int) -> FoundDate | None:
    """Of several dates in one sentence, the one closest to the act's word: "Kasus yang diajukan
    pada 2003 itu mendapat dorongan pada 2016 ketika Kongres mengeluarkan undang-undang" dates the
    law 2016. Ties go to the earlier date."""
    if not dates:
        return None
    return min(dates, key=lambda d: max(trigger_start - d.end, d.start - trigger_end, 0))
