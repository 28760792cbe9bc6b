"""Qt widgets, one module per screen."""
