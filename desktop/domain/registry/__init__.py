"""The firm registry's rules: field validation (tax ids, phones, amounts), duplicates, firm tables.

Pure rules over dicts and strings; may import only ``desktop.domain`` base modules (errors, text).
"""
