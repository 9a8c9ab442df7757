<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtExportFlow</name>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>Nichts wurde geschrieben: {error}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Nothing was written: {name} names a file of {others}, not {format}. Export again and choose {others} in the Export dialog, or name the file {extension}.</source>
        <translation>Es wurde nichts geschrieben: {name} bezeichnet eine Datei im Format {others}, nicht {format}. Exportieren Sie erneut und wählen Sie {others} im Exportdialog, oder geben Sie der Datei die Endung {extension}.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere …</translation>
    </message>
    <message>
        <source>Exported {count} document(s) to {path}</source>
        <translation>{count} Dokument(e) nach {path} exportiert</translation>
    </message>
    <message>
        <source>“{name}” already exists in {folder}.

Replace it?</source>
        <translation>„{name}“ existiert bereits in {folder}.

Ersetzen?</translation>
    </message>
</context>
</TS>
