<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ImportCommand</name>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>QtImportSummaryDialog</name>
    <message>
        <source>This import adds annotations to documents already in the library. Nothing has been written yet.</source>
        <translation>Dieser Import fügt Dokumenten, die bereits in der Bibliothek sind, Annotationen hinzu. Noch wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The library changed since the last summary; this is what the import would do now.</source>
        <translation>Die Bibliothek hat sich seit der letzten Zusammenfassung geändert; das würde der Import jetzt tun.</translation>
    </message>
    <message>
        <source>Import a colleague&apos;s work?</source>
        <translation>Die Arbeit eines Kollegen importieren?</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Importzusammenfassung</translation>
    </message>
    <message>
        <source>Changed since the last summary</source>
        <translation>Seit der letzten Zusammenfassung geändert</translation>
    </message>
    <message>
        <source>About this import</source>
        <translation>Über diesen Import</translation>
    </message>
    <message>
        <source>What the import would write</source>
        <translation>Was der Import schreiben würde</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Den Import abbrechen</translation>
    </message>
</context>
</TS>
