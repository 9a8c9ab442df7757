<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtExportFlow</name>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>Rien n’a été écrit : {error}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Nothing was written: {name} names a file of {others}, not {format}. Export again and choose {others} in the Export dialog, or name the file {extension}.</source>
        <translation>Rien n’a été écrit : {name} désigne un fichier {others}, pas {format}. Exportez à nouveau en choisissant {others} dans la boîte d’exportation, ou nommez le fichier avec l’extension {extension}.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportation annulée ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Exported {count} document(s) to {path}</source>
        <translation>{count} document(s) exporté(s) vers {path}</translation>
    </message>
    <message>
        <source>“{name}” already exists in {folder}.

Replace it?</source>
        <translation>« {name} » existe déjà dans {folder}.

Le remplacer ?</translation>
    </message>
</context>
</TS>
