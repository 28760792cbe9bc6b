"""What every screen uses: messages, background tasks, tables, charts, form fields, translations.

May import services and the domain; never a screen package (registry, assessment, sync ...).
"""
