"""The portfolio report of a centre: its content from aggregate figures, and its PDF renderer.

May import the shared report modules (fonts, labels, layout, styles, text, charts) and the domain.
"""
