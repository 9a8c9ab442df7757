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
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Current document</source>
        <translation>Do&amp;cument actuel</translation>
    </message>
    <message>
        <source>&amp;Selected documents ({count})</source>
        <translation>Document&amp;s sélectionnés ({count})</translation>
    </message>
    <message>
        <source>&amp;Whole library</source>
        <translation>Toute la bibliothèque (&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;et</source>
        <translation>&amp;Ensemble</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>C&amp;odeurs</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Set to export</source>
        <translation>Ensemble à exporter</translation>
    </message>
</context>
</TS>
