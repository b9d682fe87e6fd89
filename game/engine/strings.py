"""What the engine itself says: reasons, news, breakdown lines, verdicts.

Only the keys the engine uses live here (a test holds it so). The window's,
the terminal's and the classroom's words are in the gettext catalogues under
``game/locale/`` and are read through ``game.i18n``, which falls back to this
table for the engine's keys that the front ends show as they are.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

S: dict[str, str] = {
    # ratification, repetition and the debrief (depth)
    "wwit.once": "{power} would think again once {condition} ({reason})",
    "wwit.conference_opens": "the {conference} has opened",
    "debrief.game_heading": "In this game:",
    "debrief.history_heading": "In 1922:",
    "debrief.no_treaty": "No treaty was signed.",
    "debrief.treaty": "On {date} {hub} and {partners} signed a treaty ({clauses}).",
    "debrief.treaty_among": "On {date} {partners} signed {title} among themselves, without {hub}.",
    "debrief.because": "{power} took it above all for {why}.",
    "debrief.cancelled": "{title} was cancelled by {power} on {date}.",
    "debrief.refused_red": "On {date} {power} refused {clauses}: {reason}",
    "debrief.refused": "On {date} {power} refused {clauses}, {short:.1f} points short; against it weighed {why}.",
    "debrief.unratified": "On {date}: {text}",
    "debrief.statuses": "At the end, relations with {hub} stood so: {list}.",
    "debrief.outcome": "The outcome: {title}.",
    "debrief.no_outcome": "none of the outcomes the scenario names",
    "debrief.history": "{summary}",
    "debrief.history_outcome": "The historical outcome: {title}. {text}",
    "ratify.net_loss": "by everything weighed at home it is a net loss ({total:+.0f}; above all {worst})",
    "ratify.body.hub": "The Politburo in Moscow",
    "ratify.body.partner": "The government of {power}",
    "news.not_ratified": "{body} refuses to ratify {title}: {reason}",
    "cause.not_ratified": "{power} signed {title} and then refused to ratify it",
    "line.repeated": "the same terms again, refused {times}x already: our patience wears thin",
    # breakdown lines
    "line.several_powers": "{label} (from {n} powers)",
    "line.regard": "regard for the other side ({value:.0f})",
    "line.trust": "trust in Moscow's word ({value:.0f})",
    "line.left_out": "fear of being left out{rival}",
    "line.urgency": "urgency: {months:.1f} months without a settlement",
    "line.grievance": "grievance: {reason} (since {since}, fading)",
    "line.united_front": "refusing {bloc} while it stands united is costly (unity {unity:.0f})",
    "line.solidarity": "breaking ranks with {bloc} (unity {unity:.0f})",
    "line.skill": "{name}'s skill at the table",
    "line.not_allowed": "{clause} is not possible here (barred by the scenario, already in force, or granting nothing new)",
    "line.empty": "an empty proposal",
    "line.side_not_topic": "not a topic these two powers bargain over",
    "line.side_relation": "relations with {power} ({value:.0f})",
    "line.side_in_force": "{term} is already in force between us",
    "line.left_out.rival": " ({rival} is close to a deal)",
    # verdicts
    "verdict.accepted": "ACCEPTED",
    "verdict.refused": "REFUSED",
    "verdict.against": "against a threshold of {threshold:+.0f}",
    "verdict.against.about": "against a threshold of about {threshold:+.0f}",
    "verdict.against.hidden": "against a threshold your envoys cannot read",
    "verdict.red_line": "RED LINE: {reason}",
    "verdict.about": "about",
    # what would it take
    "wwit.none_now": "Nothing you can offer now.",
    "wwit.it_would_take": "What would it take:",
    "wwit.or": "Or, keeping the package: {what}.",
    "wwit.would_change": "What would change it: {what}.",
    "wwit.gap": "Their price is beyond any package within reach (short by {gap:.0f}).",
    "wwit.add": "add {clause}",
    "wwit.drop": "drop {clause}",
    "wwit.change": "change {old} to {new}",
    "wwit.raises": "({delta:+.0f} for them, {cost:+.0f} for you)",
    "wwit.weighs": "less of what weighs against it: {label} ({value:+.0f})",
    "wwit.hidden": "Your negotiator cannot read what would change their mind (it takes guile {skill}: {who}).",
    # news produced by the engine
    "news.proposal": "{sender} proposes to {receivers} ({title}): {clauses}.",
    "news.proposal_joint": "{sender} propose to {receivers} ({title}): {clauses}.",
    "news.treaty": "Treaty signed: {title} ({partners}).",
    "effect.break": "{power} breaks off relations; its treaties lapse",
    "effect.restore": "relations with {power} restored ({status})",
    "news.continued": "The campaign continues from the end of {title} ({date}): treaties, relations and the state of affairs carry over.",
    "news.treaty_among": "Treaty signed among other powers: {title} ({partners}).",
    "news.side_rumour": "Word reaches us that {parties} are in talks; what they discuss we cannot learn.",
    "news.rejected": "{power} rejects {title}.",
    "news.countered": "{power} answers {title} with a counter-proposal.",
    "news.cancelled": "{power} cancels {title}.",
    "news.side_treaty": "A separate treaty breaks the {conference}.",
    "news.walkout": "{power} walks out of the {conference}.",
    "news.attend": "{power} takes its seat at the {conference}.",
    "news.conference_opens": "The {conference} opens at {place}.",
    "news.conference_closes": "The {conference} closes.",
    "news.conference_collapses": "Too few delegations remain: the {conference} breaks up.",
    "news.speech": "{power} speaks in plenary on {item}.",
    "news.meeting": "{a} and {b} meet privately ({channel}).",
    "news.bloc_split": "{power} breaks ranks with {bloc}.",
    "news.leader": "{power}: {leader} now leads the government.",
    "news.rename": "{old} takes a new name: {new}.",
    "news.event": "{title}. {text}",
    "news.relations": "{text}",
    "news.posted": "{headline}. {text}",
    "news.text": "{text}",
    "news.breach": "{power} protests: {reason}",
    "news.policy": "{power} sets {policy} to {value:.0f}.",
    "news.assign": "{negotiator} leaves for {mission}.",
    "news.assign_home": "{negotiator} returns home.",
    "news.choice": "{power} chooses: {option}.",
    "news.expired": "{title} lapses unanswered.",
    "news.withdrawn": "{power} withdraws {title}.",
    "cause.cancel": "{power} cancelled {title}",
    "cause.cancel_grievance": "{power} tore up {title}",
    "cause.refund": "credits called back after {title} was cancelled",
    "cause.signed": "signed {title}",
    "cause.split": "{power} made a separate treaty",
    "cause.meeting": "private talks at {conference}",
    "cause.separate_talks": "{power} talks privately with Moscow",
    "cause.near_deal": "an offer came close to agreement",
    # conditions in words (game/engine/describe.py)
    "cond.op.0": "below", "cond.op.1": "at most", "cond.op.2": "above", "cond.op.3": "at least",
    "cond.op.4": "exactly", "cond.op.5": "other than",
    "cond.status.none": "no relations", "cond.status.de_facto": "de facto relations",
    "cond.status.de_jure": "de jure recognition", "cond.status.full_relations": "full relations",
    "cond.value_of": "{power}'s {value}",
    "cond.compare": "{value} is {op} {other}",
    "cond.attends": "{power} attends the {conference}",
    "cond.conference.not_started": "the {conference} has not opened",
    "cond.conference.open": "the {conference} is sitting",
    "cond.conference.closed": "the {conference} is over",
    "cond.conference.broken": "the {conference} is broken",
    "cond.conference.not_open": "the {conference} is not sitting",
    "cond.event": "{event} has happened",
    "cond.event.not": "{event} has not happened",
    "cond.option": "{event} has gone the way of \"{option}\"",
    "cond.option.not": "{event} has not gone the way of \"{option}\"",
    "cond.flag": "the flag {flag} is raised",
    "cond.flag.not": "the flag {flag} is not raised",
    "cond.status_at_least": "{power} has at least {status} with {hub}",
    "cond.status_at_most": "{power} has at most {status} with {hub}",
    "cond.treaty_with": "a treaty with {who}",
    "cond.including": " including {what}",
    "cond.or": " or ",
    "cond.anyone": "anyone",
    "cond.leads": "{leader} leads {power}",
    "cond.date_between": "the date is between {start} and {end}",
    "cond.date_after": "the date is after {date}",
    "cond.date_before": "the date is before {date}",
    "cond.and": ", and ",
    "cond.either": "either ",
    "cond.or_long": ", or ",
    "cond.not": "not: {what}",
    "cond.at_least": "at least {count} of: {parts}",
    # titles, missions and relations
    "title.proposal": "proposal {id}",
    "title.treaty_plain": "Treaty with {partners} ({date})",
    "title.counter": "counter-proposal to {id}",
    "title.side_treaty": "{topic} ({date})",
    "mission.home": "home",
    "status.none": "no relations",
    "status.de_facto": "trade agreement (de facto)",
    "status.de_jure": "de jure recognition",
    "status.full_relations": "full relations",
    # effects in words (game/engine/describe.py)
    "effect.adjust": "{target} {by:+.0f}",
    "effect.set": "{target} set to {to:.0f}",
    "effect.flag": "remembered; it bears on {uses}",
    "effect.flag.quiet": "remembered for later",
    "effect.flag.event": "the event \u201c{event}\u201d",
    "effect.flag.red_line": "{power}'s condition \u201c{reason}\u201d",
    "effect.leader": "{leader} takes office in {power}",
    "effect.rename": "{power} takes the name {name}",
    "effect.status": "{power}: relations at least {status}",
    "effect.grievance": "{power} holds a grievance ({amount:.0f}): {reason}",
    "effect.propose": "{sender} propose {title}",
    "effect.sign": "a treaty is signed: {title}",
    "effect.relation": "relations between {a} and {b}",
    "effect.withdraw": "{power} withdraws from its treaty with {parties} ({clauses})",
    "effect.conference": "{conference}: {action}",
    "effect.personality": "{power} cares {more_less} for {interest}",
    "effect.more": "more",
    "effect.less": "less",
    "effect.end": "the scenario ends",
}


def status_text(level: int) -> str:
    return S["status." + ("none", "de_facto", "de_jure", "full_relations")[level]]


#: What the engine says, kept in the state as data: ``{"key": KEY, "args": {...}}``. An argument is an id, a
#: number, a scenario's own text, or another Said; the words come from a catalogue only when it is shown, so
#: the state hash never depends on them.
Said = dict


def say(key: str, **args: Any) -> Said:
    return {"key": key, "args": args}


def render(said: Any, table: Mapping[str, str] = S) -> str:
    """A Said in the words of ``table`` (the engine's English by default; the edge passes its language's)."""
    if not isinstance(said, dict):
        return str(said)
    args = {k: render(v, table) if isinstance(v, dict) else v for k, v in said.get("args", {}).items()}
    return table[said["key"]].format(**args)


def news_text(entry: Mapping[str, Any], table: Mapping[str, str] = S) -> str:
    """One news entry in words: keyed entries through ``table``; a save from before keys kept its ``text``."""
    if "key" in entry:
        said = render(entry, table)
        return said[:1].upper() + said[1:]     # "the London memorandum lapses" starts a line: "The London ..."
    return str(entry.get("text", ""))
