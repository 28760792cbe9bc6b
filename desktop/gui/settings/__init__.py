"""The Configuración screen and the adviser dialog (first start, change of adviser).

May import ``desktop.gui.shared``, services and the domain; never storage.
"""
