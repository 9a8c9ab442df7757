<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtPdfHighlightsDialog</name>
    <message>
        <source>Import PDF highlights</source>
        <translation>Importer les surlignages PDF</translation>
    </message>
    <message>
        <source>Tag for highlights in {colour}</source>
        <translation>Étiquette des surlignages en {colour}</translation>
    </message>
    <message>
        <source>Colour {colour}</source>
        <translation>Couleur {colour}</translation>
    </message>
    <message>
        <source>Our tag for their tag {tag}</source>
        <translation>Notre étiquette pour leur étiquette {tag}</translation>
    </message>
    <message>
        <source>Each highlight colour becomes a tag:</source>
        <translation>Chaque couleur de surlignage devient une étiquette :</translation>
    </message>
    <message>
        <source>Highlights that could not be placed</source>
        <translation>Surlignages qui n’ont pas pu être placés</translation>
    </message>
    <message numerus="yes">
        <source>Not placed (%Ln highlight(s)):</source>
        <translation>
            <numerusform>Non placés (%Ln surlignage) :</numerusform>
            <numerusform>Non placés (%Ln surlignages) :</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import the highlights</source>
        <translation>Importer les surlignages</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l’importation</translation>
    </message>
</context>
<context>
    <name>QtPdfHighlightsImport</name>
    <message>
        <source>Import PDF highlights</source>
        <translation>Importer les surlignages PDF</translation>
    </message>
    <message>
        <source>PDF files</source>
        <translation>Fichiers PDF</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’importation</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Rien n’a été importé : {error}</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln PDF highlight(s)</source>
        <translation>
            <numerusform>Importer %Ln surlignage PDF</numerusform>
            <numerusform>Importer %Ln surlignages PDF</numerusform>
        </translation>
    </message>
</context>
</TS>
