<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtGuideDialog</name>
    <message>
        <source>Annotator user guide</source>
        <translation>Annotator-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation>Text des Benutzerhandbuchs</translation>
    </message>
</context>
<context>
    <name>QtHelpFlow</name>
    <message>
        <source>A desktop close-reading app: select spans, tag them, export annotated JSON.</source>
        <translation>Ein Desktop-Programm für genaues Lesen: Stellen auswählen, taggen, annotiertes JSON exportieren.</translation>
    </message>
    <message>
        <source>Library: {library}</source>
        <translation>Bibliothek: {library}</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>Lizenz: {licence}</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>Benutzerhandbuch (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Tasten&amp;kürzel</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>Über &amp;Annotator</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>Über Annotator</translation>
    </message>
</context>
<context>
    <name>QtShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Nach Aktion oder Taste filtern</translation>
    </message>
</context>
</TS>
