"""View-models: plain data built from the engine's state and views, one
module per screen, for the screens to draw and the tests to check. They
read; they never change the game, and they hold no rules of their own."""
