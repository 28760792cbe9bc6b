"""The assessment screens: the list of assessments, the interview, the result and the follow-up.

May import ``desktop.gui.shared``, services and the domain; never storage or report renderers.
"""
