"""The Sincronización screen: bundles between laptops and the centre, and settling conflicts.

May import ``desktop.gui.shared``, services and the domain; never storage.
"""
