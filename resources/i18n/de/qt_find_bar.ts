<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtFindBar</name>
    <message>
        <source>Find in document</source>
        <extracomment>The most hits the bar marks and steps through (the search stops there): a pattern that matches nearly everything (&quot;.&quot; as a regex) stays a keystroke&apos;s work.</extracomment>
        <translation>Im Dokument suchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation>In diesem Dokument suchen</translation>
    </message>
    <message>
        <source>Previous hit</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3, Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+F3, Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Next hit (F3, Enter)</source>
        <translation>Nächster Treffer (F3, Eingabe)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Auto-code…</source>
        <translation>Automatisch codieren …</translation>
    </message>
    <message>
        <source>Auto-code hits</source>
        <translation>Treffer automatisch codieren</translation>
    </message>
    <message>
        <source>Tag every hit, its sentence or its paragraph, after a preview (Alt+A)</source>
        <translation>Jeden Treffer, seinen Satz oder seinen Absatz taggen, nach einer Vorschau (Alt+A)</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>{count}+ hits</source>
        <translation>{count}+ Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>No hits to auto-code</source>
        <translation>Keine Treffer zum automatischen Codieren</translation>
    </message>
    <message>
        <source>Type what to find first</source>
        <translation>Geben Sie zuerst ein, was gesucht werden soll</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} von {total}</translation>
    </message>
</context>
</TS>
