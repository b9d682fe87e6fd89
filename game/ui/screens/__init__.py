"""The screens of the window, one class each (see ``base.Screen``)."""
