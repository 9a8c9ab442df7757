<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtTrimDialog</name>
    <message>
        <source>Trim web boilerplate?</source>
        <translation>Web-Boilerplate abschneiden?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; seems to end with site furniture or repeat itself ({parts}, {characters}). Struck-through text below would be removed; it stays recoverable in the document&apos;s metadata.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; scheint mit Seitenelementen der Website zu enden oder sich zu wiederholen ({parts}, {characters}). Der unten durchgestrichene Text würde entfernt; er bleibt in den Metadaten des Dokuments wiederherstellbar.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln part(s)</source>
        <translation>
            <numerusform>%Ln Teil</numerusform>
            <numerusform>%Ln Teile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Parts to remove</source>
        <translation>Zu entfernende Teile</translation>
    </message>
    <message>
        <source>{reason}: “{preview}…” ({characters})</source>
        <translation>{reason}: „{preview} …“ ({characters})</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Dokumentvorschau</translation>
    </message>
    <message>
        <source>Trim checked parts</source>
        <translation>Angehakte Teile abschneiden</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>Alles behalten</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
</context>
</TS>
