"""Record targets: browser traces (cookies, history, form entries) removed as rows of databases.

A record target is catalog data (`kind = "records"`, see schema.py); what each kind removes
from each database is a recipe (recipes.py). The engine's `scan()` and `clean()` hand record
targets to `scan_record_target` and `clean_record_target`; the faces use the keep-list
(domains.py), the suggestions (suggest.py) and the confirmation summary (summary.py).
"""
