"""The game in a window: pygame-ce and pygame_gui.

The window shows the engine's state and sends its commands; it holds no
rules of its own. ``app.App`` is a steppable loop (``App.step(events)``),
screens live in ``screens/``, what they show is built as plain data in
``viewmodels/``, and hand-drawn things (the map, charts, pictures, paper)
in ``widgets/``.
"""
