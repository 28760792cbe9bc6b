"""Use cases of the firm registry: register and edit firms, the firm list, duplicates, import, export.

May import storage (``db``) and the domain; the GUI and the command line call these.
"""
