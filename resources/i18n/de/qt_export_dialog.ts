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
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Current document</source>
        <translation>Aktuelles Dokument</translation>
    </message>
    <message>
        <source>Selected documents ({count})</source>
        <translation>Ausgewählte Dokumente ({count})</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Ganze Bibliothek</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Set to export</source>
        <translation>Zu exportierendes Set</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codierer</translation>
    </message>
</context>
</TS>
