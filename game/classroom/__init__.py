"""Classroom play: a class in delegations, each student a historical person
with a public role, a secret brief and objectives; a facilitator who paces
the rounds and injects news; paper packets, and an export and debrief that
set the class's conference beside the real one.

``session`` runs a session on one machine, ``packets`` writes the printable
role packets and the facilitator's guide, ``export`` and ``debrief`` turn a
save into log.csv, treaties.csv, session.json and debrief.html, and
``commands`` adds ``python main.py classroom ...``. The window's classroom
screens are in game/ui/screens/classroom_*.py.
"""
