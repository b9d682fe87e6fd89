"""The classroom across the room: the teacher's game as a host that students join from a browser.

``session`` holds the game, the roles and their saves; ``server`` is the
aiohttp web server and websocket protocol (docs/CLASSROOM.md); ``web/`` is
the student page; ``commands`` adds ``classroom host`` to the command line.
"""
