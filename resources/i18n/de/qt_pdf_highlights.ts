<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtPdfHighlightsDialog</name>
    <message>
        <source>Import PDF highlights</source>
        <translation>PDF-Markierungen importieren</translation>
    </message>
    <message>
        <source>Tag for highlights in {colour}</source>
        <translation>Tag für Markierungen in {colour}</translation>
    </message>
    <message>
        <source>Colour {colour}</source>
        <translation>Farbe {colour}</translation>
    </message>
    <message>
        <source>Our tag for their tag {tag}</source>
        <translation>Unser Tag für ihr Tag {tag}</translation>
    </message>
    <message>
        <source>Each highlight colour becomes a tag:</source>
        <translation>Jede Markierungsfarbe wird zu einem Tag:</translation>
    </message>
    <message>
        <source>Highlights that could not be placed</source>
        <translation>Markierungen, die nicht zugeordnet werden konnten</translation>
    </message>
    <message numerus="yes">
        <source>Not placed (%Ln highlight(s)):</source>
        <translation>
            <numerusform>Nicht zugeordnet (%Ln Markierung):</numerusform>
            <numerusform>Nicht zugeordnet (%Ln Markierungen):</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import the highlights</source>
        <translation>Die Markierungen importieren</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Den Import abbrechen</translation>
    </message>
</context>
<context>
    <name>QtPdfHighlightsImport</name>
    <message>
        <source>Import PDF highlights</source>
        <translation>PDF-Markierungen importieren</translation>
    </message>
    <message>
        <source>PDF files</source>
        <translation>PDF-Dateien</translation>
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
        <source>Import %Ln PDF highlight(s)</source>
        <translation>
            <numerusform>%Ln PDF-Markierung importieren</numerusform>
            <numerusform>%Ln PDF-Markierungen importieren</numerusform>
        </translation>
    </message>
</context>
</TS>
