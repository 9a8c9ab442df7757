<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtExportDialog</name>
    <message>
        <source>(no coder)</source>
        <translation>(aucun codeur)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Current document</source>
        <translation>Document actuel</translation>
    </message>
    <message>
        <source>Selected documents ({count})</source>
        <translation>Documents sélectionnés ({count})</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Set to export</source>
        <translation>Ensemble à exporter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
</context>
</TS>
