<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtExportDialog</name>
    <message>
        <source>(no coder)</source>
        <translation>(kein Codierer)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Current document</source>
        <translation>Aktuelles Dokument (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Selected documents ({count})</source>
        <translation>Au&amp;sgewählte Dokumente ({count})</translation>
    </message>
    <message>
        <source>&amp;Whole library</source>
        <translation>Ganze Bibliothek (&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;et</source>
        <translation>S&amp;et</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>C&amp;odierer</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Set to export</source>
        <translation>Zu exportierendes Set</translation>
    </message>
</context>
</TS>
