<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtTextPane</name>
    <message>
        <source>The text being read: select with Shift and the arrows, ] and [ go to the next and previous annotation</source>
        <extracomment>The pane&apos;s font until the settings (Edit › Settings…) name another. How each coder style of :mod:`annotator.core.coders` is drawn. How each tag pattern of :data:`annotator.core.themes.TAG_PATTERNS` is drawn. Ctrl+mouse wheel: zoom by this many steps (the window&apos;s zoom, saved; not Qt&apos;s own). What a screen reader says of the pane where the caret is in no annotation.</extracomment>
        <translation>Der gelesene Text: Mit Umschalt und den Pfeiltasten auswählen, ] und [ springen zur nächsten und vorigen Annotation</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Dokumenttext</translation>
    </message>
    <message>
        <source>{tags} ({coder})</source>
        <extracomment>A selection dragged with the mouse takes in whole words (a setting, see the Edit menu). More annotations than this changed at once (a merge, an undone delete of many): the highlights are redone lazily, on screen now and the rest when idle, instead of repainting every block each one touches (seconds for 10,000).</extracomment>
        <translation>{tags} ({coder})</translation>
    </message>
    <message>
        <source>{tags} — note: {notes}</source>
        <translation>{tags} — Notiz: {notes}</translation>
    </message>
    <message>
        <source>Tagged {tags}</source>
        <translation>Getaggt: {tags}</translation>
    </message>
    <message>
        <source>by {coder}, {style}</source>
        <translation>von {coder}, {style}</translation>
    </message>
    <message>
        <source>by {coder}</source>
        <translation>von {coder}</translation>
    </message>
</context>
</TS>
