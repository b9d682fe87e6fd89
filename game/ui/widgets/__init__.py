"""Things drawn by hand: the map, charts, pictures, paper and patterns."""
