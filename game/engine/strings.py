"""Every sentence the game itself says to players, in one place.

Scenario text (events, powers, clauses) lives in the scenario files; this
catalogue holds the engine's and front ends' own words, keyed, with
``str.format`` placeholders, ready to be translated as a whole.
"""
from __future__ import annotations

S: dict[str, str] = {
    # breakdown lines
    "line.several_powers": "{label} (from {n} powers)",
    "line.regard": "regard for the other side ({value:.0f})",
    "line.trust": "trust in Moscow's word ({value:.0f})",
    "line.left_out": "fear of being left out{rival}",
    "line.urgency": "urgency: {months:.1f} months without a settlement",
    "line.grievance": "grievance: {reason} (since {since}, fading)",
    "line.united_front": "refusing a united {bloc} is costly (unity {unity:.0f})",
    "line.solidarity": "breaking ranks with {bloc} (unity {unity:.0f})",
    "line.skill": "{name}'s skill at the table",
    "line.not_allowed": "{clause} is not possible here (barred by the scenario, or already in force)",
    "line.empty": "an empty proposal",
    "line.left_out.rival": " ({rival} is close to a deal)",
    # verdicts
    "verdict.accepted": "ACCEPTED",
    "verdict.refused": "REFUSED",
    "verdict.against": "against a threshold of {threshold:+.0f}",
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
    "wwit.no_longer": "a change in the circumstances ({condition})",
    "wwit.weighs": "less of what weighs against it: {label} ({value:+.0f})",
    "wwit.hidden": "Your negotiator cannot read what would change their mind (it takes guile {skill}: {who}).",
    # news produced by the engine
    "news.proposal": "{sender} proposes to {receivers}: {title}.",
    "news.treaty": "Treaty signed: {title} ({partners}).",
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
    "news.breach": "{power} protests: {reason}",
    "news.policy": "{power} sets {policy} to {value:.0f}.",
    "news.assign": "{negotiator} goes to {mission}.",
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
    "cause.speech": "a speech in plenary",
    "title.proposal": "proposal {id}",
    "title.treaty": "Treaty of {place} ({date})",
    "title.treaty_plain": "Treaty with {partners} ({date})",
    "title.counter": "counter-proposal to {id}",
    "mission.home": "home",
    "status.none": "no relations",
    "status.de_facto": "trade agreement (de facto)",
    "status.de_jure": "de jure recognition",
    "status.full_relations": "full relations",
}


def status_text(level: int) -> str:
    return S["status." + ("none", "de_facto", "de_jure", "full_relations")[level]]
