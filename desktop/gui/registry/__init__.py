"""The firm registry screens: the list, a firm's detail, the firm form, import and export.

May import ``desktop.gui.shared``, services and the domain; never storage or report renderers.
"""
