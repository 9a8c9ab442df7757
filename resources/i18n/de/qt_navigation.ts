<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtNavigation</name>
    <message>
        <source>Next annotation</source>
        <translation>Nächste Annotation</translation>
    </message>
    <message>
        <source>Previous annotation</source>
        <translation>Vorherige Annotation</translation>
    </message>
    <message>
        <source>Extend selection to the sentence end</source>
        <translation>Auswahl bis zum Satzende erweitern</translation>
    </message>
    <message>
        <source>Extend selection to the sentence start</source>
        <translation>Auswahl bis zum Satzanfang erweitern</translation>
    </message>
    <message>
        <source>Snap selection to whole &amp;words</source>
        <translation>Auswahl auf ganze &amp;Wörter erweitern</translation>
    </message>
    <message>
        <source>A selection dragged with the mouse takes in the words its ends cut through</source>
        <translation>Eine mit der Maus gezogene Auswahl schließt die Wörter ein, die ihre Enden durchschneiden</translation>
    </message>
    <message>
        <source>No annotation further on.</source>
        <translation>Keine weitere Annotation.</translation>
    </message>
    <message>
        <source>No annotation before.</source>
        <translation>Keine Annotation davor.</translation>
    </message>
</context>
<context>
    <name>QtPaneCycler</name>
    <message>
        <source>Next pane</source>
        <extracomment>A pane: the area the focus counts as in, and the widget F6 puts the keyboard on (None: the area&apos;s first widget that takes Tab focus).</extracomment>
        <translation>Nächster Bereich</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Vorheriger Bereich</translation>
    </message>
</context>
</TS>
