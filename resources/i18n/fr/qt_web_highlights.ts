<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtWebHighlightsImport</name>
    <message>
        <source>Open the document the highlights were made on first.</source>
        <translation>Ouvrez d’abord le document sur lequel les surlignages ont été faits.</translation>
    </message>
    <message>
        <source>Import Hypothesis or Zotero highlights</source>
        <translation>Importer les surlignages Hypothesis ou Zotero</translation>
    </message>
    <message>
        <source>JSON files</source>
        <translation>Fichiers JSON</translation>
    </message>
    <message>
        <source>Import Zotero highlights</source>
        <translation>Importer les surlignages Zotero</translation>
    </message>
    <message>
        <source>Import Hypothesis highlights</source>
        <translation>Importer les surlignages Hypothesis</translation>
    </message>
    <message>
        <source>Each highlight colour becomes a tag:</source>
        <translation>Chaque couleur de surlignage devient une étiquette :</translation>
    </message>
    <message>
        <source>Each Hypothesis tag becomes our tag:</source>
        <translation>Chaque étiquette Hypothesis devient notre étiquette :</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page note(s) join the document memo.</source>
        <translation>
            <numerusform>%Ln note de page rejoint le mémo du document.</numerusform>
            <numerusform>%Ln notes de page rejoignent le mémo du document.</numerusform>
        </translation>
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
        <source>Import %Ln highlight(s)</source>
        <translation>
            <numerusform>Importer %Ln surlignage</numerusform>
            <numerusform>Importer %Ln surlignages</numerusform>
        </translation>
    </message>
</context>
</TS>
