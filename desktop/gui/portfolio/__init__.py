"""The centre's portfolio screens: the Tablero (dashboard) and Informes (client and portfolio reports).

May import ``desktop.gui.shared``, services and the domain; never storage or report renderers.
"""
