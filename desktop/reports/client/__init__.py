"""The client report: its content built by pure functions, and its PDF renderer.

May import the shared report modules (fonts, labels, layout, styles, text, charts) and the domain.
"""
