<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtTableTools</name>
    <message>
        <source>&amp;Copy</source>
        <extracomment>The role under which a model gives a cell&apos;s exact value for Copy and Export (str, int or float). The file dialog&apos;s filter for each table format, in the order offered (the formats&apos; own labels, in English).</extracomment>
        <translation>Kopieren (&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells (or every row) as tab-separated text</source>
        <translation>Die gewählten Zellen (oder alle Zeilen) als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the rows as CSV, XLSX, HTML, Markdown or JSON</source>
        <translation>Die Zeilen als CSV, XLSX, HTML, Markdown oder JSON speichern</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kopieren (&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the selected cells</source>
        <translation>Die gewählten Zellen kopieren</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>{title} exportieren</translation>
    </message>
    <message>
        <source>Ex&amp;port…</source>
        <translation>Ex&amp;portieren…</translation>
    </message>
    <message>
        <source>Table actions</source>
        <translation>Tabellenaktionen</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) as tab-separated text.</source>
        <translation>
            <numerusform>%Ln Zeile als tabulatorgetrennten Text kopiert.</numerusform>
            <numerusform>%Ln Zeilen als tabulatorgetrennten Text kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>Nichts wurde geschrieben: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>%Ln Zeile nach {path} exportiert</numerusform>
            <numerusform>%Ln Zeilen nach {path} exportiert</numerusform>
        </translation>
    </message>
</context>
</TS>
