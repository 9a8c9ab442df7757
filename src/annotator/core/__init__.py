"""Core: the domain in plain Python. No Qt, no SQL.

Text normalisation and decoding, code-point/UTF-16 offset maps, W3C-style
selectors and anchoring, annotations and tags, and the span index that the
text pane's highlighter queries.
"""
