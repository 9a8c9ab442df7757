<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCoderChooser</name>
    <message>
        <source>Coder</source>
        <translation>Codierer</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle Codierer</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Blind coding: only your own annotations</source>
        <translation>Blindcodierung: nur Ihre eigenen Annotationen</translation>
    </message>
</context>
<context>
    <name>QtScopeChooser</name>
    <message>
        <source>Scope: which documents</source>
        <extracomment>Scope kinds (the scope list&apos;s item data is (kind, name)).</extracomment>
        <translation>Bereich: welche Dokumente</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Attributwert</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>beliebiger Wert</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Ganze Bibliothek</translation>
    </message>
    <message>
        <source>Documents selected in the library</source>
        <translation>In der Bibliothek ausgewählte Dokumente</translation>
    </message>
    <message>
        <source>Set: {name}</source>
        <translation>Set: {name}</translation>
    </message>
    <message>
        <source>Attribute: {name}</source>
        <translation>Attribut: {name}</translation>
    </message>
    <message>
        <source>select some documents in the library list first, or choose another scope</source>
        <translation>wählen Sie zuerst Dokumente in der Bibliotheksliste aus, oder wählen Sie einen anderen Bereich</translation>
    </message>
</context>
</TS>
