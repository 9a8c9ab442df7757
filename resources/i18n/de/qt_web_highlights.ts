<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtWebHighlightsImport</name>
    <message>
        <source>Open the document the highlights were made on first.</source>
        <translation>Öffnen Sie zuerst das Dokument, auf dem die Markierungen gemacht wurden.</translation>
    </message>
    <message>
        <source>Import Hypothesis or Zotero highlights</source>
        <translation>Hypothesis- oder Zotero-Markierungen importieren</translation>
    </message>
    <message>
        <source>JSON files</source>
        <translation>JSON-Dateien</translation>
    </message>
    <message>
        <source>Import Zotero highlights</source>
        <translation>Zotero-Markierungen importieren</translation>
    </message>
    <message>
        <source>Import Hypothesis highlights</source>
        <translation>Hypothesis-Markierungen importieren</translation>
    </message>
    <message>
        <source>Each highlight colour becomes a tag:</source>
        <translation>Jede Markierungsfarbe wird zu einem Tag:</translation>
    </message>
    <message>
        <source>Each Hypothesis tag becomes our tag:</source>
        <translation>Jedes Hypothesis-Tag wird zu unserem Tag:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page note(s) join the document memo.</source>
        <translation>
            <numerusform>%Ln Seitennotiz kommt ins Dokument-Memo.</numerusform>
            <numerusform>%Ln Seitennotizen kommen ins Dokument-Memo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts wurde importiert: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln highlight(s)</source>
        <translation>
            <numerusform>%Ln Markierung importieren</numerusform>
            <numerusform>%Ln Markierungen importieren</numerusform>
        </translation>
    </message>
</context>
</TS>
