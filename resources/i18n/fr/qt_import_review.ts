<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ImportCommand</name>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Rétabli</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>QtImportSummaryDialog</name>
    <message>
        <source>This import adds annotations to documents already in the library. Nothing has been written yet.</source>
        <translation>Cette importation ajoute des annotations à des documents déjà dans la bibliothèque. Rien n’a encore été écrit.</translation>
    </message>
    <message>
        <source>The library changed since the last summary; this is what the import would do now.</source>
        <translation>La bibliothèque a changé depuis le dernier résumé ; voici ce que l’importation ferait maintenant.</translation>
    </message>
    <message>
        <source>Import a colleague&apos;s work?</source>
        <translation>Importer le travail d’un collègue ?</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Résumé de l’importation</translation>
    </message>
    <message>
        <source>Changed since the last summary</source>
        <translation>Modifié depuis le dernier résumé</translation>
    </message>
    <message>
        <source>About this import</source>
        <translation>À propos de cette importation</translation>
    </message>
    <message>
        <source>What the import would write</source>
        <translation>Ce que l’importation écrirait</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l’importation</translation>
    </message>
</context>
</TS>
