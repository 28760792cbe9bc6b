"""PDF reports: shared fonts, labels, styles and layout at the top; ``client`` and ``portfolio`` reports below.

May import the domain and ``desktop.resources``; never storage, services or Qt.
"""
